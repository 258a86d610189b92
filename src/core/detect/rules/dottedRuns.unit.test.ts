import * as assert from 'node:assert/strict';
import { seededInts } from '../../../../test/support/seededRandom';
import { ALNUM, randomToken } from '../random';
import { tokenRuns } from '../tokenRuns';
import { DottedRuns } from './dottedRuns';

/** The read as it was, one character at a time (the reference the jumps must agree with). */
function byCharacter(text: string, start: number, end: number, max: number): [number, number] | undefined {
  const dotted = (c: number): boolean => c === 46 || /[A-Za-z0-9_-]/.test(String.fromCharCode(c));
  if (
    !(start > 0 && text.charCodeAt(start - 1) === 46) &&
    !(end < text.length && text.charCodeAt(end) === 46)
  ) {
    return undefined;
  }
  let s = start;
  while (s > 0 && dotted(text.charCodeAt(s - 1)) && end - s <= max) {
    s--;
  }
  let e = end;
  while (e < text.length && dotted(text.charCodeAt(e)) && e - s <= max) {
    e++;
  }
  while (e > end && text.charCodeAt(e - 1) === 46) {
    e--;
  }
  while (s < start && text.charCodeAt(s) === 46) {
    s++;
  }
  return [s, e];
}

/** Every maximal run of token characters in `text`, flattened. */
function allRuns(text: string): number[] {
  return [...text.matchAll(/[A-Za-z0-9_-]+/g)].flatMap((m) => [m.index, m.index + m[0].length]);
}

describe('DottedRuns (the service table’s dotted values)', () => {
  it('reads the same bounds as a read character by character, long runs or not, in any order', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const r = seededInts(seed);
      const pieces = ['.', '..', ' ', '-', '_', 'é', randomToken(ALNUM, 1 + r(8))];
      let text = '';
      for (let n = r(40); n > 0; n--) {
        text += r(3) === 0 ? randomToken(ALNUM, 12 + r(60)) : pieces[r(pieces.length)]!;
      }
      // Runs from an offset, as a range scan asks: the first may be cut short at it.
      const from = r(3) === 0 ? r(text.length + 1) : 0;
      const long = tokenRuns(text, from, text.length, 16);
      const runs = allRuns(text);
      const order = runs.map((_, i) => i).filter((i) => i % 2 === 0);
      if (r(2) === 0) {
        order.sort(() => r(3) - 1);
      }
      const dotted = new DottedRuns(text, long);
      for (const i of order) {
        const max = 10 + r(200);
        const [start, end] = [runs[i]!, runs[i + 1]!];
        assert.deepEqual(
          dotted.at(start, end, max),
          byCharacter(text, start, end, max),
          `seed ${seed} at ${start}`,
        );
      }
    }
  });

  it('reads a line of JWT-shaped values at its dots and blanks, not at each character', () => {
    const part = (): string => randomToken(ALNUM, 20 + (randomToken('01', 1) === '1' ? 5 : 0));
    const units = Array.from({ length: 2000 }, () => `eyJ${part()}.eyJ${part()}.${part()}`);
    const text = units.join(' ');
    const long = tokenRuns(text, 0, text.length, 16);
    const dotted = new DottedRuns(text, long);
    let at = 0;
    for (const unit of units) {
      const first = unit.indexOf('.');
      assert.deepEqual(dotted.at(at, at + first, 196), [at, at + unit.length]);
      at += unit.length + 1;
    }
    // Per unit its two dots, the first character of each run it jumps over and the blanks around it; a
    // read character by character took about 70.
    assert.ok(dotted.read <= units.length * 6, `${dotted.read} characters read`);
  });
});
