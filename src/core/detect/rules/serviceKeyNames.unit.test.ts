import * as assert from 'node:assert/strict';
import { RedactionMap } from '../../pipeline/redactionMap';
import { redactText } from '../../pipeline/redact';
import { builtinRules } from '../catalog';
import { defersToNamedProvider } from '../prefixLookAlike';
import { ALNUM, BASE64, HEX, randomToken } from '../random';
import { scan } from '../scanner';
import { serviceNamedShape, serviceRefutes } from './serviceKeyNames';
import { parseTable } from './serviceKeyLines';
import { ServiceKeyIndex } from './serviceKeyTable';

const ids = (text: string): string[] => scan(text).map((f) => f.ruleId);
const LOWER = 'abcdefghijklmnopqrstuvwxyz0123456789';
const generic = builtinRules.find((r) => r.id === 'generic-secret')!;

describe('serviceNamedShape', () => {
  const shape = serviceNamedShape(
    parseTable(
      'Acme acme l40\nRanged ranged a20..40\nClaimed claimed l40\nPair pair h32 &h8\nRuns runs l40+',
    ),
    new Set(['claimed']),
  );
  const fits = shape.value as (value: string, word: string) => boolean;

  it('names the services of one length only, and none another rule claims or reads running on', () => {
    assert.deepEqual(shape.words, ['acme', 'pair']);
  });

  it('refuses a value a few characters short of the one length, and takes the length itself', () => {
    for (const n of [37, 38, 39]) {
      assert.equal(fits('a'.repeat(n), 'acme'), false, String(n));
    }
    assert.equal(fits('a'.repeat(40), 'acme'), true);
    // Any part's length counts: the id's too.
    assert.equal(fits('a'.repeat(8), 'pair'), true);
  });

  it('takes a value longer than the length: a peer without a boundary after it reads that as the key', () => {
    // Kingfisher's patterns end with no boundary, and its own examples run past the count
    // (`planyo_token=` and 64 characters for a 62-character class).
    for (const n of [41, 42, 43]) {
      assert.equal(fits('a'.repeat(n), 'acme'), true, String(n));
    }
  });

  it('takes a value far from the length: another kind of credential the table does not list', () => {
    assert.equal(fits('a'.repeat(22), 'acme'), true);
    assert.equal(fits('a'.repeat(64), 'acme'), true);
  });
});

describe('a value one length off under a one-length provider’s key name', () => {
  it('a Lokalise token a character or two short is no finding', () => {
    for (const n of [38, 39]) {
      const value = randomToken(LOWER, n);
      for (const name of ["lokalise_token = '", 'LOKALISE_API_KEY=', 'lokaliseToken := "']) {
        assert.deepEqual(ids(`${name}${value}`), [], `${name}${n}`);
      }
    }
  });

  it('the one length is still reported by the table, and a far length by the generic rule', () => {
    assert.deepEqual(ids(`lokalise_token = '${randomToken(LOWER, 40)}'`), ['service-api-key']);
    assert.deepEqual(ids(`lokalise_token = '${randomToken(ALNUM, 22)}'`), ['generic-secret']);
  });

  it('a longer name that holds its word names the service too, as the table reads it', () => {
    // The key-name reading takes the provider's own name only; the table's reading (its word shortly
    // before the value, `serviceRefutes`) names the value in a longer name as well.
    const value = randomToken(LOWER, 39);
    const text = `my_lokalise_token = '${value}`;
    assert.equal(defersToNamedProvider(builtinRules, generic, text, text.length - 39, value), true);
    const far = randomToken(ALNUM, 22);
    const other = `my_lokalise_token = '${far}`;
    assert.equal(defersToNamedProvider(builtinRules, generic, other, other.length - 22, far), false);
  });
});

