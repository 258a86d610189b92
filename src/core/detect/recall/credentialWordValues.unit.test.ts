import * as assert from 'node:assert/strict';
import { randomToken } from '../random';
import { findValuesAfterCredentialWords } from './credentialWordValues';
import { assertHidden, assertUntouched, draw, spansOf, uuidDraw as uuid, wordlessDraw } from './spanCases';

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

  it('hides nearly every draw of one-case letters, though a tenth hold few pairs no word holds, not words', () => {
    // The report tier's test (`randomLetterRun`: one pair in four outside the table) lets about one draw of
    // 24 in ten through; after a credential word the redact tier must not.
    for (const [length, alphabet] of [
      [20, 'abcdefghijklmnopqrstuvwxyz'],
      [24, 'abcdefghijklmnopqrstuvwxyz'],
      [25, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'],
      [32, 'abcdefghijklmnopqrstuvwxyz'],
    ] as const) {
      let hidden = 0;
      const draws = 200;
      for (let i = 0; i < draws; i++) {
        const v = randomToken(alphabet, length);
        const text = `vercelTOKEN ${v}`;
        hidden += spansOf(findValuesAfterCredentialWords, text).some(
          (s) => s.start <= text.indexOf(v) && s.end >= text.length,
        )
          ? 1
          : 0;
      }
      assert.ok(hidden >= draws * 0.95, `${hidden} of ${draws} draws of ${length} hidden`);
    }
    for (const text of [
      'token configurationfilename',
      'SECRET KEY AUTHENTICATIONHEADER',
      'access token refreshthresholdseconds',
      'the api key LOCALIZATIONSTRINGS',
    ]) {
      assertUntouched(findValuesAfterCredentialWords, text);
    }
  });

  it('hides a key in groups of letters after a credential word, a mask beside a drawn group too, not words', () => {
    const caps = 'BCDFGHJKLMNPQRSTVWXZ';
    for (let i = 0; i < 10; i++) {
      const groups = [0, 1, 2, 3].map(() => randomToken(caps, 7)).join('-');
      assertHidden(findValuesAfterCredentialWords, `RequestFinance-Key ${groups}`, [groups]);
      const sample = `ABCDEFG-HIJKLMN-OPQRSTU-${randomToken(caps, 7)}`;
      assertHidden(findValuesAfterCredentialWords, `RequestFinance-Key ${sample}`, [sample]);
    }
    for (const text of [
      'license key XXXXX-XXXXX-XXXXX-XXXXX',
      'RequestFinance-Key ABCDEFG-HIJKLMN-OPQRSTU-VWXYZAB',
      'key INFO-WARN-ERROR-DEBUG',
      'KEY ABCD-EFGH-IJKL-MNOP',
      'secret HELLO-WORLD-AGAIN-LATER',
    ]) {
      assertUntouched(findValuesAfterCredentialWords, text);
    }
  });

  it('hides a value holding `=` whole after a credential word, not a name before `=` nor a cut run', () => {
    for (let i = 0; i < 10; i++) {
      const base64ish = `${draw(9)}=${wordlessDraw(32)}==`;
      assertHidden(findValuesAfterCredentialWords, `instabot_private_access ${base64ish}`, [base64ish]);
      const short = `${randomToken(DIGITS, 1)}${randomToken('bcdfghjklmnpqrstvwxz', 3)}${randomToken(DIGITS, 2)}=${wordlessDraw(13)}==`;
      assertHidden(findValuesAfterCredentialWords, `d7networkACCESS ${short}`, [short]);
      // `KEY=` is a name and its value: the value alone is hidden.
      const value = wordlessDraw(20);
      const text = `token KEY=${value}`;
      assert.deepEqual(
        spansOf(findValuesAfterCredentialWords, text).map((s) => text.slice(s.start, s.end)),
        [value],
      );
      // A run that goes on past a `!` is a piece of a longer string (a peer's near miss).
      assertUntouched(
        findValuesAfterCredentialWords,
        `azureFunctionkey: ${draw(9)}=${draw(14)}!${draw(20)}/`,
      );
    }
  });

  it('hides padded base64 whose few letters fall in short runs (`9sgc21=A3apk10JngRWq==`)', () => {
    // Three-letter runs (`sgc`, `Jng`) read as words to `spellsWords` in a value this short: one plain draw of
    // this shape in five was left before. Now nearly all are hidden; letters that spell words still count.
    const alnum = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    let hidden = 0;
    for (let i = 0; i < 200; i++) {
      const value = `${randomToken('0123456789', 1)}${randomToken('bcdfghjklmnpqrstvwxz', 3)}${randomToken('0123456789', 2)}=${randomToken(alnum, 13)}==`;
      const text = `d7networkACCESS ${value}`;
      hidden += spansOf(findValuesAfterCredentialWords, text).some(
        (s) => text.slice(s.start, s.end) === value,
      )
        ? 1
        : 0;
    }
    assert.ok(hidden >= 195, `${hidden} of 200 hidden`);
    // No digits, or one case only: not base64's draw, and left to the other judges.
    assertUntouched(findValuesAfterCredentialWords, 'api_key: Password=Password==');
  });

  it('hides letters of both cases that switch case seldom, not camelCase words', () => {
    const lower = 'bcdfghjklmnpqrstvwxz';
    const upper = lower.toUpperCase();
    for (let i = 0; i < 10; i++) {
      const letters = `${randomToken(lower, 6)}${randomToken(upper, 2)}${randomToken(lower, 7)}${randomToken(upper, 1)}${randomToken(lower, 4)}`;
      assertHidden(findValuesAfterCredentialWords, `timezoneapi SECRET token ${letters}`, [letters]);
    }
    for (const text of ['access token getAccessTokenFromHeader', 'SECRET KEY ConfigurationManager']) {
      assertUntouched(findValuesAfterCredentialWords, text);
    }
  });

  it('hides hex of 12 to 15 after a credential word, not a sample that counts', () => {
    for (let i = 0; i < 20; i++) {
      // Six kinds of character or more: fewer is the detector's filler (`keykeykey…`), which one draw of 12
      // hex in a hundred is (the whole redactor still hides those, as hex after a credential word).
      let v = '';
      do {
        v = `${randomToken(HEX, 10)}a${randomToken(DIGITS, 1)}${randomToken(HEX, i % 4)}`;
      } while (new Set(v).size < 6);
      assertHidden(findValuesAfterCredentialWords, `ipinfo private token ${v}`, [v]);
    }
    assertUntouched(findValuesAfterCredentialWords, 'SECRET abcdef012345');
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
