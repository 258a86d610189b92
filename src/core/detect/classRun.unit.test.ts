import * as assert from 'assert';
import { builtinRules } from './catalog';
import { classTable, holdsClassRun } from './classRun';
import { HEX, randomToken } from './random';
import { findSecrets } from './scanner';
import { seededFloats } from '../../../test/support/seededRandom';

describe('holdsClassRun', () => {
  const table = classTable(/[A-Za-z0-9/+]/);

  /** The same answer read plainly, character by character. */
  function plain(text: string, min: number): boolean {
    let run = 0;
    for (const ch of text) {
      run = /^[A-Za-z0-9/+]$/.test(ch) ? run + 1 : 0;
      if (run >= min) {
        return true;
      }
    }
    return false;
  }

  it('finds a run of exactly the length asked for, anywhere', () => {
    for (const at of [0, 1, 7, 50]) {
      const text = `${' -'.repeat(at)}${'a/+9'.repeat(25)}${'-'.repeat(at % 3)}`;
      assert.strictEqual(holdsClassRun(text, table, 100), true, `at ${at}`);
      assert.strictEqual(holdsClassRun(text, table, 101), false, `at ${at}`);
    }
  });

  it('finds none in short runs, in an empty text or in characters past ASCII', () => {
    assert.strictEqual(holdsClassRun(`${'x'.repeat(99)} `.repeat(50), table, 100), false);
    assert.strictEqual(holdsClassRun('', table, 3), false);
    assert.strictEqual(holdsClassRun('\u0131'.repeat(300), table, 100), false);
    assert.strictEqual(holdsClassRun('ab\u0161cd', table, 3), false);
  });

  it('agrees with a plain reading on random texts', () => {
    const rnd = seededFloats(7);
    const alphabet = 'aZ9/+ -=\n\u0131';
    for (let k = 0; k < 2000; k++) {
      const len = Math.floor(rnd() * 60);
      let text = '';
      for (let i = 0; i < len; i++) {
        // Mostly class characters, so that runs of every length come up.
        text += rnd() < 0.8 ? alphabet[Math.floor(rnd() * 5)] : alphabet[5 + Math.floor(rnd() * 5)];
      }
      const min = 1 + Math.floor(rnd() * 12);
      assert.strictEqual(holdsClassRun(text, table, min), plain(text, min), JSON.stringify([text, min]));
    }
  });
});

describe('holdsClassRun of a class of token characters', () => {
  const hex = classTable(/[0-9a-f]/);
  const run = (n: number): string => '0123456789abcdef'.repeat(4).slice(0, n);

  it('finds a long enough run inside a longer run of token characters, and none shorter', () => {
    assert.strictEqual(holdsClassRun(`x = "zz${run(32)}Q_";`, hex, 32), true);
    assert.strictEqual(holdsClassRun(`x = "zz${run(31)}Q_";`, hex, 32), false);
    assert.strictEqual(holdsClassRun(`x = ${run(20)}A${run(20)};`, hex, 32), false);
    assert.strictEqual(holdsClassRun(`${run(40)}`, hex, 40), true);
    assert.strictEqual(holdsClassRun(`a.${run(16)}.${run(16)}`, hex, 16), true);
    assert.strictEqual(holdsClassRun(`a.${run(15)}.${run(15)}`, hex, 16), false);
  });

  it('agrees with a plain reading on random texts', () => {
    const rnd = seededFloats(3);
    const alphabet = '0a9fQz_- .\n\u0131';
    for (let k = 0; k < 1000; k++) {
      let text = '';
      for (let i = Math.floor(rnd() * 300); i > 0; i--) {
        text += rnd() < 0.9 ? alphabet[Math.floor(rnd() * 4)] : alphabet[4 + Math.floor(rnd() * 7)];
      }
      const min = 16 + Math.floor(rnd() * 24);
      let longest = 0;
      let current = 0;
      for (const ch of text) {
        current = /^[0-9a-f]$/.test(ch) ? current + 1 : 0;
        longest = Math.max(longest, current);
      }
      assert.strictEqual(holdsClassRun(text, hex, min), longest >= min, JSON.stringify([text, min]));
    }
  });
});

describe('rules that declare needsRun', () => {
  it('hold the run in every generated positive, so the skip drops no match', () => {
    const declaring = builtinRules.filter((r) => r.needsRun !== undefined);
    assert.ok(declaring.some((r) => r.id === 'mailchimp-api-key'));
    for (const rule of declaring) {
      const { chars, length } = rule.needsRun!;
      for (let k = 0; k < 20; k++) {
        for (const line of rule.tests.positives()) {
          assert.ok(holdsClassRun(line, classTable(chars), length), `${rule.id}: ${line}`);
        }
      }
    }
  });

  it('still finds a Mailchimp key in a flood of -us, and skips the flood alone', () => {
    const key = `${randomToken(HEX, 32)}-us${randomToken('123456789', 1)}`;
    const flood = 'sk-usk-a'.repeat(2000);
    assert.deepStrictEqual(
      findSecrets(`${flood} ${key} ${flood}`).map((f) => [f.secret, f.finding.ruleId]),
      [[key, 'mailchimp-api-key']],
    );
    assert.deepStrictEqual(findSecrets(flood), []);
  });
});
