import * as assert from 'node:assert/strict';
import { builtinRules } from './catalog';
import { newStats } from './matcher';
import { ALNUM, randomToken } from './random';
import { holdsLiterals, oneOfLiterals, requiredLiterals } from './requiredLiterals';
import { scan } from './scanner';

describe('requiredLiterals', () => {
  it('keeps runs of exact characters every match consumes, longest first', () => {
    assert.deepEqual(requiredLiterals(/ab:(?<pw>[^@]{1,8})@x?yz/), ['ab:']);
    assert.deepEqual(requiredLiterals(/BEGIN KEY\n[a-z]{4,8}\nEND KEY/), ['BEGIN KEY\n', '\nEND KEY']);
  });

  it('keeps what a positive lookahead reads, and of a group what all its alternatives hold', () => {
    assert.deepEqual(requiredLiterals(/(?:kind:x|^(?=.*kind:))data/), ['kind:', 'data']);
    assert.deepEqual(requiredLiterals(/(?:abcd|abce)/), []);
    assert.deepEqual(requiredLiterals(/(?:xkind:y|kind:)z/), ['kind:']);
    assert.deepEqual(requiredLiterals(/(?:key=|(?:key=){2})v/), ['key=']);
  });

  it('skips optional parts, negative lookarounds, folded letters, back-references and \\p', () => {
    assert.deepEqual(requiredLiterals(/(?:abc)?(?!def)(?<!ghi)x/), []);
    assert.deepEqual(requiredLiterals(/abc/i), []);
    assert.deepEqual(requiredLiterals(/a-:b/i), []);
    assert.deepEqual(requiredLiterals(/-:=(?<q>a)\k<q>:=/), ['-:=']);
    assert.deepEqual(requiredLiterals(/abc\p{L}/u), []);
  });

  it('asks only what every positive sample of every built-in rule holds', () => {
    for (const rule of builtinRules) {
      const literals = requiredLiterals(rule.pattern);
      for (const text of rule.tests.positives()) {
        assert.ok(holdsLiterals(text, literals), `${rule.id}: ${JSON.stringify(literals)}`);
      }
    }
  });

  it('skips the windows of a manifest that names no Secret, and still finds the one that does', () => {
    const stats = newStats();
    const manifests = 'kind: ConfigMap\ndata:\n  mode: fast\n---\n'.repeat(2000);
    const secret = `kind: Secret\ndata:\n  token: ${randomToken(ALNUM, 40)}==\n`;
    const found = scan(`${manifests}${secret}`, { stats }).filter((f) => f.ruleId === 'kubernetes-secret');
    assert.equal(found.length, 1);
    assert.equal(
      holdsLiterals(
        manifests,
        requiredLiterals(builtinRules.find((r) => r.id === 'kubernetes-secret')!.pattern),
      ),
      false,
    );
  });
});

describe('oneOfLiterals', () => {
  it('lists texts of which every match holds one: runs of two or more, and alternatives of a group', () => {
    assert.deepEqual(oneOfLiterals(/\b(?:btoa|encodeToString|encode)\(/), ['btoa', 'encode']);
    assert.deepEqual(oneOfLiterals(/(?<![\w-])(?:-H|--header)=/), ['-H', '--header']);
    assert.deepEqual(oneOfLiterals(/x(?=abc)|yz/), ['abc', 'yz']);
    assert.deepEqual(oneOfLiterals(/(?!abc)de/), ['de']);
    assert.deepEqual(oneOfLiterals(/Sprint|format|\.join\(/), ['Sprint', 'format', '.join(']);
  });

  it('lists nothing where an alternative may match without one; ignoring case, the letters as written', () => {
    assert.equal(oneOfLiterals(/a+b|cd/), undefined);
    assert.equal(oneOfLiterals(/(?:ab)?c/), undefined);
    assert.equal(oneOfLiterals(/abc|[a-z]{4}/), undefined);
    assert.equal(oneOfLiterals(/ab\p{L}/u), undefined);
    assert.deepEqual(oneOfLiterals(/\bAuthorization:/i), ['Authorization:']);
  });

  it('lists a text of every match the pattern finds', () => {
    const patterns = [/\b(?:btoa|encode)\(["'][\w:]{4,}["']/g, /(?:-H|--header)[ =]\S+/g, /x(?=abc)|yz/gi];
    const texts = [
      'encode("a:bcd")',
      "btoa('user:pw')",
      'curl -H x',
      '--header=y',
      'xabc',
      'YZ',
      'none here',
    ];
    for (const re of patterns) {
      const literals = oneOfLiterals(re)!.map((l) => (re.ignoreCase ? l.toLowerCase() : l));
      for (const text of texts) {
        const folded = re.ignoreCase ? text.toLowerCase() : text;
        for (const m of text.matchAll(re)) {
          assert.ok(
            literals.some((l) => folded.includes(l)),
            `${String(re)} on ${m[0]}`,
          );
        }
      }
    }
  });
});
