import * as assert from 'node:assert/strict';
import { builtinRules } from './catalog';
import { newStats } from './matcher';
import { ALNUM, randomToken } from './random';
import { holdsRequired, requiredChars } from './requiredChars';
import { scan } from './scanner';

describe('requiredChars', () => {
  it('keeps the characters every match consumes', () => {
    assert.deepEqual(requiredChars(/ab:(?<pw>[^@]{1,8})@x?/), ['a', 'b', ':', '@']);
  });

  it('keeps of a group only what all its alternatives require', () => {
    assert.deepEqual(requiredChars(/(?:k=|k:)v/), ['k', 'v']);
    assert.deepEqual(requiredChars(/x=|y=/), ['=']);
  });

  it('pairs the two cases of a letter under the i flag or a class', () => {
    assert.deepEqual(requiredChars(/[tT]\.k/i), ['Tt', '.', 'Kk']);
  });

  it('skips optional atoms, broad classes, lookarounds and back-references', () => {
    assert.deepEqual(requiredChars(/(?<=q)z?[A-Za-z]{4}(?!@)-/), ['-']);
    assert.deepEqual(requiredChars(/(?<q>['"])v\k<q>w\1/), ['"\'', 'v', 'w']);
  });

  it('asks only what every positive sample of every built-in rule holds', () => {
    for (const rule of builtinRules) {
      const required = requiredChars(rule.pattern);
      for (const text of rule.tests.positives()) {
        assert.ok(holdsRequired(text, required), `${rule.id}: ${JSON.stringify(required)}`);
      }
    }
  });

  it('checks a text for one character of each entry', () => {
    assert.equal(holdsRequired('a@b', ['@', 'Bb']), true);
    assert.equal(holdsRequired('a@B', ['@', 'Bb']), true);
    assert.equal(holdsRequired('ab', ['@']), false);
    assert.equal(holdsRequired('', []), true);
  });

  it('skips the windows of a flood of URLs that hold no @, and still finds the one that does', () => {
    const stats = newStats();
    const flood = 'https://host.example.net/path:x\n'.repeat(20000);
    const text = `${flood}u = "https://deploy:${randomToken(ALNUM, 16)}@git.internal.corp/x"\n`;
    const found = scan(text, { stats }).filter((f) => f.ruleId === 'url-password');
    assert.equal(found.length, 1);
    assert.ok(stats.matches < 10, `${stats.matches} matches examined`);
  });
});
