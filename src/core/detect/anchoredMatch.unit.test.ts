import * as assert from 'node:assert/strict';
import { engineRule, foldOverlaps } from '../../../test/support/engineRule';
import { seededInts } from '../../../test/support/seededRandom';
import { holdsNeededRun, matchAtKeywords } from './anchoredMatch';
import type { Candidate, CompiledRule } from './matcher';
import { builtinRules } from './catalog';
import { MAX_MATCHES, compileRules, matchAroundHits, matchWindow, newStats } from './matcher';
import { runsOfRule } from './hitRuns';
import { asciiLower } from './keywordIndex';
import { LowerText } from './lowerText';
import type { KeywordsHit } from './occurrences';
import { findKeywordHits } from './prefilter';
import type { Rule } from './rule';

const rule = engineRule;

// Every one starts at a keyword: a lookbehind first, a case-insensitive context, a lookahead that
// opens the match (Discord's bare tokens), an unbounded pattern whose matches outrun its maxLength
// (and the next window's hits), a multi-line block, and keywords that overlap (`ab`, `abab`).
const MANY = Array.from({ length: 40 }, (_, i) => `q${String(i).padStart(2, '0')}_`);
const RULES: Rule[] = [
  rule('prefixed', ['tkn_'], /(?<![A-Za-z0-9_])tkn_[A-Za-z0-9]{8}(?![A-Za-z0-9])/, 12),
  rule('context', ['api', 'auth'], /(?:api|auth)[_-]?key\s{0,3}[:=]\s{0,3}(?<secret>[a-z0-9]{8,16})\b/i, 40),
  rule('opened', ['mt1', 'mt2'], /(?<![A-Za-z0-9])(?=MT[12])[MN][A-Za-z0-9]{6}/, 7),
  rule('unbounded', ['ub_'], /(?<![a-z])ub_[a-z_ ]+/, 8),
  rule('block', ['begin block'], /BEGIN BLOCK\n[a-z0-9\n]{4,150}\nEND BLOCK/, 170),
  rule('overlap', ['ab', 'abab'], /(?:abab|ab)[0-9]{2,4}/, 8),
  // A case-sensitive start under a keyword compared ignoring case: `sk`, `Sk` and `sK` are hits, never matches.
  rule('cased', ['sk'], /(?<![A-Za-z0-9])SK[0-9a-f]{6}(?![A-Za-z0-9])/, 8),
  // A word boundary first, and a head (`Gx_`) longer than its keyword and in mixed case.
  rule('bounded', ['gx'], /\bGx_[a-z0-9]{4,8}\b/, 11),
  // A long token (19 token characters in a row): attempts with no such run of the text in reach are skipped.
  rule('long', ['lk_'], /(?<![A-Za-z0-9_])lk_[A-Za-z0-9]{16,20}(?![A-Za-z0-9])/, 23),
  // Forty keywords and no case-exact head, as Discord's hundred bare `MT…` starts: each keyword is searched.
  rule('many', MANY, /(?<![a-z0-9])q[0-3][0-9]_[a-z0-9]{8}(?![a-z0-9])/i, 12),
];

