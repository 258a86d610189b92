import { Scrubber } from '../core/scrub';
import type { LogScrubber } from './log';

/**
 * The log's scrubber, in a bundle of its own (dist/ext/logScrubber.js, see chunks.ts): the detection engine it
 * runs is most of what the entry bundle would otherwise parse before `activate`.
 */
export function createLogScrubber(): LogScrubber {
  return new Scrubber();
}
