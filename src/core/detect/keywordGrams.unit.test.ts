import * as assert from 'node:assert/strict';
import { builtinRules } from './catalog';
import { builtGrams, gramsFor, keywordGramsJson, parseKeywordGrams } from './keywordGrams';
import type { KeywordIndex } from './keywordIndex';
import { buildKeywordIndex } from './keywordIndex';

const lists = builtinRules.map((r) => r.keywords);

/** The index's fields as plain data (the index makes its hash tables at their first read). */
function contents(index: KeywordIndex): Record<string, unknown> {
  const fields = ['keywords', 'ruleKeywords', 'ruleWords', 'keywordRules', 'keywordless', 'longestKeyword'];
  const tables = ['mask', 'pairs', 'quadSlots', 'triSlots', 'grams', 'shortShift', 'gramAt', 'maxGramAt'];
  const more = ['tails', 'tailAt', 'covered', 'verify', 'otherKeywords'];
  return Object.fromEntries(
    [...fields, ...tables, ...more].map((f) => [f, (index as unknown as Record<string, unknown>)[f]]),
  );
}
const words = builtinRules.map((r) => r.finderWords ?? []);

describe('keywordGrams (the build-time gram offsets)', () => {
  const scored = buildKeywordIndex(lists, words, undefined);
  const table = parseKeywordGrams(keywordGramsJson(scored));

  it('has no table outside the bundles (the compiled modules score the offsets)', () => {
    assert.equal(builtGrams(), undefined);
  });

  it('gives the catalogue the very index the scored offsets give', () => {
    assert.ok(table !== undefined && table.count === scored.keywords.length);
    assert.ok(gramsFor(scored.keywords, table) !== undefined);
    assert.deepEqual(contents(buildKeywordIndex(lists, words, table)), contents(scored));
  });

  it('is read for the keywords it was made for: a table of other offsets for them shows in the index', () => {
    const zeros = { ...table!, offsets: '0'.repeat(table!.count) };
    const index = buildKeywordIndex(lists, words, zeros);
    assert.ok(scored.gramAt.some((at) => at > 0));
    assert.ok(index.gramAt.every((at) => at === 0));
  });

  it('is not used for keywords that differ in any way: order, one keyword, one more or fewer', () => {
    const variants: (readonly (readonly string[])[])[] = [
      [...lists].reverse(),
      lists.map((list, r) => (r === 5 ? [...list, 'zzqx_extra'] : list)),
      lists.map((list, r) => (r === 9 ? list.map((kw, i) => (i === 0 ? `${kw}x` : kw)) : list)),
      lists.slice(1),
      [...lists, ['one_more_keyword']],
    ];
    for (const variant of variants) {
      const index = buildKeywordIndex(variant, words, table);
      assert.equal(gramsFor(index.keywords, table), undefined);
      assert.deepEqual(contents(index), contents(buildKeywordIndex(variant, words, undefined)));
    }
  });

  it('makes no table when a keyword holds the separator, and reads none from malformed text', () => {
    const index = buildKeywordIndex([['abc\u0000defgh', 'secret_key']]);
    assert.equal(keywordGramsJson(index), '{}');
    assert.equal(parseKeywordGrams('{}'), undefined);
    assert.equal(parseKeywordGrams('{"k":"ab","n":2,"a":"0"}'), undefined);
    assert.deepEqual(parseKeywordGrams('{"k":"abcde","n":1,"a":"1"}'), {
      keywords: 'abcde',
      count: 1,
      offsets: '1',
    });
  });
});
