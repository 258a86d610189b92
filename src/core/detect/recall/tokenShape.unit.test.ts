import * as assert from 'node:assert/strict';
import { ALNUM, BASE64, HEX, LOWER_ALNUM, randomToken } from '../random';
import { isMarkedDraw } from '../rules/markedDraws';
import {
  cleanTokenEnd,
  holdsGeneratedRun,
  isCleanToken,
  isGibberish,
  looksRandom,
  readsAsWords,
} from './tokenShape';

describe('redact tier: telling a generated value from code by its shape', () => {
  it('reads random base62, base36, hex and base64 values as generated, in nearly every draw', () => {
    for (const [charset, length] of [
      [ALNUM, 32],
      [LOWER_ALNUM, 32],
      [HEX, 40],
      [BASE64, 40],
    ] as const) {
      let missed = 0;
      for (let i = 0; i < 1000; i++) {
        missed += looksRandom(randomToken(charset, length)) ? 0 : 1;
      }
      // A few draws in a thousand may look tame (no digit, few switches): the bound is loose on purpose.
      assert.ok(
        missed <= 30,
        `${missed} of 1000 ${length}-character values over ${charset.slice(0, 12)}… missed`,
      );
    }
  });

  it('reads a lower-case hex value with long runs of letters or digits as generated (few switches)', () => {
    // Five switches in 32: under the one-in-six of base62, as a random hex value is about once in 1,100 draws.
    const d = (n: number): string => randomToken('0123456789', n);
    const x = (n: number): string => randomToken('abcdef', n);
    const hex = `${x(1)}${d(7)}${x(2)}${d(18)}${x(2)}${d(2)}`;
    assert.ok(looksRandom(hex), hex);
    // The same runs over letters past f are no hex, and keep the base62 bound.
    const other = `${randomToken('ghijkmnpqrstuvwxyz', 1)}${d(7)}${x(2)}${d(18)}${x(2)}${d(2)}`;
    assert.ok(!looksRandom(other), other);
  });

  it('does not read identifiers, words, paths, versions, dates or plain numbers as generated', () => {
    for (const value of [
      'refreshTokenFromStorage',
      'get_password2',
      'DB_PASSWORD_V2',
      'v1.2.3-beta.4',
      '2025-01-02T10:20:30',
      '12345678901234',
      'src/core/detect/recall',
      'config.auth.token',
      'correct horse battery staple',
    ]) {
      assert.equal(looksRandom(value), false, value);
    }
  });

  it('does not read identifiers of short words as generated, though they switch case as often', () => {
    // Type and class names from installed code (TypeScript's lib, @types/node, type-fest, Python).
    for (const value of [
      'DotDotDotToken',
      'UnknownArrayOrTuple',
      'DOMHighResTimeStamp',
      'Uint8ClampedArray',
      'FetchOptionsNoContext',
      'SubjectPublicKeyInfo',
      'RsaHashedKeyGenParams',
      'FileNotFoundError',
      'pki.privateKeyFromAsn1',
      'ZodFirstPartyTypeKind.ZodEffects',
    ]) {
      assert.equal(readsAsWords(value), true, value);
      assert.equal(looksRandom(value), false, value);
    }
  });

  it('reads almost no random value as words, and nearly none of 32 characters', () => {
    let short = 0;
    let long = 0;
    for (let i = 0; i < 2000; i++) {
      short += readsAsWords(randomToken(ALNUM, 16)) ? 1 : 0;
      long += readsAsWords(randomToken(ALNUM, 32)) ? 1 : 0;
      long += readsAsWords(randomToken(BASE64, 32)) ? 1 : 0;
    }
    // About one 16-character draw in 1,400 reads as words; one 32-character draw in 200,000 (2 of 400,000,
    // base62 and base64 alike): none here but about once in fifty runs.
    assert.ok(short <= 10, `${short} of 2000 16-character values read as words`);
    assert.ok(long <= 1, `${long} of 4000 32-character values read as words`);
    for (const value of ['aB3kQ9xZ7mN2pL5wT8vR', 'Xk7pQmZrT2vBnLwYsDfG']) {
      assert.equal(readsAsWords(value), false, value);
    }
  });

  it('reads C names as words after a prefix that is no word, and abbreviations spelled without a vowel', () => {
    // libxml2, libxslt, NSS's PKCS #11 headers and Vim's syntax files: a library's or a C type's prefix.
    for (const value of [
      'xmlXPathObjectPtr',
      'xmlParserCtxtPtr',
      'htmlParserCtxtPtr',
      'xsltElemPreCompPtr',
      'ulEncryptedPartLen',
      'pPublicKeyTemplate',
      'krlBuildInFunction',
      'ngxThirdPartyLuaBlock',
      'ncfSetCommandsBool',
      'ncfSetCommandsNum',
      'shCommandSubList',
      'GetElementPtrInst',
    ]) {
      assert.equal(readsAsWords(value), true, value);
      assert.equal(looksRandom(value), false, value);
    }
    // A prefix needs three words of clean camelCase after it: a drawn value opening in lower case does not.
    for (const value of ['kB2TymwjDPYsoUfehwyA', 'pvPRasokfgaHaoMGVvi9', 'qMydD9UYWYGkcoWItkag']) {
      assert.equal(readsAsWords(value), false, value);
    }
    let short = 0;
    for (let i = 0; i < 2000; i++) {
      short += readsAsWords(`${randomToken('abcdefghijklmnopqrstuvwxyz', 2)}${randomToken(ALNUM, 14)}`)
        ? 1
        : 0;
    }
    assert.ok(short <= 10, `${short} of 2000 prefixed 16-character values read as words`);
  });

  it('tells punctuation soup from code: stray closers, mismatched brackets, a quote left open', () => {
    for (const value of [
      '{-di{]xdy}sjr',
      'p(_l[#lr}b_js',
      'vb[ig{tx>bl}nss>qbj[]{z}}',
      '($z(cnrbj$ol{d>}}"',
    ]) {
      assert.equal(isGibberish(value), true, value);
    }
    for (const value of ['foo(bar[1])', 'config["x"]', 'fn(a, b', '{ a: 1 }', '"quoted"']) {
      assert.equal(isGibberish(value), false, value);
    }
  });

  it("tells a generator's draw with marks from code on a line of its own", () => {
    // pwgen -sy's alphabet less quotes and backslash: a draw is code to no language.
    const marked = `${ALNUM}!#$%&()*+,-./:;<=>?@[]^_{|}~`;
    let drawn = 0;
    for (let i = 0; i < 200; i++) {
      drawn += isMarkedDraw(randomToken(marked, 16)) ? 1 : 0;
    }
    // About one in four reads as code by chance (`abc(`, `ab.cd`, `=>`) or holds fewer than three marks.
    assert.ok(drawn >= 130, `${drawn} of 200 draws`);
    for (const value of [
      'get_password()',
      'cfg.db.password',
      "ENV['DB_PASSWORD']",
      'a || b',
      '$password;',
      'cfg->pass',
      'hash_func(salt+pw)',
      '<YOUR_PASSWORD>',
      // Real files: msal-browser, socks, apt, Perl's Digest, cryptography, prettier.
      'RESET_PASSWORD_V2_SUBMIT,',
      'SOCKS5_CUSTOM_AUTH_START;',
      '$(COMPONENT)/dep11/icons-64x64@2.tar',
      'Digest->HMAC_MD5($key);',
      'keypair[:32]',
      'match2[0];',
      '(LPVOID)password;',
      '(e,t,n,i)=>{const{tree:a,originalTree:s,tokens:r}=e',
      '<C-\\><C-N>ihello<Esc>',
      // This repository's own rule file: a TypeScript template literal.
      "${'A1B2C3D4E5F6G7H8J9K0L1M2N3P'}.${'a1b2c3d4e5f'}",
    ]) {
      assert.equal(isMarkedDraw(value), false, value);
    }
  });

  it('takes a clean token only when nothing but a delimiter follows it', () => {
    const t = `${randomToken(ALNUM, 14)}4${randomToken(ALNUM, 14)}9`;
    assert.ok(isCleanToken(t));
    assert.equal(isCleanToken(`${t}?x`), false);
    assert.equal(cleanTokenEnd(`Key=${t} next`, 4), 4 + t.length);
    assert.equal(cleanTokenEnd(`Key=${t}?tail`, 4), 4);
  });

  it('finds a generated run beside a sample counting part, and none in a placeholder', () => {
    const run = `${randomToken(ALNUM, 48)}7q`;
    assert.ok(holdsGeneratedRun(`ABCDEFGHIJ1234567890%abc%${run}`));
    assert.ok(holdsGeneratedRun(`your-key-${run}`));
    for (const value of [
      'ABCDEFGHIJ1234567890%abc%def',
      'your-api-key-goes-here-0123456789',
      '1234567890abcdefghij1234567890',
      'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'your_token_for_the_staging_server_here',
      '"ShouldEmbargo"|"IdTokenCrossSiteIdpErrorResponse"|"TooManyRequests"',
      `${randomToken(ALNUM, 21)}7q`, // a run under 24
    ]) {
      assert.equal(holdsGeneratedRun(value), false, value);
    }
  });

  it('stays linear on a long run of token characters', () => {
    const long = 'a1B2'.repeat(50_000);
    assert.equal(looksRandom(long), false); // longer than any value judged
    assert.equal(cleanTokenEnd(long, 0), 0); // a run past the bound is not read in part
  });
});
