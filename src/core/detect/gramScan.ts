import type { KeywordIndex } from './keywordIndex';
import { QUAD_MUL, SHIFT, TRI_MUL } from './keywordIndex';

/**
 * The prefilter's rejecting loop (see `nextCandidate` in prefilter.ts) as a small WebAssembly function.
 * TurboFan's code for the same loop re-checked the maps of the DataView and the tables and reloaded their
 * lengths and data pointers at every position (a loop's stack check may run arbitrary code, so nothing
 * it loaded may be kept across iterations): about 35 instructions a position against about 15 here. On the
 * bench tree's 52 MB the loop took 112 ms in JavaScript, 70 ms here, calls from JavaScript included.
 *
 * The text's Latin-1 copy lives in the module's memory, at `TEXT`; the prefilter reads it there too (see
 * `gramText`). Wasm reads memory little-endian and has no byte swap, so the loop hashes each position's
 * bytes in that order, on tables of its own (`leTables`) built from the index with the same multipliers:
 * the same positions pass as in JavaScript, apart from positions of different hash collisions, which
 * the keyword checks after it reject.
 */

/** Where the tables and the text sit in the module's memory (bytes). */
const MASK = 0;
const PAIRS = 1 << 17;
const TEXT = PAIRS + (1 << 16);
const PAGE = 1 << 16;

/** A module of one function, `next(i, last)`: the first `i` in [i, last) that the tables mark, or `last`. */
function moduleBytes(): Uint8Array<ArrayBuffer> {
  const tri = TRI_MUL | 0;
  const quad = QUAD_MUL | 0;
  // Opcodes used (WebAssembly core spec, binary format).
  const [block, loop, ifOp, end, br, brIf, ret] = [0x02, 0x03, 0x04, 0x0b, 0x0c, 0x0d, 0x0f];
  const [get, set, tee, load, load8] = [0x20, 0x21, 0x22, 0x28, 0x2d];
  const [eqz, geS, and, mul, add, shrU] = [0x45, 0x4e, 0x71, 0x6c, 0x6a, 0x76];
  const empty = 0x40;
  const i32 = (n: number): number[] => [0x41, ...sleb(n)];
  // Locals: 0 i, 1 last (parameters), 2 v (the four bytes at i), 3 first (the mark of their first three).
  const hash = (mul32: number): number[] => [...i32(mul32), mul, ...i32(SHIFT), shrU];
  const body = [
    ...[block, empty, loop, empty],
    ...[get, 0, get, 1, geS, brIf, 1],
    ...[block, empty],
    ...[get, 0, load, 0, ...uleb(TEXT), set, 2],
    ...[get, 2, ...i32(0xffffff), and, ...hash(tri), load8, 0, ...uleb(MASK), tee, 3],
    ...[...i32(14), and, eqz, brIf, 0],
    // Bit 2: a keyword of three bytes (or of two, before `pairs`) may start here.
    ...[get, 3, ...i32(2), and, ifOp, empty, get, 0, ret, end],
    // Bit 4: some keyword's indexed four bytes begin with these three; the four-byte hash decides.
    ...[get, 3, ...i32(4), and, ifOp, empty],
    ...[get, 2, ...hash(quad), load8, 0, ...uleb(MASK), ...i32(1), and, ifOp, empty, get, 0, ret, end],
    ...[end],
    // Bit 8: a two-byte keyword hashes here with some third byte; the pair table decides.
    ...[get, 3, ...i32(8), and, ifOp, empty],
    ...[get, 2, ...i32(0xffff), and, load8, 0, ...uleb(PAIRS), ifOp, empty, get, 0, ret, end],
    ...[end],
    ...[end],
    ...[get, 0, ...i32(1), add, set, 0, br, 0],
    ...[end, end],
    ...[get, 1],
  ];
  const code = [1, 2, 0x7f, ...body, end];
  const section = (id: number, content: number[]): number[] => [id, ...uleb(content.length), ...content];
  const name = (s: string): number[] => [s.length, ...Array.from(s, (c) => c.charCodeAt(0))];
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, [1, 0x60, 2, 0x7f, 0x7f, 1, 0x7f]),
    ...section(3, [1, 0]),
    ...section(5, [1, 0, ...uleb(TEXT / PAGE + 1)]),
    ...section(7, [2, ...name('next'), 0, 0, ...name('memory'), 2, 0]),
    ...section(10, [1, ...uleb(code.length), ...code]),
  ]);
}

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    const b = n & 0x7f;
    n >>>= 7;
    out.push(n === 0 ? b : b | 0x80);
  } while (n !== 0);
  return out;
}

