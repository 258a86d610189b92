import * as assert from 'node:assert/strict';
import { RedactionMap } from '../../pipeline/redactionMap';
import { redactText } from '../../pipeline/redact';
import { builtinRules } from '../catalog';
import { defersToNamedProvider } from '../prefixLookAlike';
import { ALNUM, BASE64, HEX, randomToken } from '../random';
import { scan } from '../scanner';
import { serviceNamedShape } from './serviceKeyNames';
import { parseTable } from './serviceKeyTable';

const ids = (text: string): string[] => scan(text).map((f) => f.ruleId);
const LOWER = 'abcdefghijklmnopqrstuvwxyz0123456789';
const generic = builtinRules.find((r) => r.id === 'generic-secret')!;

describe('serviceNamedShape', () => {
  const shape = serviceNamedShape(
    parseTable('Acme acme l40\nRanged ranged a20..40\nClaimed claimed l40\nPair pair h32 &h8'),
    new Set(['claimed']),
  );
  const fits = shape.value as (value: string, word: string) => boolean;

  it('names the services of one length only, and none another rule claims', () => {
    assert.deepEqual(shape.words, ['acme', 'pair']);
  });

  it('refuses a value a few characters off the one length, and takes the length itself', () => {
    for (const n of [37, 39, 41, 43]) {
      assert.equal(fits('a'.repeat(n), 'acme'), false, String(n));
    }
    assert.equal(fits('a'.repeat(40), 'acme'), true);
    // Any part's length counts: the id's too.
    assert.equal(fits('a'.repeat(8), 'pair'), true);
  });

  it('takes a value far from the length: another kind of credential the table does not list', () => {
    assert.equal(fits('a'.repeat(22), 'acme'), true);
    assert.equal(fits('a'.repeat(64), 'acme'), true);
  });
});

describe('a value one length off under a one-length provider’s key name', () => {
  it('a Lokalise token a character short or long is no finding', () => {
    for (const n of [38, 39, 41]) {
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

  it('only the provider’s own key name counts, not a longer name that holds its word', () => {
    const value = randomToken(LOWER, 39);
    const text = `my_lokalise_token = '${value}`;
    assert.equal(defersToNamedProvider(builtinRules, generic, text, text.length - 39, value), false);
    const own = `lokalise_token = '${value}`;
    assert.equal(defersToNamedProvider(builtinRules, generic, own, own.length - 39, value), true);
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
    // No `$` or `{` in the drawn part: `${…}` would read as a template reference (about 1 draw in 10).
    const password = `${randomToken('abcdefghijklmnopqrstuvwxyz#()->[]_', 37)}}}`;
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
