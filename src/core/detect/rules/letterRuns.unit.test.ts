import * as assert from 'node:assert/strict';
import { drawnUntil } from '../../../../test/support/freshValues';
import { randomToken } from '../random';
import { scan } from '../scanner';
import { tokenRuns } from '../tokenRuns';
import { forEachLetterRun, randomLetters } from './letterRuns';

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
    let taken = 0;
    for (let i = 0; i < 400; i++) {
      taken += randomLetters(randomToken(LETTERS, 20)) ? 1 : 0;
    }
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

  it('finds runs right after an assignment, not inside a longer run with digits, not in prose', () => {
    const key = lettersKey(16);
    assert.deepEqual(runs(`parsehub_token = '${key}'`), [key]);
    assert.deepEqual(runs(`"convertkit_key": "${key}"`), [key]);
    assert.deepEqual(runs(`token=${key}9`), []);
    assert.deepEqual(runs(`the parsehub token ${key} was here`), []);
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
});