function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

/**
 * The little-endian tables of `index` for the wasm loop, laid out as its memory holds them: `MASK` (bit 1,
 * a keyword's indexed four bytes; bit 2, a three-byte keyword; bit 4, the first three of some indexed four;
 * bit 8, a two-byte keyword and any third byte), then `PAIRS` (1 at each two-byte keyword).
 */
export function leTables(index: KeywordIndex): Uint8Array {
  const tables = new Uint8Array(TEXT);
  const mark = (bytes: number, mul32: number, bit: number): void => {
    tables[MASK + (Math.imul(bytes, mul32 | 0) >>> SHIFT)]! |= bit;
  };
  const other = new Set(index.otherKeywords);
  index.keywords.forEach((kw, id) => {
    if (other.has(id)) {
      return;
    }
    const at = kw.length > 4 ? index.gramAt[id]! : 0;
    const b = (k: number): number => kw.charCodeAt(at + k);
    if (kw.length === 2) {
      tables[PAIRS + (b(0) | (b(1) << 8))] = 1;
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

// The engine's TypeScript project has no DOM library, where the WebAssembly API's types live: the little
// of it used here, as Node provides it.
declare const WebAssembly: {
  readonly Module: new (bytes: Uint8Array<ArrayBuffer>) => object;
  readonly Instance: new (module: object) => { readonly exports: Record<string, unknown> };
};
interface Memory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

interface Loop {
  readonly next: (i: number, last: number) => number;
  readonly memory: Memory;
}

let loop: Loop | undefined;
/** The index whose tables the memory holds, and each index's tables, built once. */
let loaded: KeywordIndex | undefined;
const tablesOf = new WeakMap<KeywordIndex, Uint8Array>();
/** Views of the text area; a grown memory detaches them. */
let text: Buffer | undefined;
let textView: DataView | undefined;

function instance(): Loop {
  if (loop === undefined) {
    const exports = new WebAssembly.Instance(new WebAssembly.Module(moduleBytes())).exports;
    loop = { next: exports['next'] as Loop['next'], memory: exports['memory'] as Memory };
  }
  return loop;
}

/**
 * The loop, its memory holding `index`'s tables and room for `length` bytes of text, with views of the
 * text area (the loop's offset `i` is offset `i` of both).
 */
export function gramLoop(
  index: KeywordIndex,
  length: number,
): { next: Loop['next']; text: Buffer; view: DataView } {
  const { next, memory } = instance();
  if (memory.buffer.byteLength < TEXT + length) {
    memory.grow(Math.ceil((TEXT + length - memory.buffer.byteLength) / PAGE));
    text = undefined;
  }
  if (text === undefined || textView === undefined) {
    text = Buffer.from(memory.buffer, TEXT, memory.buffer.byteLength - TEXT);
    textView = new DataView(memory.buffer, TEXT, memory.buffer.byteLength - TEXT);
  }
  if (loaded !== index) {
    let tables = tablesOf.get(index);
    if (tables === undefined) {
      tables = leTables(index);
      tablesOf.set(index, tables);
    }
    new Uint8Array(memory.buffer, 0, TEXT).set(tables);
    loaded = index;
  }
  return { next, text, view: textView };
}
