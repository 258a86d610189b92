import * as assert from 'node:assert/strict';
import { seededInts } from '../../../test/support/seededRandom';
import { BATCH, type ByteLoops } from './byteLoopsJs';
import { gramLoop, useLoopsForTests } from './byteLoops';
import type { LoopsMode } from './byteLoops';
import { builtinRules } from './catalog';
import { compileRules } from './compiledRule';
import { asciiLower } from './keywordIndex';
import { findSecrets, scan, scanRange } from './scanner';

// The JavaScript loops stand in for the wasm ones where WebAssembly is missing (node --jitless) or a
// memory cannot grow: they must give the same results call for call, and the scan the same findings.
const index = compileRules(builtinRules).index;

/** The loops `mode` hands out, holding `text` (with the prefilter's zero padding). */
function loopsHolding(mode: LoopsMode, text: string): ByteLoops {
  useLoopsForTests(mode);
  try {
    const loops = gramLoop(index, text.length + 16);
    loops.text.write(text, 0, 'latin1');
    loops.text.fill(0, text.length, text.length + 16);
    return loops;
  } finally {
    useLoopsForTests('auto');
  }
}

/** Random code-like text: real keywords, token runs of many lengths, punctuation, some non-Latin-1. */
function codeLike(ints: (n: number) => number, length: number): string {
  const words = index.keywords;
  const token = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-';
  const other = [
    ' ',
    '\n',
    '  ',
    '.',
    '=',
    ': ',
    '"',
    "'",
    '(',
    ');',
    '/',
    '\u00e9',
    '\u0161',
    '\u4e2d',
    '\u0131',
  ];
  const out: string[] = [];
  let n = 0;
  while (n < length) {
    const pick = ints(10);
    let part: string;
    if (pick < 3) {
      part = words[ints(words.length)]!;
    } else if (pick < 7) {
      const run = ints(5) === 0 ? 12 + ints(60) : 1 + ints(12);
      part = Array.from({ length: run }, () => token[ints(token.length)]).join('');
    } else {
      part = other[ints(other.length)]!;
    }
    out.push(part);
    n += part.length;
  }
  return out.join('');
}

/** Every call the engine makes on `loops` for a text of `n` bytes, and some from random places, with their results. */
function calls(loops: ByteLoops, n: number, ints: (n: number) => number): number[] {
  const out: number[] = [];
  const last = n - 1;
  for (let from = 0, count = BATCH; count === BATCH;) {
    count = loops.nextBatch(from, last);
    out.push(count, ...loops.found.subarray(0, count));
    from = loops.found[count - 1]! + 1;
  }
  for (let k = 0; k < 50; k++) {
    const from = ints(n + 1);
    const count = loops.nextBatch(from, Math.min(last, from + ints(n)));
    out.push(count, ...loops.found.subarray(0, count));
  }
  for (const min of [1, 4, 12, 16, 20]) {
    const limit = ints(n + 1);
    for (let i = loops.runStart(0, n, limit, min); i !== -1;) {
      const e = loops.runEnd(i + min, n);
      out.push(i, e);
      i = loops.runStart(e, n, limit, min);
    }
    out.push(-2);
  }
  for (let k = 0; k < 50; k++) {
    out.push(loops.runStart(ints(n + 1), n, ints(n + 1), 1 + ints(24)), loops.runEnd(ints(n + 1), n));
  }
  return out;
}

