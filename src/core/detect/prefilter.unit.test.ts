import * as assert from 'node:assert/strict';
import { seededInts } from '../../../test/support/seededRandom';
import type { HitRuns } from './prefilter';
import { gramOffset } from './gramOffset';
import { runsOfRule } from './hitRuns';
import type { KeywordIndex } from './keywordIndex';
import { asciiLower, buildKeywordIndex } from './keywordIndex';
import { LowerText } from './lowerText';
import { RUN_GAP, findKeywordHits } from './prefilter';

/** What the prefilter must report: every start offset in [from, to), folded into runs the same way. */
function naiveRuns(lower: string, kw: string, from: number, to: number): HitRuns | undefined {
  const runs: number[] = [];
  for (let i = lower.indexOf(kw, from); i !== -1 && i < to; i = lower.indexOf(kw, i + 1)) {
    if (runs.length > 0 && i - runs[runs.length - 1]! <= RUN_GAP) {
      runs[runs.length - 1] = i;
    } else {
      runs.push(i, i);
    }
  }
  return runs.length > 0 ? runs : undefined;
}

/** Asserts that `findKeywordHits` over `input` finds in [from, to) what a naive search of `lower` finds. */
function assertLikeNaive(
  index: KeywordIndex,
  input: string | LowerText,
  lower: string,
  from: number,
  to: number,
  round: number,
): void {
  const hits = findKeywordHits(index, input, from, to);
  index.keywords.forEach((kw, id) => {
    assert.deepEqual(hits[id], naiveRuns(lower, kw, from, to), `keyword ${kw} in round ${round}`);
  });
}

/** A range of a text of `length`: from its start or a drawn offset, to its end or a drawn offset after that. */
function drawRange(next: (n: number) => number, length: number): [number, number] {
  const from = next(2) === 0 ? 0 : next(length);
  return [from, next(2) === 0 ? length : from + next(length - from + 1)];
}

