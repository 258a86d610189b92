import * as assert from 'node:assert/strict';
import { engineRule, foldOverlaps } from '../../../test/support/engineRule';
import { seededInts } from '../../../test/support/seededRandom';
import type { Candidate, CompiledRule, WindowMode } from './matcher';
import { MAX_MATCHES, compileRules, matchAroundHits, matchWindow, newStats } from './matcher';
import { runsOfRule } from './hitRuns';
import { asciiLower } from './keywordIndex';
import { findKeywordHits } from './prefilter';
import { ALNUM, randomToken } from './random';
import type { Rule } from './rule';

const rule = engineRule;

// Shapes chosen to stress the window edges: boundary assertions on both sides, a keyword in the middle
// of the match or up to 64 characters into it, a context rule with a `secret` group, a multi-line
// block, and an unbounded pattern whose declared maxLength is too short (its matches cross the window
// end and must be re-read on the whole text).
const RULES: Rule[] = [
  rule('tail', ['.tail'], /\b[a-z]{20,58}\.tail\b/, 64),
  rule('unbounded', ['ub_'], /(?<![a-z])ub_[a-z]+/, 8),
  rule('prefixed', ['tkn_'], /(?<![A-Za-z0-9_])tkn_[A-Za-z0-9]{20}(?![A-Za-z0-9])/, 24),
  rule(
    'context',
    ['api', 'auth'],
    /(?:api|auth)[_-]?key\s{0,3}[:=]\s{0,3}(?<secret>[A-Za-z0-9]{16,32})\b/i,
    72,
  ),
  rule('middle', ['-zz'], /\b[0-9a-f]{8}-zz[0-9]{2}\b/, 13),
  rule('block', ['begin block'], /BEGIN BLOCK\n[A-Za-z0-9\n]{10,200}\nEND BLOCK/, 230),
];

function randomText(next: (n: number) => number): string {
  const pick = (s: string, n: number): string => Array.from({ length: n }, () => s[next(s.length)]).join('');
  const alnum = 'abcdefABCDEF0123456789xyz';
  const pieces = [
    () => pick('abc xyz_=;:\n', 1 + next(30)),
    () => `tkn_${pick(alnum, 18 + next(5))}`,
    () => `API_KEY = ${pick(alnum, 12 + next(24))}`,
    () => `authkey:${pick(alnum, 20)}`,
    () => `${pick('0123456789abcdef', 7 + next(3))}-zz${pick('0123456789', 1 + next(3))}`,
    () => `BEGIN BLOCK\n${pick(alnum + '\n', 5 + next(220))}\nEND BLOCK`,
    () => `${pick('abcdefghij', 15 + next(50))}.tail`,
    () => `ub_${pick('abcdefghij', next(80))}`,
  ];
  let text = '';
  const parts = 1 + next(40);
  for (let i = 0; i < parts; i++) {
    text += pieces[next(pieces.length)]!();
  }
  return text;
}

function spans(candidates: readonly Candidate[]): string[] {
  return foldOverlaps(candidates).map((c) => `${c.start}-${c.end}`);
}

function windowed(
  text: string,
  set: ReturnType<typeof compileRules>,
  r: number,
  mode: WindowMode = 'auto',
): Candidate[] {
  const lower = asciiLower(text);
  const hits = findKeywordHits(set.index, lower, 0, lower.length);
  const out: Candidate[] = [];
  matchAroundHits(
    text,
    set.rules[r]!,
    runsOfRule(set.index.ruleKeywords[r]!, hits, 0),
    newStats(),
    out,
    mode,
  );
  return out;
}

describe('windowed matcher', () => {
  for (const mode of ['auto', 'scan', 'starts'] as const) {
    it(`finds exactly what one pass over the whole text finds (${mode})`, () => {
      const set = compileRules(RULES);
      const next = seededInts(99);
      for (let round = 0; round < 300; round++) {
        const text = randomText(next);
        set.rules.forEach((cr: CompiledRule, r) => {
          const whole: Candidate[] = [];
          matchWindow(text, cr, 0, text.length, newStats(), whole);
          const got = spans(windowed(text, set, r, mode));
          assert.deepEqual(got, spans(whole), `${cr.rule.id}, round ${round}: ${JSON.stringify(text)}`);
        });
      }
    });
  }

  it('reports the secret group, not the whole match', () => {
    const set = compileRules(RULES);
    const value = randomToken(ALNUM, 20);
    const text = `x\nconst api_key = ${value};\n`;
    const [c] = windowed(
      text,
      set,
      RULES.findIndex((r) => r.id === 'context'),
    );
    assert.equal(text.slice(c!.start, c!.end), value);
    assert.equal(c!.secret, value);
  });

  it('corrects a declared maxLength shorter than the pattern allows', () => {
    const short = compileRules([rule('short', ['q_'], /q_[a-z]{10,40}/, 12)]);
    assert.equal(short.rules[0]!.maxLength, 42);
  });

  it('keeps each window bounded and abandons one after MAX_MATCHES matches', () => {
    const set = compileRules([rule('dense', ['z'], /z/, 1)]);
    const text = 'z'.repeat(MAX_MATCHES * 3);
    const stats = newStats();
    const out: Candidate[] = [];
    matchAroundHits(text, set.rules[0]!, [0, text.length - 1], stats, out);
    assert.equal(out.length, MAX_MATCHES);
    assert.equal(stats.capped, 1);
    assert.ok(stats.windowChars <= text.length);
    // It says where it stopped: everything from the first match not examined to the window's end.
    assert.deepEqual(stats.unexamined, [MAX_MATCHES, text.length]);
  });

  it('says where a window scanned whole stopped', () => {
    const set = compileRules([rule('dense', ['z'], /z/, 1)]);
    const text = `${'z'.repeat(MAX_MATCHES + 10)} tail`;
    const stats = newStats();
    matchWindow(text, set.rules[0]!, 0, text.length, stats, []);
    assert.deepEqual(stats.unexamined, [MAX_MATCHES, text.length]);
  });
});