describe('byte loops in JavaScript, against the wasm ones', () => {
  it('give the same results call for call over many generated texts, some longer than the first memory', () => {
    const ints = seededInts(29);
    let passed = 0;
    for (let round = 0; round < 60; round++) {
      const length = round % 10 === 9 ? 300_000 + ints(700_000) : 1 + ints(round < 20 ? 64 : 20_000);
      const text = asciiLower(codeLike(ints, length));
      const wasm = loopsHolding('auto', text);
      const js = loopsHolding('js', text);
      assert.notEqual(js, wasm, 'the wasm loops are not available in this process');
      const seed = ints(1 << 30);
      const want = calls(wasm, text.length, seededInts(seed));
      assert.deepEqual(
        calls(js, text.length, seededInts(seed)),
        want,
        `round ${round}, length ${text.length}`,
      );
      passed += want.length;
    }
    assert.ok(passed > 100_000, `only ${passed} results compared`);
  });

  it('fold bytes as toLowerCase folds Latin-1 characters, sixteen at a time, wasm and JavaScript alike', () => {
    const ints = seededInts(37);
    const lower = (c: number): number => String.fromCharCode(c).toLowerCase().charCodeAt(0);
    for (let round = 0; round < 40; round++) {
      const length = round === 0 ? 256 : 1 + ints(round % 8 === 7 ? 100_000 : 300);
      const bytes = Buffer.from(Array.from({ length }, (_, i) => (round === 0 ? i : ints(256))));
      const folded = (['auto', 'js'] as const).map((mode) => {
        useLoopsForTests(mode);
        try {
          const loops = gramLoop(index, length + 16);
          bytes.copy(loops.text);
          loops.text.fill(0x41, length, length + 16);
          loops.fold(length);
          return Buffer.from(loops.text.subarray(0, length + 16));
        } finally {
          useLoopsForTests('auto');
        }
      });
      const want = Buffer.from([...bytes].map(lower));
      assert.deepEqual(folded[0]!.subarray(0, length), want, `round ${round}`);
      // Past the length, up to the next multiple of 16, folded too; nothing further.
      const rounded = (length + 15) & ~15;
      for (let i = length; i < length + 16; i++) {
        assert.equal(folded[0]![i], i < rounded ? 0x61 : 0x41, `round ${round}, byte ${i}`);
      }
      assert.deepEqual(folded[1], folded[0], `round ${round}`);
    }
  });

  it('are handed out when the memory cannot grow, for that text only', () => {
    const small = loopsHolding('noGrow', 'sk');
    // Far past any memory this process's other tests may have grown.
    const large = loopsHolding('noGrow', 'x'.repeat(48 << 20));
    assert.equal(small, loopsHolding('auto', 'sk'));
    assert.equal(large, loopsHolding('js', 'sk'));
  });
});

describe('scan with the JavaScript byte loops', () => {
  /** Each rule's generated positives and its negatives, some joined into long texts with non-Latin-1 in them. */
  function texts(): string[] {
    const out: string[] = [];
    for (const rule of builtinRules) {
      out.push(...rule.tests.positives(), ...rule.tests.negatives);
    }
    const ints = seededInts(31);
    const long: string[] = [];
    for (let k = 0; k < 2; k++) {
      const parts: string[] = [];
      for (let n = 0; n < 300_000; n += 2000) {
        parts.push(codeLike(ints, 2000), '\n', out[ints(out.length)]!, '\n');
      }
      long.push(parts.join(''));
    }
    return [...out, ...long, ...long.map((t) => t.replace(/e/g, '\u0113'))];
  }

  it('gives the same findings with the loops forced to JavaScript, or when the memory cannot grow', () => {
    const all = texts();
    const results = (mode: LoopsMode): string[] => {
      useLoopsForTests(mode);
      try {
        return all.map((t) => JSON.stringify([scan(t), findSecrets(t), scanRange(t, 2, 40)]));
      } finally {
        useLoopsForTests('auto');
      }
    };
    const want = results('auto');
    const findings = want.reduce((sum, r) => sum + (JSON.parse(r) as unknown[][])[0]!.length, 0);
    assert.ok(findings > builtinRules.length, `only ${findings} findings`);
    for (const mode of ['js', 'noGrow'] as const) {
      const got = results(mode);
      got.forEach((g, i) => assert.equal(g, want[i], `${mode}: text ${i} (${all[i]!.slice(0, 80)})`));
    }
  });
});
