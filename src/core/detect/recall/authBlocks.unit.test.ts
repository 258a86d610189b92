import { HEX, randomToken } from '../random';
import { findAuthBlocks } from './authBlocks';
import { assertHidden, assertUntouched, fake } from './spanCases';

const hides = (text: string, ...values: string[]): void => assertHidden(findAuthBlocks, text, values);
const leaves = (text: string): void => assertUntouched(findAuthBlocks, text);

/** A Postman auth block, pretty-printed as Postman exports it. */
const block = (type: string, entries: [string, string][]): string =>
  `{\n  "auth": {\n    "type": "${type}",\n    "${type}": [\n${entries
    .map(
      ([k, v]) =>
        `      {\n        "key": "${k}",\n        "value": "${v}",\n        "type": "string"\n      }`,
    )
    .join(',\n')}\n    ]\n  }\n}`;

describe("redact tier: Postman's auth blocks (authBlocks.ts)", () => {
  it('hides the secret entry of apikey, bearer, basic and oauth2 blocks, pretty-printed or on one line', () => {
    const key = randomToken(HEX, 32);
    hides(
      block('apikey', [
        ['value', key],
        ['key', 'X-API-Key'],
        ['in', 'header'],
      ]),
      key,
    );
    const token = fake(40);
    hides(block('bearer', [['token', token]]), token);
    const pw = `${fake(6)}\\"${fake(4)}`;
    hides(
      block('basic', [
        ['username', 'alice'],
        ['password', pw],
      ]),
      pw,
    );
    const secret = fake(24);
    hides(
      block('oauth2', [
        ['clientSecret', secret],
        ['grant_type', 'client_credentials'],
      ]),
      secret,
    );
    // The value before the key, and the compact form.
    hides(`"apikey":[{"value":"${key}","key":"value","type":"string"},{"key":"key","value":"X-Key"}]`, key);
  });

  it('leaves the other entries, variables and placeholders', () => {
    leaves(
      block('apikey', [
        ['value', '{{apiKey}}'],
        ['key', 'X-API-Key'],
        ['in', 'header'],
      ]),
    );
    leaves(
      block('basic', [
        ['username', 'alice'],
        ['password', '<password>'],
      ]),
    );
    leaves(block('bearer', [['token', '{{token}}']]));
    leaves(block('basic', [['password', '********']]));
    leaves('{"auth": {"type": "noauth"}, "apikey": "see the docs"}');
    leaves('const bearer = [ { key: "token", value: token } ];');
  });
});
