import * as assert from 'node:assert/strict';
import { ALNUM, randomToken } from '../random';
import type { RecallDetector, RecallSpan } from './recallSpan';

/** Test support: the spans `detect` finds in `text`. */
export function spansOf(detect: RecallDetector, text: string): RecallSpan[] {
  const out: RecallSpan[] = [];
  detect(text, out);
  return out;
}

/** Asserts that every character of each of `values` in `text` lies inside a span `detect` finds. */
export function assertHidden(detect: RecallDetector, text: string, values: readonly string[]): void {
  const spans = spansOf(detect, text);
  for (const value of values) {
    const at = text.indexOf(value);
    assert.ok(at !== -1, `test value not in text: ${value}`);
    for (let i = at; i < at + value.length; i++) {
      assert.ok(
        spans.some((s) => s.start <= i && i < s.end),
        `character ${i - at} of ${JSON.stringify(value)} is not hidden in ${JSON.stringify(text)}`,
      );
    }
  }
}

/** Asserts that `detect` finds nothing in `text`. */
export function assertUntouched(detect: RecallDetector, text: string): void {
  const spans = spansOf(detect, text);
  assert.deepEqual(
    spans.map((s) => text.slice(s.start, s.end)),
    [],
    `expected nothing hidden in ${JSON.stringify(text)}`,
  );
}

/** A value built at test time, so that the repository holds no credential-shaped literal. */
export function fake(length = 12): string {
  return randomToken(ALNUM, length);
}
