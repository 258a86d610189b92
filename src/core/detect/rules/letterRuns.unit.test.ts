import * as assert from 'node:assert/strict';
import { drawnUntil, takenOf } from '../../../../test/support/freshValues';
import { scan } from '../scanner';
import { tokenRuns } from '../tokenRuns';
import { drawnLetters, forEachLetterRun, randomLetters } from './letterRuns';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Random letters that `randomLetters` takes: most draws are (see the first test). */
const lettersKey = (n: number): string => drawnUntil(LETTERS, n, randomLetters);

const runs = (text: string): string[] => {
  const out: string[] = [];
  forEachLetterRun(text, 0, text.length, tokenRuns(text, 0, text.length, 12), (s, e) =>
    out.push(text.slice(s, e)),
  );
  return out;
};

describe('letters-only values of the service key table', () => {
  it('reads most random mixed-case letters as random, and words as words', () => {
    const taken = takenOf(LETTERS, 20, randomLetters);
    assert.ok(taken > 300, `${taken} of 400`);
    for (const word of [
      'getParseHubTokenFromEnv',
      'ConvertKitApiKeyForProd',
      'YourTimezoneApiKeyHere',
      'productionkeysandtokens',
      'PRODUCTION_API_TOKEN_VALUE',
      'insertYourApiKeyHere',
      'DefaultConnectionString',
      'aaaaaaaaaaaaBBBBBBBBBBBB',
    ]) {
      assert.equal(randomLetters(word), false, word);
    }
  });

  it('finds runs right after an assignment or a credential word, not inside a longer run with digits, not after other words', () => {
    const key = lettersKey(16);
    assert.deepEqual(runs(`parsehub_token = '${key}'`), [key]);
    assert.deepEqual(runs(`"convertkit_key": "${key}"`), [key]);
    assert.deepEqual(runs(`token=${key}9`), []);
    // Kingfisher's rules read a name and its value with only blanks between (`oanda ACCESS TOKEN <value>`).
    assert.deepEqual(runs(`the parsehub token ${key} was here`), [key]);
    assert.deepEqual(runs(`oanda ACCESS  ${key}`), [key]);
    assert.deepEqual(runs(`tefter SECRET KEY '${key}'`), [key]);
    assert.deepEqual(runs(`the parsehub service ${key} was here`), []);
    assert.deepEqual(runs(`three tokens ${key} were here`), []);
    assert.deepEqual(runs(`'k' => \t ${key}`), [key]);
    assert.deepEqual(runs(`key:   \`${key}\` and key:${key}`), [key, key]);
    assert.deepEqual(runs(`key =    '${key}'`), []);
    assert.deepEqual(runs(`key = "'${key}'"`), []);
    assert.deepEqual(runs(`key = 9${key}`), []);
  });

  it('reads nothing before the start of the text or of the range', () => {
    const key = lettersKey(16);
    for (const text of [key, `'${key}'`, ` ${key}`, `"  ${key}"`, `Bearer ${key}`]) {
      assert.deepEqual(runs(text), [], text);
    }
    assert.deepEqual(runs(`=${key}`), [key]);
    assert.deepEqual(runs(`=  '${key}'`), [key]);
    // The operator lies before the range: the run is not read as assigned.
    const text = `k =  ${key}`;
    const seen: string[] = [];
    forEachLetterRun(text, 4, text.length, tokenRuns(text, 4, text.length, 12), (s, e) =>
      seen.push(text.slice(s, e)),
    );
    assert.deepEqual(seen, []);
  });

  it('reports a letters-only key right after its service credential name', () => {
    for (const line of [
      `parsehub token = '${lettersKey(12)}'`,
      `timezoneapi token = '${lettersKey(20)}'`,
      `  convertkit_key: "${lettersKey(22)}"`,
    ]) {
      assert.deepEqual(
        scan(line).map((f) => f.ruleId),
        ['service-api-key'],
        line,
      );
    }
  });

  it('leaves letters with no service word, a service word with no credential name, and names', () => {
    for (const line of [
      `parsehub_token = getParseHubTokenFromEnv`,
      `parsehub token = 'ParseHubProductionKey'`,
      `parsehub: '${lettersKey(12)}'`,
      `# parsehub returns a token like ${lettersKey(12)}`,
      `convertkit_key: "${lettersKey(21)}"`,
    ]) {
      assert.ok(!scan(line).some((f) => f.ruleId === 'service-api-key'), line);
    }
  });

  it('reads 16 or more letters in one case as drawn when no language pairs them so, and words as words', () => {
    const taken = takenOf('abcdefghijklmnopqrstuvwxyz', 24, drawnLetters);
    assert.ok(taken > 300, `${taken} of 400`);
    assert.equal(drawnLetters('jqhpwtfqwsjlrixtfrpz'), true);
    assert.equal(drawnLetters('QTNMWXOTCUOUEZCXYFDMHBVD'), true);
    for (const word of [
      'connectionstringvalue',
      'PRODUCTIONDATABASEPASSWORD',
      'yourtimezoneapikeyhere',
      'xnjmljdxhpzqwrt', // one short of 16
    ]) {
      assert.equal(drawnLetters(word), false, word);
    }
  });

  it('reports one-case drawn letters after a service’s credential name, with blanks only between', () => {
    const lower = drawnUntil('abcdefghijklmnopqrstuvwxyz', 20, drawnLetters);
    const upper = drawnUntil('ABCDEFGHIJKLMNOPQRSTUVWXYZ', 24, drawnLetters);
    for (const line of [
      `timezoneapi token = '${lower}'`,
      `tefter SECRET KEY ${lower}`,
      `oanda ACCESS TOKEN ${upper}`,
    ]) {
      assert.deepEqual(
        scan(line).map((f) => f.ruleId),
        ['service-api-key'],
        line,
      );
    }
    for (const line of [
      `timezoneapi token = 'yourtimezoneapikey'`,
      `oanda ACCESS TOKEN PRODUCTIONACCOUNTKEY`,
      `oanda account ${upper}`,
      `oanda ACCESS TOKEN ${upper.slice(1)}`,
    ]) {
      assert.ok(!scan(line).some((f) => f.ruleId === 'service-api-key'), line);
    }
  });
});
