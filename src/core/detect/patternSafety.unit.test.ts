import * as assert from 'node:assert/strict';
import { builtinRules } from './catalog';
import type { ScanStats } from './matcher';
import { BEFORE_KEYWORD, compileRules, newStats } from './matcher';
import { patternMaxLength, patternProblems } from './patternSafety';
import { asciiLower } from './keywordIndex';
import { findKeywordHits } from './prefilter';
import { scan } from './scanner';

const KB = 1024;

function fill(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** The hostile shapes of the issue, plus ones aimed at the catalogue's own keywords. */
function hostile(length: number): Record<string, string> {
  const b64 = 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3ODkrLw';
  const everyKeyword = [...new Set(builtinRules.flatMap((r) => r.keywords))].join('=');
  return {
    'one character': fill('a', length),
    'base64 run': fill(b64, length),
    'equals signs': fill('=', length),
    quotes: fill('"', length),
    'one long line of code': fill('const value = compute(alpha, beta) + other; ', length),
    'repeated ghp_': fill('ghp_', length),
    'repeated password=': fill('password=', length),
    'repeated -----BEGIN': fill('-----BEGIN ', length),
    'repeated sk-': fill('sk-', length),
    'repeated xoxb-': fill('xoxb-', length),
    'repeated eyJ': fill('eyJ', length),
    'repeated ://a:': fill('://a:', length),
    'repeated AKIA': fill('AKIA', length),
    'every keyword, repeated': fill(`${everyKeyword}=`, length),
    'keywords and base64': fill(`${everyKeyword} ${b64}${b64}`, length),
  };
}

function work(text: string): ScanStats {
  const stats = newStats();
  scan(text, { stats });
  return stats;
}

describe('pattern safety', () => {
  it('flags the shapes that make a backtracking engine super-linear', () => {
    const bad = [
      /(a+)+b/,
      /(\w+\.){1,9}x/,
      /(\w{2,8})*!/,
      /(a|ab)*c/,
      /\w+\d+/,
      /key=.*/,
      /"[^"]*"/,
      /x[A-Za-z0-9]+/,
    ];
    for (const re of bad) {
      assert.notDeepEqual(patternProblems(re), [], String(re));
    }
    const good = [
      /\bghp_[A-Za-z0-9]{36}\b/,
      /(?<![A-Za-z0-9])[0-9a-f]{32}-us[0-9]{1,2}(?![A-Za-z0-9])/,
      /token\s*[:=]\s*["']?(?<secret>[A-Za-z0-9_-]{20,64})/i,
      /(?:[0-9]{8,14}-){3}[a-f0-9]{32}/,
      /-----BEGIN [A-Z ]{0,40}PRIVATE KEY-----[\s\S]{64,8000}?-----END/,
    ];
    for (const re of good) {
      assert.deepEqual(patternProblems(re), [], String(re));
    }
  });

  it('measures the longest match a pattern allows', () => {
    assert.equal(patternMaxLength(/\bghp_[A-Za-z0-9]{36}\b/), 40);
    assert.equal(patternMaxLength(/(?:x|yy){3}z?/), 7);
    assert.equal(patternMaxLength(/a(?=bbbb)c|d{2,5}/), 5);
    assert.equal(patternMaxLength(/ab+/), Infinity);
  });

  it('passes every built-in rule pattern', () => {
    const problems = builtinRules
      .map((rule) => ({ id: rule.id, problems: patternProblems(rule.pattern) }))
      .filter((r) => r.problems.length > 0);
    assert.deepEqual(problems, []);
  });

  it("finds every built-in rule's maxLength at least as long as its pattern's longest match", () => {
    // The engine's windows and the language server's re-scan margin both trust maxLength.
    const short = builtinRules
      .map((rule) => ({
        id: rule.id,
        declared: rule.maxLength ?? 512,
        pattern: patternMaxLength(rule.pattern),
      }))
      .filter((r) => Number.isFinite(r.pattern) && r.pattern > r.declared);
    assert.deepEqual(short, []);
  });

  describe('deterministic work on hostile input (counted, never timed)', () => {
    const set = compileRules(builtinRules);
    const longest = Math.max(...set.rules.map((r) => r.maxLength));
    const small = hostile(128 * KB);
    const large = hostile(512 * KB);
    const rulesHit = (text: string): number => {
      const hits = findKeywordHits(set.index, asciiLower(text), 0, text.length);
      return set.index.ruleKeywords.filter((ids) => ids.some((id) => hits[id] !== undefined)).length;
    };
    for (const name of Object.keys(small)) {
      it(`hands each rule each character about once: ${name}`, () => {
        const text = large[name]!;
        const n = text.length;
        const stats = work(text);
        // Per rule: its merged windows cover the text once, plus one window's reach per 256 KB split.
        const perRule = n + (Math.ceil(n / (256 * KB)) + 1) * (BEFORE_KEYWORD + longest + 16);
        const rules = rulesHit(text);
        assert.ok(stats.windowChars <= rules * perRule, `${stats.windowChars} > ${rules} rules × ${perRule}`);
        assert.ok(stats.matches <= stats.windowChars);
      });

      it(`grows linearly with the input: ${name}`, () => {
        const a = work(small[name]!);
        const b = work(large[name]!);
        // Four times the text, at most about four times the work (a few windows' reach of slack per rule).
        const rules = rulesHit(large[name]!);
        const slack = rules * 4 * (longest + BEFORE_KEYWORD + 16);
        assert.ok(b.windowChars <= 4 * a.windowChars + slack, `${a.windowChars} -> ${b.windowChars}`);
        assert.ok(b.windows <= 4 * a.windows + 4 * rules, `${a.windows} -> ${b.windows} windows`);
        assert.ok(b.matches <= 4 * a.matches + 4 * 4096, `${a.matches} -> ${b.matches} matches`);
      });
    }
  });
});
