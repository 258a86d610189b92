import * as assert from 'node:assert/strict';
import { ALNUM, randomToken } from '../random';
import type { RecallSpan } from './recallSpan';
import { assertUntouched } from './spanCases';
import { findTrailingJoints } from './trailingJoints';

const spans = (text: string): string[] => {
  const out: RecallSpan[] = [];
  findTrailingJoints(text, out);
  return out.map((s) => `${s.kind}=${text.slice(s.start, s.end)}`);
};

describe('redact tier: provider tokens that end in a joint (trailingJoints.ts)', () => {
  it('hides a prefixed token whose last character is `-` or `_`, joint included, wherever it stands', () => {
    // A body with a digit and a capital, as nearly every draw of 19 or more holds.
    const draw = (n: number): string => `7Q${randomToken(ALNUM, n - 2)}`;
    const tokens: [string, string][] = [
      ['gitlab-pat', `glpat-${draw(19)}-`],
      ['gitlab-pat', `glpat-${draw(19)}_`],
      ['gitlab-scim-token', `glsoat-${draw(19)}-`],
      ['gitlab-feed-token', `glft-${draw(19)}-`],
      ['replicate-api-token', `r8_${draw(37)}-`],
    ];
    for (const [kind, token] of tokens) {
      for (const text of [
        `use this one: ${token} and retry`,
        `running: python sync.py ${token} ./out`,
        `TOKEN="${token}"`,
        `${token}`,
      ]) {
        assert.deepEqual(spans(text), [`${kind}=${token}`], text);
      }
    }
  });

  it('leaves names and words that end in a joint, and tokens that end on a letter (the report rules\u2019)', () => {
    for (const text of [
      'this->very_long_member_name_ = other.very_long_member_name_;',
      'int64_t bytesReadSinceLastFlush2_;',
      'pre- and post-conditions, well- and ill-formed',
      '| name | value |\n|------|-------|',
      `sha256-${randomToken(ALNUM, 43)}-`,
      `glpat-${randomToken(ALNUM, 20)} and more`,
      `cmake -DCMAKE_BUILD_TYPE=Release -DWITH_FEATURE_X11_`,
    ]) {
      assertUntouched(findTrailingJoints, text);
    }
  });
});
