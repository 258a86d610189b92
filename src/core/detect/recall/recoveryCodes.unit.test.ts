import { LOWER_ALNUM, DIGITS, randomToken } from '../random';
import { findRecoveryCodes } from './recoveryCodes';
import { assertHidden, assertUntouched } from './spanCases';

/** A code as services print them: two groups of four, a digit in it for sure. */
const code = (): string => `${randomToken(LOWER_ALNUM, 3)}7-${randomToken(LOWER_ALNUM, 4)}`;

describe('redact tier: recovery codes and wallet phrases stated for a reader (recoveryCodes.ts)', () => {
  it('hides every code listed after its words, on the line or the lines below', () => {
    const [a, b, c] = [code(), code(), code()];
    assertHidden(findRecoveryCodes, `The recovery codes are: ${a}, ${b}, ${c}`, [a, b, c]);
    assertHidden(findRecoveryCodes, `Recovery codes:\n${a}\n${b}\n${c}`, [a, b, c]);
    const [d, e] = [`${randomToken(DIGITS, 4)} ${randomToken(DIGITS, 4)}`, randomToken(DIGITS, 8)];
    assertHidden(findRecoveryCodes, `backup codes:\n${d}\n${e}`, [d, e]);
  });

  it('hides a seed or recovery phrase of twelve to twenty-four words', () => {
    const phrase = 'abandon ability able about above absent absorb abstract absurd abuse access accident';
    assertHidden(findRecoveryCodes, `Seed phrase: ${phrase}`, [phrase]);
    assertHidden(findRecoveryCodes, `recovery phrase: "${phrase} zoo"`, [`${phrase} zoo`]);
  });

  it('hides codes of other shapes alone on their lines below the words, a list mark before them', () => {
    const codes = [randomToken(LOWER_ALNUM, 10), `${randomToken(LOWER_ALNUM, 8)}${randomToken(DIGITS, 2)}`];
    assertHidden(
      findRecoveryCodes,
      `GitHub recovery codes (jdoe-dev)\n${codes[0]}\n${codes[1]}\nKeep these safe.`,
      codes,
    );
    assertHidden(
      findRecoveryCodes,
      `Backup codes for ops@example.com:\n1. ${codes[0]}\n2. ${codes[1]}`,
      codes,
    );
    assertUntouched(
      findRecoveryCodes,
      'See the recovery codes section of the manual.\nNext we configure the server.',
    );
  });

  it('leaves prose about codes and phrases, and what follows a blank line', () => {
    for (const text of [
      'Recovery codes let you sign in when you lose your phone.',
      `backup codes:\n\nSee https://example.io/docs/2fa-2024 for more`,
      'The seed phrase is twelve words long; keep it offline.',
    ]) {
      assertUntouched(findRecoveryCodes, text);
    }
  });
});
