import * as assert from 'node:assert/strict';
import { githubToken } from '../checksum';
import { ALNUM, randomToken } from '../random';
import { redactText } from '../../pipeline/redact';
import { RedactionMap } from '../../pipeline/redactionMap';
import { assertLinear } from '../../../../test/support/cpuTime';
import { joinedArgumentEdits } from './joinedArguments';
import { RECALL_DETECTORS } from './recallTier';
import { leaksFragment } from './spanCases';

const hide = (text: string): string =>
  redactText(text, new RedactionMap(), { recallDetectors: RECALL_DETECTORS }).text;
const pat = (): string => githubToken('ghp', randomToken(ALNUM, 30));
const leaks = leaksFragment;

describe('redact tier: literals a call joins (joinedArguments.ts)', () => {
  it('hides a token split into the literal arguments of Sprintf or a joined list', () => {
    const t = pat();
    const [a, b, c] = [t.slice(0, 11), t.slice(11, 27), t.slice(27)];
    for (const text of [
      `token := fmt.Sprintf("%s%s%s", "${a}", "${b}", "${c}")\n`,
      `const token = [\n  '${a}',\n  '${b}',\n  '${c}',\n].join('');\n`,
      `token = "".join(["${a}", "${b}", "${c}"])\n`,
      `String token = String.format("%s%s", "${a}", "${b}${c}");\n`,
    ]) {
      const out = hide(text);
      assert.ok(!leaks(out, b), out);
    }
  });

  it('reads the joined value as given to the name (a password or a hex key, no token shape)', () => {
    const hex = randomToken('0123456789abcdef', 32);
    const password = `Yw7${randomToken(ALNUM, 5)};_,O#$dj;}p`;
    for (const [text, secret] of [
      [
        `const api_secret = [\n  '${hex.slice(0, 3)}',\n  '${hex.slice(3, 20)}',\n  '${hex.slice(20)}'\n].join('');\n`,
        hex,
      ],
      [
        `const db_pass = ['${password.slice(0, 6)}', '${password.slice(6, 12)}', '${password.slice(12)}'].join('');\n`,
        password,
      ],
      [
        `token := fmt.Sprintf("%s%s", "${hex.slice(0, 13)}", "${hex.slice(13)}")\nreq.Header.Set("Authorization", "Bearer "+token)\n`,
        hex,
      ],
      [`db_password = "".join(["${password.slice(0, 9)}", "${password.slice(9)}"])\n`, password],
    ]) {
      const out = hide(text!);
      assert.ok(!leaks(out, secret!.slice(3)), out);
    }
  });

  it('joins nothing in a list with a separator, a format with words, or names', () => {
    assert.deepEqual(joinedArgumentEdits('const s = ["alice", "bob"].join(", ");'), []);
    assert.deepEqual(joinedArgumentEdits('msg := fmt.Sprintf("user %s: %s", "a", "b")'), []);
    assert.deepEqual(joinedArgumentEdits('const s = [x, "bob"].join("");'), []);
    const names = 'const s = ["alice", "bob"].join("");';
    assert.equal(hide(names), names);
  });

  it('reads a long list of joins in linear time', () => {
    assertLinear((n) => joinedArgumentEdits(`['ab', 'cd'].join('') `.repeat(n / 23)), 20_000);
    assertLinear((n) => joinedArgumentEdits(`"".join(["ab", `.repeat(n / 16)), 20_000);
  });
});