function randomText(next: (n: number) => number): string {
  const pick = (s: string, n: number): string => Array.from({ length: n }, () => s[next(s.length)]).join('');
  const one = (words: readonly string[]): string => words[next(words.length)]!;
  const pieces = [
    () => pick('abc xyz_=;:\n', 1 + next(90)),
    () => `tkn_${pick('aB3z', 6 + next(4))}`,
    () => `${one(['API_KEY', 'authkey', 'Api-Key'])}= ${pick('abc0123', 6 + next(12))}`,
    () => `${one(['MT1', 'MT2', 'Mt1', 'NT1'])}${pick('aZ09', 3 + next(6))}`,
    () => `ub_${pick('abu_ ', next(240))}`,
    () => `BEGIN BLOCK\n${pick('ab1\n', 2 + next(160))}\nEND BLOCK`,
    () => `${one(['ab', 'abab', 'aba'])}${pick('0123', next(6))}`,
    () => `${one(['SK', 'sk', 'Sk', 'sK', 'SSK'])}${pick('0a9f', 5 + next(3))}`,
    () =>
      `${one(['lk_', 'LK_', ' lk_', 'lk_lk_'])}${pick('aZ9-_.é', 10 + next(16))}${pick(' aZ9-', next(30))}`,
    // Floods of heads and keywords, glued or after characters a lookbehind or `\b` may reject.
    () => one(['tkn_', 'SK', 'Gx_', 'gx_', 'ub_']).repeat(1 + next(30)),
    () =>
      `${one(['_', '-', 'é', ' ', 'a', '0', '\n'])}${one(['tkn_', 'SK', 'Gx_'])}${pick('a0b1f', 4 + next(6))}`,
  ];
  let text = '';
  for (let i = 1 + next(60); i > 0; i--) {
    text += pieces[next(pieces.length)]!();
  }
  return text;
}

function spans(candidates: readonly Candidate[]): string[] {
  return foldOverlaps(candidates).map((c) => `${c.start}-${c.end}:${c.secret}`);
}

function anchored(
  text: string,
  set: ReturnType<typeof compileRules>,
  r: number,
  cr: CompiledRule,
): Candidate[] {
  const lower = asciiLower(text);
  const hits = findKeywordHits(set.index, lower, 0, lower.length);
  const ids = set.index.ruleKeywords[r]!;
  const out: Candidate[] = [];
  matchAtKeywords(text, lower, 0, cr, keywordsHit(set, ids, hits), runsOfRule(ids, hits, 0), newStats(), out);
  return out;
}

/** The keywords among `ids` with hits, and their runs, as the scanner gives them to the matcher. */
function keywordsHit(
  set: ReturnType<typeof compileRules>,
  ids: readonly number[],
  hits: readonly (readonly number[] | undefined)[],
): KeywordsHit {
  const found = ids.filter((id) => hits[id] !== undefined);
  return { words: found.map((id) => set.index.keywords[id]!), runs: found.map((id) => hits[id]!) };
}

/** A catalogue of `RULES` whose rule `id` counts the attempts of its pattern. */
function countingRule(id: string): {
  set: ReturnType<typeof compileRules>;
  r: number;
  cr: CompiledRule;
  attempts: () => number;
} {
  const set = compileRules(RULES);
  const r = RULES.findIndex((x) => x.id === id);
  let count = 0;
  const sticky = set.rules[r]!.sticky;
  class Counting extends RegExp {
    override exec(s: string): RegExpExecArray | null {
      count++;
      return super.exec(s);
    }
  }
  // The rule itself with a counting sticky regex: a spread copy would lose the class's lazy regex getters.
  const cr = Object.create(set.rules[r]!, {
    sticky: { value: new Counting(sticky.source, sticky.flags) },
  }) as CompiledRule;
  assert.ok(cr.global.global, 'the copy keeps the lazily made global regex');
  return { set, r, cr, attempts: () => count };
}

