import * as assert from 'node:assert/strict';
import { ALNUM, HEX, randomToken } from '../random';
import { applyEdits } from './textView';
import { plainNameEdits } from './plainNames';
import { decodedViewDetector } from './decodedViews';
import { RECALL_DETECTORS } from './recallTier';
import { assertHidden, assertUntouched } from './spanCases';

const views = decodedViewDetector(() => RECALL_DETECTORS);
const hides = (text: string, ...values: string[]): void => assertHidden(views, text, values);
const leaves = (text: string): void => assertUntouched(views, text);
const plain = (text: string): string => applyEdits(text, plainNameEdits(text)).text;
const password = (): string => `${randomToken(ALNUM, 8)}#${randomToken(ALNUM, 6)}!`;
/** Full-width ASCII, as a CJK input method types it. */
const wide = (s: string): string => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe('redact tier: names and blanks typed in Unicode (no-break spaces, full-width, look-alike letters)', () => {
  it('reads no-break and other wide spaces by a `=` or `:` as blanks', () => {
    assert.equal(plain('a\u00A0=\u202Fb \u3000:\u2009d'), 'a = b  : d');
    // Elsewhere they separate nothing a detector reads, and are left for the view to stay short.
    assert.equal(plain('100\u00A0€ per\u202Fmonth'), '100\u00A0€ per\u202Fmonth');
    for (const [before, after] of [
      ['\u00A0', '\u00A0'],
      ['\u00A0', ' '],
      [' ', '\u202F'],
    ]) {
      const pw = password();
      hides(`adminPassword${before}=${after}${pw}`, pw);
      const id = crypto.randomUUID();
      hides(`HEROKU_API_KEY${before}=${after}${id}`, id);
    }
  });

  it('reads a full-width name and `＝` as ASCII', () => {
    assert.equal(plain(wide('db_password=')), 'db_password=');
    const pw = password();
    hides(`${wide('password')}＝${pw}`, pw);
    hides(`password＝${pw}`, pw);
    const key = randomToken(HEX, 32);
    hides(`${wide('SECRET_KEY')}＝${key}`, key);
  });

  it('reads Cyrillic and Greek look-alike letters in a Latin name as their Latin letters', () => {
    assert.equal(plain('p\u0430ssw\u043Erd = 1'), 'password = 1');
    assert.equal(plain('\u0391PI_T\u039FKEN'), 'API_TOKEN');
    for (const name of [
      'p\u0430ssword',
      'db_p\u0430ssw\u043Erd',
      '\u0430pi_tok\u0435n',
      's\u0435cr\u0435t_k\u0435y',
    ]) {
      const pw = password();
      hides(`${name} = "${pw}"`, pw);
    }
  });

  it('leaves Russian, Greek and CJK text as written', () => {
    for (const text of [
      'Пароль и логин: см. инструкцию',
      'Введите пароль = ваш пароль',
      'Ο κωδικός πρόσβασης αλλάζει κάθε μήνα',
      'パスワード：（注）を参照してください',
      'Привет, мир',
    ]) {
      assert.equal(plain(text), text);
      leaves(text);
    }
    // An all-Cyrillic word made only of look-alikes is a Russian word (`сорок`), not a disguise.
    assert.equal(plain('сорок рек'), 'сорок рек');
  });

  it('leaves text with no-break spaces and full-width letters that names no credential alone', () => {
    leaves('Price:\u00A0100\u00A0€ per\u202Fmonth');
    leaves(`${wide('Hello World')}＝${wide('ABC')}`);
    leaves('width\u00A0=\u00A0100px; color\u00A0=\u00A0red');
    leaves('α = 0.05, β = 0.2 (test power)');
  });

  it('edits nothing in a text with no character past U+009F', () => {
    assert.deepEqual(plainNameEdits('password = "x" and more plain ASCII\n'.repeat(100)), []);
  });
});
