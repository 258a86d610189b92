import { findSecrets } from '../scanner';
import { alnumTable, longRuns } from './charRuns';
import type { RecallDetector } from './recallSpan';

/**
 * Provider tokens whose last character is a `-` or `_` (`glpat-…-`, `r8_…-`). Their alphabets hold both, so
 * one issued token in thirty-two ends with one; the report rules end a token on a letter or a digit (a joint
 * is how a name or a cut ends: `max_`, `pre-`), and such a token went out whole (hunter D, 2026-12-06).
 * Each run that ends in a joint and is long and mixed enough to be a token is read again by the report
 * rules with the joint read as a letter; a finding that ends there is the token, joint included.
 */

/** Characters of a token: letters, digits and the joints. */
const TOKEN = alnumTable('_-');
/** Shortest run before the joint: a prefix and the shortest body a prefixed rule takes. */
const MIN_RUN = 20;
/** How far back from the joint the window reaches: the longest prefix and body, and the keyword beside. */
const REACH = 160;

export const findTrailingJoints: RecallDetector = (text, out) => {
  // The runs of token characters (a skipping scan, not a pattern tried at every character), each read only
  // when its last character is a joint: the run is maximal, so that joint ends the token.
  const runs = longRuns(text, TOKEN, MIN_RUN + 1);
  for (let r = 0; r < runs.length; r += 2) {
    const joint = runs[r + 1]! - 1;
    const c = text.charCodeAt(joint);
    if (c !== 45 && c !== 95) {
      continue;
    }
    const start = Math.max(runs[r]!, joint - REACH);
    // A token's body is drawn: it holds a digit or a capital (`very_long_member_name_` holds neither).
    if (!/[0-9A-Z]/.test(text.slice(start, joint))) {
      continue;
    }
    const from = Math.max(0, joint - REACH);
    const window = `${text.slice(from, joint)}x`;
    for (const { finding } of findSecrets(window)) {
      if (finding.end === window.length) {
        out.push({ start: from + finding.start, end: joint + 1, kind: finding.ruleId });
      }
    }
  }
};
