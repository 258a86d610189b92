import * as assert from 'node:assert/strict';
import { assertLinear } from '../../../../test/support/cpuTime';
import { randomToken } from '../random';
import { asciiLower, buildKeywordIndex } from '../keywordIndex';
import { findKeywordHits } from '../prefilter';
import { runsOfRule } from '../hitRuns';
import { scan } from '../scanner';
import { shortRuns, wordSearch } from './shortRuns';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const WORDS = wordSearch(['parsehub', 'uclassify'])!;

const runs = (text: string, from = 0, to = text.length): string[] => {
  const flat = shortRuns(text, from, to, WORDS, 40, 12, 15);
  const out: string[] = [];
  for (let k = 0; k < flat.length; k += 2) {
    out.push(text.slice(flat[k], flat[k + 1]));
  }
  return out;
};

/** The prefilter's runs of the two words in `text`, as the scanner hands them to the finder. */
const INDEX = buildKeywordIndex([[]], [['parsehub', 'uclassify']]);
const wordRuns = (text: string): number[] =>
  runsOfRule(INDEX.ruleWords[0]!, findKeywordHits(INDEX, asciiLower(text), 0, text.length), 0);

describe('short table values, read beside their service word', () => {
  it('builds no search without plain words', () => {
    assert.equal(wordSearch([]), undefined);
    assert.equal(wordSearch(['a.b']), undefined);
  });

  it('finds runs of 12 to 15 within reach after a word, in any case', () => {
    const a = randomToken(ALNUM, 12);
    const b = randomToken(ALNUM, 15);
    assert.deepEqual(runs(`PARSEHUB_API_KEY = "${a}"`), [a]);
    assert.deepEqual(runs(`parsehubtok: ${b}`), [b]);
    // The second value starts 42 characters after the word: past its reach.
    assert.deepEqual(runs(`uClassifyReadKey: ${b}, other: ${a}`), [b]);
    assert.deepEqual(runs(`parsehub parsehub parsehub: ${a}`), [a]);
  });

  it('leaves runs with no word before them, past its reach, or outside the lengths', () => {
    const a = randomToken(ALNUM, 12);
    assert.deepEqual(runs(`api_key = "${a}"`), []);
    assert.deepEqual(runs(`key = "${a}" # parsehub`), []);
    assert.deepEqual(runs(`parsehub ${'.'.repeat(40)} ${a}`), []);
    assert.deepEqual(runs(`parsehub: ${randomToken(ALNUM, 11)} ${randomToken(ALNUM, 16)}`), []);
    // A run that begins before the word's reach ends is read whole, and is too long here.
    assert.deepEqual(runs(`parsehub ${'.'.repeat(20)}${randomToken(ALNUM, 20)}`), []);
  });

  it('keeps to the range asked for, reading words before it', () => {
    const a = randomToken(ALNUM, 13);
    const text = `parsehub: ${a}\nparsehub: ${a}`;
    const second = text.lastIndexOf(a);
    assert.deepEqual(runs(text, text.indexOf('\n')), [a]);
    assert.deepEqual(shortRuns(text, second, text.length, WORDS, 40, 12, 15), [second, text.length]);
    assert.deepEqual(shortRuns(text, 0, second, WORDS, 40, 12, 15), [10, 23]);
  });

  it('finds the same runs from the prefilter word runs as from its own search', () => {
    const a = randomToken(ALNUM, 12);
    const b = randomToken(ALNUM, 14);
    const texts = [
      `PARSEHUB_API_KEY = "${a}"\nuClassify: ${b}`,
      `parsehub parsehub parsehub: ${a} ${'.'.repeat(30)} UCLASSIFY ${b}`,
      `${'parsehub '.repeat(12)}${a}\n${'x'.repeat(100)} parsehub\t${b}`,
      `uclassifyparsehub${a} parse hub ${b}`,
      `key = "${a}" # nothing here`,
    ];
    for (const text of texts) {
      for (const from of [0, 20, text.length >> 1]) {
        assert.deepEqual(
          shortRuns(text, from, text.length, WORDS, 40, 12, 15, wordRuns(text)),
          shortRuns(text, from, text.length, WORDS, 40, 12, 15),
          text,
        );
      }
    }
  });

  it('reads nothing at a run that holds no word (the prefilter may add offsets)', () => {
    const text = `parsehux: ${randomToken(ALNUM, 12)} pšrsehub: ${randomToken(ALNUM, 13)}`;
    assert.deepEqual(shortRuns(text, 0, text.length, WORDS, 40, 12, 15, [0, 0, 25, 25]), []);
  });

  it('reports a 12-character ParseHub key after its name, and not after another name', () => {
    const key = `${randomToken(ALNUM, 11)}7`;
    assert.deepEqual(
      scan(`PARSEHUB_API_KEY = "${key}"`).map((f) => f.ruleId),
      ['service-api-key'],
    );
    assert.ok(!scan(`GITHUB_API_KEY = "${key}"`).some((f) => f.ruleId === 'service-api-key'));
  });

  it('reports a 12-character key that repeats a few characters by chance (2.52 bits, one draw in 7,000)', () => {
    // Five distinct letters around four S and three 7, the shape of a draw that once fell under the floor.
    const [a, b, c, d, e] = [...new Set(randomToken('abcdefghijkmnopqrtuvwxyz', 40))];
    const key = `${a}SSS${b}${c}7S7${d}${e}7`;
    assert.deepEqual(
      scan(`PARSEHUB_API_KEY = "${key}"`).map((f) => f.ruleId),
      ['service-api-key'],
    );
  });

  it('stays linear on hostile input: words everywhere, runs everywhere', () => {
    const unit = (n: number): string[] => [
      'parsehub'.repeat(n),
      `parsehub ${'a1b2c3d4e5f6'} `.repeat(n / 2),
      `parsehub${'x'.repeat(13)}-`.repeat(n / 2),
      `${'Q'.repeat(40)}parsehub`.repeat(n / 8),
    ];
    assertLinear((n) => unit(n).forEach((t) => runs(t)), 20_000);
  });
});
