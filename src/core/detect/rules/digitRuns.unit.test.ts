import * as assert from 'node:assert/strict';
import { seededInts } from '../../../../test/support/seededRandom';
import { drawnUntil, takenOf } from '../../../../test/support/freshValues';
import { DIGITS } from '../random';
import { scan } from '../scanner';
import { forEachDigitRun, randomDigits } from './digitRuns';

const SEPARATOR: Readonly<Record<string, number>> = { _: 1, '-': 2 };

const isDrawn = (v: string): boolean => randomDigits(v, 0, v.length);

/**
 * The pieces of a run as the finder reads them, written from their definition: the run whole, then its
 * pieces between `_`, between `-`, and between either (except one that `_` or `-` alone bounds on both
 * sides, already given), each `min` long or more; none for a run without a digit.
 */
function definedPieces(text: string, start: number, end: number, min: number, max: number): string[] {
  const run = text.slice(start, end);
  if (run.length < min || !/[0-9]/.test(run)) {
    return [];
  }
  const out = [`${start}-${end}`];
  // The rest of the run, `max` long at most, after each `-` or `_` a credential word ends (`codakey-`, `x_SECRET_`).
  for (let q = 3; q < run.length - min; q++) {
    const rest = run.length - q - 1;
    if (
      rest <= max &&
      (run[q] === '-' || run[q] === '_') &&
      /(?:key|token|secret|private|access)$/i.test(run.slice(0, q))
    ) {
      out.push(`${start + q + 1}-${end}`);
    }
  }
  const held = (run.includes('_') ? 1 : 0) | (run.includes('-') ? 2 : 0);
  for (const seps of [1, 2, 3].filter((s) => (s & held) === s)) {
    let p = 0;
    for (let q = 0; q <= run.length; q++) {
      const k = q === run.length ? 0 : (SEPARATOR[run[q]!] ?? 0);
      if (q < run.length && (k & seps) === 0) {
        continue;
      }
      const left = p === 0 ? 3 : SEPARATOR[run[p - 1]!]!;
      const right = q === run.length ? 3 : k;
      if (q - p >= min && (seps !== 3 || (left & right) === 0)) {
        out.push(`${start + p}-${start + q}`);
      }
      p = q + 1;
    }
  }
  return out;
}

describe('forEachDigitRun (the service table’s one pass)', () => {
  it('visits each run’s pieces as defined, short runs and runs past 256 characters alike', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const r = seededInts(seed);
      // Characters, or whole pieces: credential words glued to separators and digits (`KEY-9`, `token_1`).
      const alphabet = [
        [...'abcXYZ'],
        [...'abc123'],
        [...'ab_-'],
        [...'a1_'],
        [...'z-9'],
        ['KEY', 'token', 'Secret', 'private', 'ACCESS', 'monkey', '-', '_', '7', 'x'],
      ][r(6)]!;
      let text = '';
      const runs: number[] = [];
      for (let n = 1 + r(12); n > 0; n--) {
        const length = r(4) === 0 ? 250 + r(30) : r(40);
        text += ' ';
        const start = text.length;
        for (let i = 0; i < length; i++) {
          text += alphabet[r(alphabet.length)];
        }
        runs.push(start, text.length);
      }
      const long = runs.filter((_, i) => (runs[i - (i % 2)]! * 7 + seed) % 3 !== 0);
      const short = runs.filter((x) => !long.includes(x));
      const min = 4 + r(12);
      const seen: string[] = [];
      const max = min + r(300);
      forEachDigitRun(text, long, short, min, max, (s, e) => seen.push(`${s}-${e}`));
      const want: string[] = [];
      for (let i = 0; i < runs.length; i += 2) {
        want.push(...definedPieces(text, runs[i]!, runs[i + 1]!, min, max));
      }
      assert.deepEqual(seen, want, `seed ${seed}`);
    }
  });

  it('reads most random digits as drawn, and counting, repeats and dates as typed', () => {
    const taken = takenOf(DIGITS, 25, isDrawn);
    assert.ok(taken > 320, `${taken} of 400`);
    for (const typed of [
      '1234567890123456789012345',
      '9876543210987654',
      '1000000000000000',
      '5555555555555555',
      '20241231235959000',
      '1212121212121212',
      '12345678901234a6',
    ]) {
      assert.equal(randomDigits(typed, 0, typed.length), false, typed);
    }
  });
});

describe('digits-only values of the service key table', () => {
  const drawn = (n: number): string => drawnUntil(DIGITS, n, isDrawn);
  const found = (line: string): boolean => scan(line).some((f) => f.ruleId === 'service-api-key');

  it('reports drawn digits of a service’s length right after its credential name', () => {
    // Restpack's keys are 48 letters and digits; Kingfisher's examples give them as digits alone.
    for (const line of [
      `RESTPACK_SECRET=${drawn(48)}`,
      `restpack token: "${drawn(48)}"`,
      `restpack SECRET KEY ${drawn(48)}`,
    ]) {
      assert.ok(found(line), line);
    }
  });

  it('leaves digits off the length, typed digits, digits with no service word or no credential name', () => {
    for (const line of [
      `RESTPACK_SECRET=${drawn(47)}`,
      `RESTPACK_SECRET=${'1234567890'.repeat(4)}12345678`,
      `SETTING_SECRET=${drawn(48)}`,
      `restpack_build: ${drawn(48)}`,
      `# restpack returns ids like ${drawn(48)}`,
    ]) {
      assert.equal(found(line), false, line);
    }
  });
});
