import { findSecrets } from '../scanner';
import type { RecallDetector } from './recallSpan';

/**
 * Provider tokens whose last character is a `-` or `_` (`glpat-…-`, `r8_…-`). Their alphabets hold both, so
 * one issued token in thirty-two ends with one; the report rules end a token on a letter or a digit (a joint
 * is how a name or a cut ends: `max_`, `pre-`), and such a token went out whole (hunter D, 2026-12-06).
 * Each run that ends in a joint and is long and mixed enough to be a token is read again by the report
 * rules with the joint read as a letter; a finding that ends there is the token, joint included.
 */

/** A run of token characters ending in a joint: the end of `glpat-…-`, not `count_` or `pre-`. */
const JOINT_END = /[_-](?![A-Za-z0-9_-])/g;
/** Shortest run before the joint: a prefix and the shortest body a prefixed rule takes. */
const MIN_RUN = 20;
/** How far back from the joint the window reaches: the longest prefix and body, and the keyword beside. */
const REACH = 160;

function isTokenChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45;
}

export const findTrailingJoints: RecallDetector = (text, out) => {
  const re = new RegExp(JOINT_END.source, 'g');
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const joint = m.index;
    let start = joint;
    let drawn = false;
    while (start > 0 && joint - start < REACH && isTokenChar(text.charCodeAt(start - 1))) {
      start--;
      const c = text.charCodeAt(start);
      drawn ||= (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
    }
    // A token's body is drawn: it holds a digit or a capital (`very_long_member_name_` holds neither).
    if (joint - start < MIN_RUN || !drawn) {
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