describe('AWS and Databricks key names hold one shape', () => {
  it('a base64 value other than 40 characters under AWS’s secret key name is no finding', () => {
    for (const value of [`${randomToken(ALNUM, 54)}==`, randomToken(BASE64, 39), randomToken(BASE64, 44)]) {
      for (const name of ['AWS_SECRET_ACCESS_KEY = ', 'aws_secret_key: ', 'awsSecretAccessKey = "']) {
        assert.deepEqual(ids(`${name}${value}`), [], `${name}${value.length}`);
      }
    }
  });

  it('a 40-character key is still AWS’s, and a password under AWS’s name still a finding', () => {
    assert.deepEqual(ids(`AWS_SECRET_ACCESS_KEY = ${randomToken(ALNUM, 40)}`), ['aws-secret-access-key']);
    // No `$` or `{` in the drawn part: `${…}` would read as a template reference (about 1 draw in 10). Nor a
    // short placeholder word, which a draw of letters spells now and then and which, after one of the draw's
    // marks, reads as a placeholder's (`…u(ztodoal#…` under one seed).
    let password: string;
    do {
      password = `${randomToken('abcdefghijklmnopqrstuvwxyz#()->[]_', 37)}}}`;
    } while (/your|here|fake|mock|todo|fixme|enter/.test(password));
    assert.deepEqual(ids(`aws_secret_access_key = "${password}"`), ['generic-credential-literal']);
  });

  it('a dapi value that is not 32 hex digits under a Databricks token name is no finding', () => {
    const value = `dapi${randomToken('ghijklmnopqrstuvwxyz', 4)}${randomToken(LOWER, 28)}`;
    assert.deepEqual(ids(`DATABRICKS_TOKEN=${value}`), []);
    assert.deepEqual(ids(`DATABRICKS_TOKEN=dapi${randomToken(HEX, 32)}`), ['databricks-api-token']);
    // Databricks also takes other tokens (Azure AD's): a value without its prefix stays the generic rule's.
    assert.deepEqual(ids(`DATABRICKS_TOKEN=${randomToken(ALNUM, 40)}`), ['generic-secret']);
  });

  it('the redact tier still hides what the report tier leaves', () => {
    for (const line of [
      `lokalise_token = '${randomToken(LOWER, 39)}'`,
      `AWS_SECRET_ACCESS_KEY = ${randomToken(ALNUM, 54)}==`,
    ]) {
      const value = /[=:'] ?'?([A-Za-z0-9+/=]{30,})/.exec(line)![1]!;
      const { text: sent } = redactText(line, new RedactionMap());
      assert.ok(!sent.includes(value.slice(4, 20)), line.slice(0, 20));
    }
  });
});

/** A value of `charset` that holds a character of `must` (drawn until it does). */
function drawWith(charset: string, length: number, must: RegExp): string {
  for (;;) {
    const value = randomToken(charset, length);
    if (must.test(value)) {
      return value;
    }
  }
}

describe('serviceRefutes', () => {
  const refutes = serviceRefutes(
    new ServiceKeyIndex(
      parseTable(
        'Acme acme h32\nTwo two a26\nTwo two a37\nPair pair h32 h32\nClaimed claimed l30\nCoda @coda l30\nRuns runs l40\nRuns runs l40+',
      ),
    ),
    new Set(['claimed']),
  );
  const at = (before: string, value: string): boolean => refutes(before + value, before.length, value);

  it('refuses a value its named service issues in no shape: another alphabet, or another length near its', () => {
    assert.equal(at('acme key = ', drawWith(LOWER, 32, /[g-z]/)), true);
    assert.equal(at('# acme\nAPI_KEY=', `${randomToken(HEX, 10)}-${randomToken(HEX, 21)}`), true);
    assert.equal(at('two_token := "', randomToken(ALNUM, 30)), true);
    assert.equal(at('acme_token = "', randomToken(HEX, 30)), true);
    // A line of a key and its secret describes the secret: a value named so is refused too.
    assert.equal(at('pairSecret = "', randomToken(HEX, 30)), true);
    assert.equal(at('pair SECRET=', randomToken(HEX, 30)), true);
  });

  it('leaves a value its name calls a secret to the generic rules when the line describes one key only', () => {
    // A client or signing secret of the service, which its one-part line (the key) does not describe.
    for (const before of [
      'acmeSecret = "',
      'ACME_SECRET=',
      'acme SECRET_TOKEN=',
      'acmeSECRETkey=',
      "'acme_secret': '",
    ]) {
      assert.equal(at(before, randomToken(HEX, 30)), false, before);
    }
    // The secret word must name this value: on the line before, or before another name, it does not.
    assert.equal(at('# acme secret rotation\nacme_key = ', randomToken(HEX, 30)), true);
    assert.equal(at('acme_secret_id=1 acme_key=', randomToken(HEX, 30)), true);
  });

  it('takes a value longer than its named service’s: a peer without a boundary after it reads that as the key', () => {
    assert.equal(at('acme_token = "', randomToken(HEX, 34)), false);
    assert.equal(at('pairSecret = "', randomToken(HEX, 33)), false);
    // A line read running on (`+`) issues longer values still, and in either case.
    assert.equal(at('runs_token = "', randomToken(ALNUM, 46)), false);
    assert.equal(at('runs_token = "', randomToken(ALNUM, 38)), true);
  });

  it('takes a value of the service’s shape, case aside, and one its word does not name', () => {
    assert.equal(at('acme key = ', randomToken(HEX, 32)), false);
    assert.equal(at('acme key = ', randomToken(HEX, 32).toUpperCase()), false);
    assert.equal(at('two_token := "', randomToken(ALNUM, 37)), false);
    assert.equal(at('API_KEY=', drawWith(LOWER, 32, /[g-z]/)), false);
    // Claimed words and everyday ones name nothing here.
    assert.equal(at('claimed key = ', randomToken(ALNUM, 31)), false);
    assert.equal(at('coda key = ', randomToken(ALNUM, 31)), false);
  });

  it('leaves what the table cannot judge: far lengths, other characters, a prefix of its own, a cut run', () => {
    assert.equal(at('acme key = ', randomToken(ALNUM, 60)), false);
    assert.equal(at('acme key = ', randomToken(ALNUM, 20)), false);
    assert.equal(at('acme key = ', drawWith(BASE64, 32, /[+/]/)), false);
    assert.equal(at('acme key = ', `acme_${randomToken(ALNUM, 28)}`), false);
    assert.equal(at('acme key = %', randomToken(ALNUM, 32)), false);
    const cut = randomToken(ALNUM, 32);
    assert.equal(refutes(`acme key = ${cut}+x`, 11, cut), false);
  });
});

describe('a value its named service issues in no shape, under a context rule', () => {
  const lines = (): string[] => [
    `  Using amplitude Secret=${drawWith(LOWER, 32, /[g-z]/)}\n`,
    `  roninAPIKey := ${randomToken(ALNUM, 10)}-${randomToken(ALNUM, 15)}\n`,
    `  # smartsheet invalid credentials\n  sheet_token := "${randomToken(LOWER, 30)}"\n`,
    // Its head holds a digit or a capital: lower-case letters then `_` read as a prefix of the value's own
    // (`figr_`), which the table leaves to the generic rule (drawn so about one run in 30 failed).
    `  [INFO] Sending request to abyssale API\n  Using API_KEY=${drawWith(ALNUM, 4, /[0-9A-Z]/)}_${randomToken(ALNUM, 35)}\n`,
    // Apollo.io keys are 22 letters and digits; BitMEX's key ids 24 characters and secrets 48.
    `  func validateApolloKey() bool {\n  apiKey := "${randomToken(ALNUM, 15)}-${randomToken(ALNUM, 6)}"\n`,
    `  bitmexSecret := "${randomToken(ALNUM, 11)}-${randomToken(ALNUM, 10)}"\n`,
  ];

  it('is no finding at the report tier', () => {
    for (const text of lines()) {
      assert.deepEqual(ids(text), [], text);
    }
  });

  it('is the generic rule’s without the service’s word, and the service’s in its shape', () => {
    // Five digits or more after a letter past `f`, as about 96 draws in 100 have: with fewer, the letters may
    // spell words, and the generic rule left 29 of 682 such draws (20,000 drawn).
    assert.deepEqual(ids(`  Using Secret=${drawWith(LOWER, 32, /[g-z](?=(?:[^0-9]*[0-9]){5})/)}\n`), [
      'generic-secret',
    ]);
    assert.deepEqual(
      ids(
        `  Using amplitude Key=${randomToken(HEX, 32)}\n  Using amplitude Secret=${randomToken(HEX, 32)}\n`,
      ),
      ['service-api-key', 'service-api-key'],
    );
    assert.deepEqual(ids(`  # smartsheet\n  sheet_token := "${randomToken(ALNUM, 37)}"\n`), [
      'service-api-key',
    ]);
    assert.deepEqual(ids(`  func validateApolloKey() bool {\n  apiKey := "${randomToken(ALNUM, 22)}"\n`), [
      'service-api-key',
    ]);
    // Accuweather's v1 keys are 35 characters, its v2 keys 32: both are its shapes.
    assert.deepEqual(ids(`Sending request to accuweather API\nUsing API_KEY=${randomToken(ALNUM, 35)}\n`), [
      'service-api-key',
    ]);
  });

  it('a value named a secret, near the length of a service’s one key, stays the generic rule’s', () => {
    // HereAPI's line is one key of 43: its client secret is not that key.
    const value = randomToken(ALNUM, 42);
    assert.deepEqual(ids(`HEREAPI_SECRET=${value}`), ['generic-secret']);
    assert.deepEqual(ids(`hereapi client_secret: "${value}"`), ['generic-secret']);
    assert.deepEqual(ids(`HEREAPI_KEY=${value}`), []);
    assert.deepEqual(ids(`hereapi_token = "${value}"`), []);
  });

  it('a prefixed or far-length value under the service’s word stays the generic rule’s', () => {
    assert.deepEqual(ids(`  "figma_secret": "figr_${randomToken(ALNUM, 40)}"\n`), ['generic-secret']);
    assert.deepEqual(ids(`  Using amplitude Secret=${randomToken(ALNUM, 64)}\n`), ['generic-secret']);
  });

  it('the redact tier still hides it', () => {
    for (const text of lines()) {
      const value = /(?:=|:= "?)([A-Za-z0-9_-]{20,})/.exec(text)![1]!;
      const { text: sent } = redactText(text, new RedactionMap());
      assert.ok(!sent.includes(value.slice(4, 20)), text);
    }
  });
});