describe('matching at keyword hits', () => {
  it('holds each test rule anchored', () => {
    assert.deepEqual(
      compileRules(RULES)
        .rules.filter((cr) => !cr.anchored)
        .map((cr) => cr.rule.id),
      [],
    );
  });

  it('finds exactly what one pass over the whole text finds', () => {
    const set = compileRules(RULES);
    const next = seededInts(1313);
    for (let round = 0; round < 400; round++) {
      const text = randomText(next);
      set.rules.forEach((cr, r) => {
        const whole: Candidate[] = [];
        matchWindow(text, cr, 0, text.length, newStats(), whole);
        const got = spans(anchored(text, set, r, cr));
        assert.deepEqual(got, spans(whole), `${cr.rule.id}, round ${round}: ${JSON.stringify(text)}`);
      });
    }
  });

  it('tries the pattern once per keyword occurrence in a flood of keywords, and stops a window at MAX_MATCHES', () => {
    const { set, r, cr, attempts } = countingRule('overlap');
    // `abab` holds two `ab` and one `abab`: three hits in four characters, and no match at any.
    const text = 'abab'.repeat(50_000);
    assert.equal(anchored(text, set, r, cr).length, 0);
    assert.ok(attempts() <= text.length / 2, `${attempts()} attempts for ${text.length / 2} hits`);
    const dense = 'ab12 '.repeat(MAX_MATCHES + 100);
    const stats = newStats();
    const out: Candidate[] = [];
    const lower = asciiLower(dense);
    const hits = findKeywordHits(set.index, lower, 0, lower.length);
    const ids = set.index.ruleKeywords[r]!;
    matchAtKeywords(dense, lower, 0, cr, keywordsHit(set, ids, hits), runsOfRule(ids, hits, 0), stats, out);
    assert.equal(out.length, MAX_MATCHES);
    assert.equal(stats.capped, 1);
    assert.deepEqual(stats.unexamined, [MAX_MATCHES * 5, dense.length]);
  });

  it('searches each keyword only in its own hit runs, not on to the end of the text', () => {
    const set = compileRules(RULES);
    const r = RULES.findIndex((x) => x.id === 'many');
    const cr = set.rules[r]!;
    // Each keyword once at the start, then a flood of one of them, as long as a window examines: a rare
    // keyword searched on from its hit would read the rest of the text, forty times over.
    const flood = MAX_MATCHES - MANY.length;
    const text = `${MANY.map((k) => `${k}abcd1234`).join(' ')} ${'Q00_abcd1234 '.repeat(flood)}`;
    let read = 0;
    class Counting extends LowerText {
      override indexOf(keyword: string, from: number, end = this.length): number {
        const at = super.indexOf(keyword, from, end);
        read += (at === -1 ? Math.min(end, this.length) : at) - from;
        return at;
      }
    }
    const lower = new Counting(text, 0, text.length);
    const hits = findKeywordHits(set.index, lower, 0, lower.length);
    const ids = set.index.ruleKeywords[r]!;
    const out: Candidate[] = [];
    matchAtKeywords(
      text,
      lower,
      0,
      cr,
      keywordsHit(set, ids, hits),
      runsOfRule(ids, hits, 0),
      newStats(),
      out,
    );
    assert.equal(out.length, MANY.length + flood);
    assert.ok(read <= 2 * text.length, `${read} characters read for a text of ${text.length}`);
  });

  it('finds every occurrence of a lone keyword, however far apart, within a run and across runs', () => {
    const set = compileRules(RULES);
    const r = RULES.findIndex((x) => x.id === 'prefixed');
    const cr = set.rules[r]!;
    // Gaps on both sides of the run gap and of the short read that looks for the next hit, matches and
    // near misses alternating, and a flood of the keyword that ends in a match.
    let text = '';
    for (let gap = 0; gap < 200; gap += 3) {
      text += `${'x'.repeat(gap)} tkn_${gap % 2 === 0 ? 'abcd1234' : 'ab'} `;
    }
    text += `${'tkn_'.repeat(300)} tkn_abcd1234`;
    const whole: Candidate[] = [];
    matchWindow(text, cr, 0, text.length, newStats(), whole);
    const got = spans(anchored(text, set, r, cr));
    assert.deepEqual(got, spans(whole));
    assert.equal(got.length, 35);
  });

  it('makes no attempt where the character at the hit cannot start a match', () => {
    const { set, r, cr, attempts } = countingRule('cased');
    assert.equal(anchored('sk-'.repeat(10_000), set, r, cr).length, 0);
    assert.equal(attempts(), 0);
    const text = `x sk0a0a0a SK0a0a0a sK0a0a0a SK0b0b0b`;
    assert.deepEqual(
      anchored(text, set, r, cr).map((c) => c.secret),
      ['SK0a0a0a', 'SK0b0b0b'],
    );
    assert.equal(attempts(), 2);
  });

  it('makes no attempt where no run of token characters as long as every match holds is in reach', () => {
    const { set, r, cr, attempts } = countingRule('long');
    assert.equal(cr.tokenRun, 19);
    const text = `${' lk_abc123'.repeat(5_000)} lk_${'aB3'.repeat(6)} ${'lk_abc '.repeat(5_000)}`;
    assert.deepEqual(
      anchored(text, set, r, cr).map((c) => c.secret),
      [`lk_${'aB3'.repeat(6)}`],
    );
    // The viable one, and those before it whose reach (23) meets its run.
    assert.ok(attempts() <= 3, `${attempts()} attempts`);
  });

  it('says whether a text holds a run as long as every match holds, so a rule without one is passed over', () => {
    const { cr } = countingRule('long');
    assert.ok(cr.tokenRun >= 16, 'the test rule needs a run the shared pass lists');
    const without = `${' lk_abc123'.repeat(2_000)} ${'x'.repeat(18)}`;
    const withRun = `${without} lk_${'aB3'.repeat(6)}`;
    assert.equal(holdsNeededRun(without, asciiLower(without), 0, cr), false);
    assert.equal(holdsNeededRun(withRun, asciiLower(withRun), 0, cr), true);
    // A range scan reads part of the text: it lists no runs, so every rule runs.
    assert.equal(holdsNeededRun(without, asciiLower(without.slice(10)), 10, cr), true);
    // A rule that needs a shorter run than the shared pass lists always runs.
    const { cr: prefixed } = countingRule('prefixed');
    assert.equal(holdsNeededRun(without, asciiLower(without), 0, prefixed), true);
  });

  it('passes over a flood of keywords that the leading lookbehind or word boundary rejects', () => {
    for (const [id, unit, viable, secret] of [
      ['prefixed', 'tkn_', ' tkn_abcd1234', 'tkn_abcd1234'],
      ['bounded', 'Gx_', ' Gx_ab12', 'Gx_ab12'],
      ['cased', 'SK', ' SK0a0b0c', 'SK0a0b0c'],
    ] as const) {
      const { set, r, cr, attempts } = countingRule(id);
      const text = `${unit.repeat(20_000)}${viable} ${unit.repeat(20_000)}`;
      assert.deepEqual(
        anchored(text, set, r, cr).map((c) => c.secret),
        [secret],
        id,
      );
      // The first occurrence (nothing before it), the viable one and the one after the blank.
      assert.ok(attempts() <= 3, `${id}: ${attempts()} attempts`);
    }
  });

  it("finds in each catalogue rule's own cases what its windows find, and holds the busiest rules anchored", () => {
    const set = compileRules(builtinRules);
    const anchoredIds = set.rules.filter((cr) => cr.anchored).map((cr) => cr.rule.id);
    for (const id of [
      'discord-bot-token',
      'generic-secret',
      'generic-password',
      'generic-credential-literal',
    ]) {
      assert.ok(anchoredIds.includes(id), id);
    }
    set.rules.forEach((cr, r) => {
      if (!cr.anchored) {
        return;
      }
      const cases = [...cr.rule.tests.positives(), ...cr.rule.tests.negatives];
      // Each case alone, and all of them in one text (upper-cased every other line), where windows merge.
      const all = cases.map((c, i) => (i % 2 === 1 ? c.toUpperCase() : c)).join('\n');
      for (const text of [...cases, all]) {
        const lower = asciiLower(text);
        const hits = findKeywordHits(set.index, lower, 0, lower.length);
        const runs = runsOfRule(set.index.ruleKeywords[r]!, hits, 0);
        const windows: Candidate[] = [];
        matchAroundHits(text, cr, runs, newStats(), windows);
        assert.deepEqual(
          spans(anchored(text, set, r, cr)),
          spans(windows),
          `${cr.rule.id}: ${JSON.stringify(text)}`,
        );
      }
    });
  });
});
