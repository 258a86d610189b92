import * as assert from 'node:assert/strict';
import { randomToken } from '../random';
import { findCommentLabels } from './commentLabels';
import { assertHidden, assertUntouched, fake, spansOf, uuidDraw } from './spanCases';

const hides = (text: string, ...values: string[]): void => assertHidden(findCommentLabels, text, values);
const leaves = (text: string): void => assertUntouched(findCommentLabels, text);

/** A password drawn fresh, with a digit and a mark. */
const password = (): string => `${fake(9)}!${fake(2)}7`;
/** Three words joined as people join them, and a number. */
const words = (): string => `copper-raven-maple${randomToken('0123456789', 2)}`;

describe('redact tier: a value a comment labels as a credential (commentLabels.ts)', () => {
  it("hides the comment's last word after creds, pw, token or key, in any language's comment", () => {
    const hex = randomToken('0123456789abcdef', 32);
    const id = uuidDraw();
    const p = password();
    hides(`// old creds, do not use: ${id}\nconst client = makeClient(process.env.API_KEY);`, id);
    hides(`# prod token -> ${hex}\n`, hex);
    hides(`' staging pw = ${p}\n`, p);
    hides(`/* old creds, do not use: ${p} */`, p);
    hides(`<!-- TODO remove before commit. staging pw = ${p} -->`, p);
    hides(`{- staging pw = ${p} -}`, p);
    hides(`REM old creds, do not use: ${hex}`, hex);
    hides(`% api key: "${hex}"`, hex);
    const w = words();
    hides(`-- admin password is ${w}\n`, w);
    hides(`; creds: ${w}\n`, w);
    // Only the value: the comment's closer stays.
    const text = `/* staging pw = ${p} */`;
    assert.equal(text.slice(spansOf(findCommentLabels, text)[0]!.end), ' */');
  });

  it('hides a generated value alone on its line when a comment after it labels it', () => {
    const hex = randomToken('0123456789abcdef', 32);
    hides(`${hex}  # my api key`, hex);
    const id = uuidDraw();
    hides(`    "${id}",  // staging token`, id);
    const drawn = fake(28);
    hides(`${drawn} -- old access key, rotate`, drawn);
    // A bare `key` is no label here, and a chosen word or code is no value.
    leaves(
      `    "${Buffer.from('Patience is the key to success').toString('base64')}", // "Patience is the key to success"`,
    );
    leaves('some_function_name_here  # returns the api key');
    leaves('https://example.com/oauth/token  # token endpoint');
  });

  it('leaves comments that explain a credential without holding one', () => {
    leaves('# token: see the docs\n');
    leaves('// password: must be at least 12 characters\n');
    leaves('# key: value pairs, one a line\n');
    leaves('// the key is generated at startup\n');
    leaves('# password: <password>\n# token = $API_TOKEN\n# secret: ${DB_PASSWORD}\n# pw = ********\n');
    leaves('// token = getToken(session)\n');
    leaves('# key: editor.fontSize\n');
    leaves(`# token id: ${uuidDraw()}\n`);
    leaves(`     *   Public key ping-sha256: ${fake(43)}=\n`);
    leaves(`# key: ${words()}\n`);
  });

  it('leaves code and strings that only look like comments', () => {
    leaves(`  *password = std::string(reinterpret_cast<char*>(creds[0]->CredentialBlob),\n`);
    leaves(`'access_token': '${fake(15)}',\n`);
    leaves(`'https://example.com?client_id=x&response_type=token&redirect_uri=https%3A%2F%2Fa.b%2Fcb'\n`);
    leaves('* **api:** support admin api key auth ([e3862a3](https://github.com/o/r/commit/e3862a3))\n');
  });
});
