import { randomToken } from '../random';
import { findValuesAfterCredentialWords } from './credentialWordValues';
import { assertHidden, assertUntouched, draw, uuidDraw as uuid, wordlessDraw } from './spanCases';

const HEX = '0123456789abcdef';
const DIGITS = '0123456789';

describe('redact tier: values after a credential word', () => {
  it('hides a generated value after a credential word, a blank, `=`, `:` or a line break', () => {
    for (const [text, value] of [
      (v: string) => [`karma SECRET ${v}`, v],
      (v: string) => [`betterstack SECRET=${v}`, v],
      (v: string) => [`holisticACCESS=${v}`, v],
      (v: string) => [`visualcrossing\nKEY\n${v}`, v],
      (v: string) => [`oanda SECRET key ${v}`, v],
    ].flatMap((f) => [f(wordlessDraw(24)), f(randomToken(DIGITS, 25)), f(randomToken(HEX, 32)), f(uuid())])) {
      assertHidden(findValuesAfterCredentialWords, text!, [value!]);
    }
  });

  it('hides one-case random letters after a credential word, not words', () => {
    const letters = 'qzxkvjwpfgbhmtcnrdsl';
    assertHidden(findValuesAfterCredentialWords, `tefter SECRET KEY ${letters}`, [letters]);
    assertHidden(findValuesAfterCredentialWords, `oanda SECRET key ${letters.toUpperCase()}`, [
      letters.toUpperCase(),
    ]);
    assertUntouched(findValuesAfterCredentialWords, 'the secret key interestingthoughts');
  });

  it('leaves names of code, fillers and values after other words', () => {
    for (const text of [
      '#define XkbChangeTypesOfKey SrvXkbChangeTypesOfKey',
      'XtCheckpointToken XtSessionGetToken(',
      "const key = 'keykeykeykeykeykeykeykey';",
      'password = utf8_to_utf16_dup(v);',
      `commit ${randomToken(HEX, 40)}`,
      `version: ${randomToken(DIGITS, 20)}`,
      `key-${draw(24)}`,
      // A UUID of one digit repeated is the documented empty key, not a draw.
      'InstrumentationKey=00000000-0000-0000-0000-000000000000;EndpointSuffix=ai.contoso.com;',
      'SECRET 11111111-1111-1111-1111-111111111111',
      'GROQ_API_KEY=gsk_aBcDeFgHiJkLmNoPqRsT1234567890abcdefghijklmnopqrstuv',
    ]) {
      assertUntouched(findValuesAfterCredentialWords, text);
    }
  });
});
