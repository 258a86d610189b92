import * as assert from 'node:assert/strict';
import { seededInts } from '../../../test/support/seededRandom';
import { gramLoop, leTables, loopModuleBytes, tokenLoop } from './byteLoops';
import { moduleBytes } from './byteLoopsCode';
import { BATCH } from './byteLoopsJs';
import { builtinRules } from './catalog';
import { buildKeywordIndex, QUAD_MUL, SHIFT, TRI_MUL } from './keywordIndex';
import type { KeywordIndex } from './keywordIndex';

/** Every position the wasm loop passes in `text`, in order. */
function passed(index: KeywordIndex, text: string): number[] {
  const loops = gramLoop(index, text.length + 12);
  loops.text.write(text, 0, 'latin1');
  loops.text.fill(0, text.length, text.length + 12);
  const last = text.length - 1;
  const out: number[] = [];
  for (let n = loops.nextBatch(0, last); ; n = loops.nextBatch(out[out.length - 1]! + 1, last)) {
    out.push(...loops.found.subarray(0, n));
    if (n < BATCH) {
      return out;
    }
  }
}

/** Where each keyword's indexed bytes (all of it when four or shorter) start in `text`. */
function gramStarts(index: KeywordIndex, text: string): number[] {
  const out = new Set<number>();
  index.keywords.forEach((kw, id) => {
    const at = kw.length > 4 ? index.gramAt[id]! : 0;
    const gram = kw.slice(at, at + 4);
    for (let i = text.indexOf(kw); i !== -1; i = text.indexOf(kw, i + 1)) {
      if (i + at < text.length - 1) {
        out.add(i + at);
      }
    }
    assert.ok(gram.length >= 2);
  });
  return [...out].sort((a, b) => a - b);
}

describe('the byte loops module', () => {
  it("is written out here when the bundle holds no build's copy, and read from the copy when it does", () => {
    const written = moduleBytes();
    assert.deepEqual(loopModuleBytes(undefined), written);
    // esbuild.js writes the base64 of `moduleBytes()` into the bundles (SECURE_GPT_LOOP_MODULE).
    assert.deepEqual(loopModuleBytes(Buffer.from(written).toString('base64')), written);
    assert.ok(loopModuleBytes(undefined) instanceof Uint8Array);
  });
});

