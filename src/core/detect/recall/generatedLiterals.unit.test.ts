import * as assert from 'node:assert/strict';
import { ALNUM, HEX, randomFraction, randomToken } from '../random';
import { LITERAL_PATTERNS, findGeneratedLiterals, literalMatches } from './generatedLiterals';
import { assertHidden, assertUntouched } from './spanCases';

const hides = (text: string, ...values: string[]): void => assertHidden(findGeneratedLiterals, text, values);
const leaves = (text: string): void => assertUntouched(findGeneratedLiterals, text);
/** A base62 token whose mix of classes never depends on the draw. */
const token = (n = 32): string => `${randomToken(ALNUM, n - 6)}Q7r3Zk`;

describe('redact tier: generated literals under any name', () => {
  it('tries its patterns only at runs of letters and digits, and finds what whole-text passes find', () => {
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(randomFraction() * xs.length)]!;
    const run = (): string => randomToken(ALNUM, pick([5, 19, 20, 21, 40, 256, 257, 300]));
    const blanks = (): string => pick(['', ' ', '\t', '  ', '    ', '     ']);
    // Quoted runs (some sharing a quote), Go's `:=` with 0 to 5 blanks, .env lines, and what may follow each.
    const pieces = [
      () => `${pick(['"', "'", '`'])}${run()}`,
      () => `:=${blanks()}${run()}`,
      () => `\n${pick(['', 'export ', '  '])}${pick(['X_1', 'name', 'a.b-c'])}=${run()}`,
      () => pick(['"', "'", '`', ',', ';', ' ', '\n', '\r\n', '=', '-']),
      () => blanks(),
    ];
    let matches = 0;
    for (let round = 0; round < 300; round++) {
      let text = '';
      while (text.length < 600) {
        text += pick(pieces)();
      }
      const expected = LITERAL_PATTERNS.flatMap((re) => [...text.matchAll(re)].map((m) => [m.index, m[0]]));
      matches += expected.length;
      assert.deepEqual(
        literalMatches(text).map(({ m }) => [m.index, m[0]]),
        expected,
        text,
      );
    }
    assert.ok(matches > 100, `only ${matches} matches drawn`);
  });

  it('hides a quoted base62 token, or the bare value of a Go `:=`, whatever the name', () => {
    const t = token();
    hides(`apiMetrics := "${t}"`, t);
    hides(`mieeRyDPqsEsXmJG := "${t}"`, t);
    hides(`c9CBoeVb = '${token(64)}'`.replace(/'.*'/, `'${t}'`), t);
    hides(`sheets := getsmartsheet("${t}")`, t);
    hides(`OPgNBwuluSc := ${t}`, t);
    hides(`"v0eyjtnq_lmuckw": "${t}"`, t);
    // A `.env` or shell line: the whole line is the setting (Kingfisher's `dareboost=…`, `enigma=…`).
    hides(`dareboost=${t}`, t);
    hides(`export ENIGMA=${t}\n`, t);
    // A search service's key is a key: `search` no longer makes it an ordinary one, as `sort` or `cache` do.
    hides(`AZURE_SEARCH_KEY = "${t}"`, t);
  });

  it("hides a .env line's random base64 with a `+` or a `/`, and not a digest's name, text or an expression", () => {
    const b64 = (): string => `${randomToken(ALNUM, 12)}+${randomToken(ALNUM, 14)}/${randomToken(ALNUM, 12)}`;
    const key = b64();
    // detect-secrets' config.env: a name that says nothing, the shape of an AWS secret key.
    hides(`mimi=${key}\n`, key);
    const padded = `${b64()}==`;
    hides(`  export SIGNING_MATERIAL=${padded}\r\nNEXT=1`, padded);
    for (const text of [
      `SHA256_DIGEST=${b64()}`,
      `GREETING=${Buffer.from('a line of readable text, base64 encoded').toString('base64')}`,
      `x=${randomToken(ALNUM, 40)}+1`,
      `value=${b64()} # and more after it`,
      `url = "https://example.com/${b64()}"`,
    ]) {
      leaves(text);
    }
  });

  it('leaves ids, digests, identifiers, base64 of text, and tokens with separators', () => {
    for (const text of [
      `token_id = "${token(20)}"`,
      `"client_id": "${token()}"`,
      `keyId: "${token(24)}"`,
      `idempotency_key = "${token()}"`,
      `const recaptchaSiteKey = "${token(40)}";`,
      `commit = "${randomToken(HEX, 40)}"`,
      `id = "${[8, 4, 4, 4, 12].map((n) => randomToken(HEX, n)).join('-')}"`,
      'const handler = "getUserAccountSettings2024v2"',
      `const fixture = Buffer.from("${Buffer.from('test payload for the parser').toString('base64')}", "base64");`,
      `slug = "${randomToken(ALNUM, 12)}_${randomToken(ALNUM, 12)}"`,
      `short = "${token(19)}"`,
      `x := ${token()} + offset`,
      `ENIGMA_ID=${token()}`,
      `EXPECTED=${token()} # from the fixture`,
      `x=${token()}+1`,
    ]) {
      leaves(text);
    }
  });
});