describe('keyword prefilter', () => {
  // Overlapping keywords of every length the index treats differently: one, two, three, four and long
  // (with a tail check), sharing prefixes, plus one outside Latin-1.
  const keywords = [
    'a',
    'ab',
    'abc',
    'abca',
    'bca',
    'abcab',
    'cabcabcab',
    'c-',
    'b_c-a',
    'ß€',
    'aaaa',
    'abcabcabcabc',
    // Indexed on a later window than their first four bytes (see `gramOffset`).
    'aab-c',
    'aaaab-c',
    'aaaaaaaaaab-c',
  ];

  it('indexes a long keyword on its rarest four bytes', () => {
    assert.deepEqual(
      ['aab-c', 'aaaab-c', 'aaaaaaaaaab-c', 'client_secret', 'zqaaa'].map(gramOffset),
      [1, 3, 9, 6, 0],
    );
  });

  it('finds exactly the occurrences a naive search finds, in any range', () => {
    const index = buildKeywordIndex(keywords.map((k) => [k]));
    const next = seededInts(7);
    const alphabet = 'abcABC-_ \n€ßaaa';
    for (let round = 0; round < 200; round++) {
      const length = 1 + next(400);
      let text = '';
      for (let i = 0; i < length; i++) {
        text += alphabet[next(alphabet.length)];
      }
      const lower = asciiLower(text);
      const from = next(length);
      const to = from + next(length - from + 1);
      assertLikeNaive(index, lower, lower, from, to, round);
    }
  });

  it('finds what a naive search finds in text that repeats, where it skips whole periods', () => {
    const index = buildKeywordIndex(keywords.map((k) => [k]));
    const next = seededInts(11);
    const alphabet = 'abcABC-_ \n€ßaaa';
    for (let round = 0; round < 300; round++) {
      // A unit of keywords and noise, repeated for long enough to be skipped, with a few edits that
      // end one periodic stretch and start another.
      let unit = '';
      for (let k = 1 + next(3); k > 0; k--) {
        unit += next(2) === 0 ? keywords[next(keywords.length)]! : alphabet[next(alphabet.length)]!;
      }
      let text = alphabet[next(alphabet.length)]!.repeat(next(80)) + unit.repeat(1 + next(200));
      for (let edits = next(3); edits > 0; edits--) {
        const at = next(text.length);
        text = text.slice(0, at) + keywords[next(keywords.length)]! + text.slice(at);
      }
      const lower = asciiLower(text);
      const [from, to] = drawRange(next, text.length);
      assertLikeNaive(index, lower, lower, from, to, round);
    }
  });

  it('finds what a naive search finds in one-byte text read raw, repeating or not', () => {
    // The copy is folded from the raw text, a keyword past Latin-1 is not looked for, a one-character
    // one is searched for in the copy, and a periodic stretch is found on the copy's bytes.
    const index = buildKeywordIndex(keywords.map((k) => [k]));
    const next = seededInts(13);
    const alphabet = 'abcABC-_ \nßaaa';
    for (let round = 0; round < 200; round++) {
      let unit = '';
      for (let k = 1 + next(4); k > 0; k--) {
        unit +=
          next(2) === 0
            ? keywords[next(keywords.length)]!.replace('€', 'B')
            : alphabet[next(alphabet.length)]!;
      }
      const text = alphabet[next(alphabet.length)]!.repeat(next(80)) + unit.repeat(1 + next(200)) + 'Ab';
      const lower = asciiLower(text);
      const [from, to] = drawRange(next, text.length);
      assertLikeNaive(index, new LowerText(text, 0, text.length), lower, from, to, round);
    }
  });

  it('gives the same hits and keywords found with the hash tables and without (small texts search each keyword)', () => {
    const each = buildKeywordIndex(keywords.map((k) => [k]));
    const tabled = buildKeywordIndex(keywords.map((k) => [k]));
    assert.ok(tabled.mask.length > 0 && tabled.tablesBuilt);
    const next = seededInts(17);
    const alphabet = 'abcABC-_ \nßaaa';
    for (let round = 0; round < 150; round++) {
      let text = '';
      for (let k = next(12); k > 0; k--) {
        text +=
          next(2) === 0
            ? keywords[next(keywords.length)]!.replace('€', 'B')
            : alphabet[next(alphabet.length)]!;
      }
      const [from, to] = drawRange(next, text.length);
      const foundEach: number[] = [];
      const foundTabled: number[] = [];
      // Half the rounds read the text as a slice of a longer one (a range rescan's `LowerText`).
      const pad = round % 2 === 0 ? '' : 'abcab-'.repeat(1 + next(5));
      const whole = pad + text + pad;
      const view = (): LowerText => new LowerText(whole, pad.length, pad.length + text.length);
      const a = findKeywordHits(each, view(), from, to, foundEach);
      const b = findKeywordHits(tabled, view(), from, to, foundTabled);
      assert.deepEqual(a, b, `round ${round}`);
      assert.deepEqual(foundEach.sort(), foundTabled.sort(), `round ${round}`);
    }
    assert.equal(each.tablesBuilt, false, 'small one-byte texts never made the tables');
  });

  it('makes the tables for a text past the small size, and once small searches have read their budget', () => {
    const big = buildKeywordIndex([['token']]);
    findKeywordHits(big, 'x'.repeat(4096), 0, 4096);
    assert.equal(big.tablesBuilt, true);
    const many = buildKeywordIndex([['token']]);
    const small = 'a token here; '.repeat(100);
    for (let k = 0; k < 12; k++) {
      const hits = findKeywordHits(many, small, 0, small.length);
      assert.deepEqual(hits[0], [2, 1388]);
    }
    assert.equal(many.tablesBuilt, true);
  });

  it('folds a file of one repeated keyword into a single run', () => {
    const index = buildKeywordIndex([['ghp_'], ['sk']]);
    const text = 'ghp_'.repeat(10000) + ' ' + 'sk-'.repeat(10000);
    const hits = findKeywordHits(index, text, 0, text.length);
    assert.deepEqual(hits[0], [0, 39996]);
    assert.deepEqual(hits[1], [40001, 40001 + 29997]);
  });

  it('de-duplicates keywords shared by rules and drops empty ones', () => {
    const index = buildKeywordIndex([['Token', 'secret'], ['token', ''], []]);
    assert.deepEqual(index.keywords, ['token', 'secret']);
    assert.deepEqual(index.ruleKeywords, [[0, 1], [0], []]);
  });

  it('merges the runs of a rule with several keywords in order', () => {
    const index = buildKeywordIndex([['xoxb-', 'xoxp-']]);
    const text = `a xoxp- b${' '.repeat(200)}xoxb- c${' '.repeat(200)}xoxp-`;
    const hits = findKeywordHits(index, text, 0, text.length);
    const runs = runsOfRule(index.ruleKeywords[0]!, hits, 100);
    assert.deepEqual(runs, [102, 102, 309, 309, 516, 516]);
  });

  it('lower-cases ASCII without moving offsets, even past characters that lower-case to two', () => {
    const text = 'İ GHP_Token K';
    const lower = asciiLower(text);
    assert.equal(lower.length, text.length);
    assert.equal(lower.indexOf('ghp_token'), text.indexOf('GHP_Token'));
  });
});
