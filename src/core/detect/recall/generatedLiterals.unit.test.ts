import { ALNUM, HEX, randomToken } from '../random';
import { findGeneratedLiterals } from './generatedLiterals';
import { assertHidden, assertUntouched } from './spanCases';

const hides = (text: string, ...values: string[]): void => assertHidden(findGeneratedLiterals, text, values);
const leaves = (text: string): void => assertUntouched(findGeneratedLiterals, text);
/** A base62 token whose mix of classes never depends on the draw. */
const token = (n = 32): string => `${randomToken(ALNUM, n - 6)}Q7r3Zk`;

describe('redact tier: generated literals under any name', () => {
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