describe('wasm byte loops', () => {
  const index = buildKeywordIndex([
    ['sk', 'key', 'ghp_', 'client_secret', 'password'],
    ['xoxb-', 'api'],
  ]);

  it('passes every position where a keyword starts, of every length it indexes', () => {
    const text = 'a sk b key c ghp_x my_client_secret= password: xoxb-1 api sk';
    const got = new Set(passed(index, text));
    for (const p of gramStarts(index, text)) {
      assert.ok(got.has(p), `position ${p} (${text.slice(p, p + 4)}) not passed`);
    }
  });

  it('passes no position of a text that holds none of the keywords bytes', () => {
    assert.deepEqual(passed(index, 'zzzz qqqq 0000 ____ ....'.repeat(50)), []);
    assert.deepEqual(passed(index, ''), []);
    assert.deepEqual(passed(index, 'k'), []);
  });

  it('passes every keyword position in random text, across a memory grown for a large text', () => {
    const ints = seededInts(11);
    const alphabet = 'aeikpsty_-:= \nKEY';
    const parts: string[] = [];
    for (let n = 0; n < 400_000; n += 8) {
      parts.push(Array.from({ length: 8 }, () => alphabet[ints(alphabet.length)]).join(''));
      if (ints(50) === 0) {
        parts.push(index.keywords[ints(index.keywords.length)]!);
      }
    }
    const text = parts.join('');
    const got = new Set(passed(index, text));
    const want = gramStarts(index, text);
    assert.ok(want.length > 100);
    for (const p of want) {
      assert.ok(got.has(p), `position ${p} not passed`);
    }
    // Mostly rejects: far fewer positions pass than the text holds.
    assert.ok(got.size < text.length / 4);
  });

  it('passes a dense text in full batches, each going on where the last stopped', () => {
    const only = buildKeywordIndex([['sk']]);
    const text = 'sk '.repeat(2 * BATCH + 5);
    assert.deepEqual(
      passed(only, text),
      Array.from({ length: 2 * BATCH + 5 }, (_, k) => 3 * k),
    );
    const loops = gramLoop(only, text.length + 12);
    assert.equal(loops.nextBatch(1, text.length - 1), BATCH);
    assert.equal(loops.found[0], 3);
    assert.equal(loops.found[BATCH - 1], 3 * BATCH);
    assert.equal(loops.nextBatch(3 * (2 * BATCH), text.length - 1), 5);
    assert.equal(loops.nextBatch(0, 0), 0);
  });

  it('loads the tables of the index asked for when indexes alternate', () => {
    const other = buildKeywordIndex([['zq']]);
    assert.deepEqual(passed(other, 'aa zq bb'), [3]);
    assert.ok(passed(index, 'aa zq bb sk').includes(9));
    assert.deepEqual(passed(other, 'sk key zq'), [7]);
  });

  /** Runs as [start, end] pairs by `runStart` and `runEnd`, read as tokenRuns.ts reads them. */
  function loopRuns(text: string, min: number, limit = text.length): number[] {
    const { runStart, runEnd, text: buf } = tokenLoop(text.length);
    buf.write(text, 0, 'latin1');
    const out: number[] = [];
    for (let i = runStart(0, text.length, limit, min); i !== -1;) {
      const e = runEnd(i + min, text.length);
      out.push(i, e);
      i = runStart(e, text.length, limit, min);
    }
    return out;
  }

  function naiveRuns(text: string, min: number, limit = text.length): number[] {
    const out: number[] = [];
    for (const m of text.matchAll(/[A-Za-z0-9_-]+/g)) {
      if (m[0].length >= min && m.index < limit) {
        out.push(m.index, m.index + m[0].length);
      }
    }
    return out;
  }

  it('finds each maximal run of token characters of the length asked for, and none shorter', () => {
    const sixteen = 'Ab0_-Cd1_-Ef2_-G';
    assert.deepEqual(loopRuns(`x = "${sixteen}";`, 16), [5, 21]);
    assert.deepEqual(loopRuns(`x = "${sixteen.slice(1)}";`, 16), []);
    assert.deepEqual(loopRuns(`${sixteen}.${sixteen}x`, 16), [0, 16, 17, 34]);
    assert.deepEqual(loopRuns(`a.${sixteen}`, 16, 2), []);
    assert.deepEqual(loopRuns(`a.${sixteen}`, 16, 3), [2, 18]);
  });

  it('finds what a regex finds in random text of short and long runs', () => {
    const ints = seededInts(5);
    const alphabet = 'aZ9_-aZ9_-aZ9_- .="\n\u00e9';
    for (let round = 0; round < 20; round++) {
      const text = Array.from({ length: 5000 }, () => alphabet[ints(alphabet.length)]).join('');
      for (const min of [1, 4, 8, 16]) {
        const limit = ints(text.length + 1);
        assert.deepEqual(loopRuns(text, min, limit), naiveRuns(text, min, limit));
      }
    }
  });
});

/** The wasm loop's tables as first written: each keyword's indexed bytes read little-endian, marked by closures. */
function plainLeTables(index: KeywordIndex): Uint8Array {
  const pairsAt = 1 << 17;
  const tables = new Uint8Array(pairsAt + (1 << 16));
  const mark = (bytes: number, mul: number, bit: number): void => {
    tables[Math.imul(bytes, mul | 0) >>> SHIFT]! |= bit;
  };
  const other = new Set(index.otherKeywords);
  index.keywords.forEach((kw, id) => {
    if (other.has(id)) {
      return;
    }
    const at = kw.length > 4 ? index.gramAt[id]! : 0;
    const b = (k: number): number => kw.charCodeAt(at + k);
    if (kw.length === 2) {
      tables[pairsAt + (b(0) | (b(1) << 8))] = 1;
      for (let third = 0; third < 256; third++) {
        mark(b(0) | (b(1) << 8) | (third << 16), TRI_MUL, 8);
      }
    } else if (kw.length === 3) {
      mark(b(0) | (b(1) << 8) | (b(2) << 16), TRI_MUL, 2);
    } else {
      mark(b(0) | (b(1) << 8) | (b(2) << 16) | (b(3) << 24), QUAD_MUL, 1);
      mark(b(0) | (b(1) << 8) | (b(2) << 16), TRI_MUL, 4);
    }
  });
  return tables;
}

describe('leTables', () => {
  it('lays out the tables as the plain build does, for the catalogue and random keyword sets', () => {
    const ints = seededInts(11);
    const alphabet = 'abcxyz09_-: \u00e9\u00ff\u0161';
    const word = (): string =>
      Array.from({ length: 1 + ints(12) }, () => alphabet[ints(alphabet.length)]!).join('');
    const sets = [
      builtinRules.map((r) => r.keywords),
      ...Array.from({ length: 20 }, () => Array.from({ length: 1 + ints(40) }, () => [word(), word()])),
    ];
    for (const lists of sets) {
      const index = buildKeywordIndex(lists);
      assert.deepEqual(leTables(index), plainLeTables(index));
    }
  });
});
