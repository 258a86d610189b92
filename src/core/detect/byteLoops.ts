import type { KeywordIndex } from './keywordIndex';
import { QUAD_MUL, SHIFT, TRI_MUL } from './keywordIndex';
import { BATCH, type ByteLoops, jsLoops, TOKEN_BYTES } from './byteLoopsJs';
import { add, and, block, br, brIf, byte, empty, end, eq, eqz, geS, get } from './wasmBytes';
import { gtS, i32, ifOp, leS, load, loop, mul, ret, set, shl, shrU } from './wasmBytes';
import {
  addU8,
  andNotV,
  andV,
  eq8,
  loadV,
  ltS8,
  orV,
  splat,
  store,
  storeV,
  sub,
  tee,
  uleb,
  v128,
} from './wasmBytes';

/**
 * The engine's two loops over every byte of a text, as small WebAssembly functions: the prefilter's
 * rejecting loop (`nextBatch`, see `scanGrams` in prefilter.ts) and the search for long runs of token
 * characters (`runStart`, `runEnd`, see tokenRuns.ts). TurboFan's code for such loops re-checked the maps
 * of the DataView and tables they read and reloaded their lengths and data pointers at every position (a
 * loop's stack check may run arbitrary code, so nothing loaded may be kept across iterations): about 35
 * instructions a position of the prefilter against about 15 here. On the bench tree's 52 MB the
 * prefilter's loop took 112 ms in JavaScript, 70 ms here, calls from JavaScript included.
 *
 * A text's Latin-1 copy lives in the module's memory, at `TEXT`; callers write it there and read it there
 * too (`gramLoop`, `tokenLoop`), one call at a time: each caller writes its copy before it runs a loop.
 * Wasm reads memory little-endian and has no byte swap, so `nextBatch` hashes each position's bytes in that
 * order, on tables of its own (`leTables`) built from the index with the same multipliers: the same
 * positions pass as in JavaScript, apart from positions of other hash collisions, which the keyword
 * checks after it reject.
 *
 * Where WebAssembly is missing or the module cannot be made (decided once per process), and for a text
 * whose memory fails to grow, the same loops run in JavaScript (byteLoopsJs.ts), with the same results.
 */

/** Where the tables and the text sit in the module's memory (bytes). */
const MASK = 0;
const PAIRS = 1 << 17;
/** `[A-Za-z0-9_-]` by byte (1 = yes), as tokenRuns.ts reads them. */
const TOKEN = PAIRS + (1 << 16);
/** Where `nextBatch` writes the positions it passes (`BATCH` i32s). */
const FOUND = TOKEN + 256;
const TEXT = FOUND + 4 * BATCH;
const PAGE = 1 << 16;

/**
 * `nextBatch(i, last)`: the first `BATCH` positions in [i, last) whose four bytes the tables mark, written
 * as i32s at `FOUND`; returns how many (fewer than `BATCH`: there are no more before `last`). A dense text
 * passes a position every few bytes: one call per position cost about 3.5 ns each, a tenth of such a scan.
 */
function nextCode(): number[] {
  // Locals: 0 i, 1 last (parameters), 2 v (the four bytes at i), 3 first (the mark of their first three), 4 n.
  const hash = (mul32: number): number[] => [...i32(mul32 | 0), mul, ...i32(SHIFT), shrU];
  return [
    ...[1, 3, 0x7f],
    ...[block, empty, loop, empty],
    ...[get, 0, get, 1, geS, brIf, 1],
    // Blocks `skip` and, in it, `record`: a branch to `record` records position i; both go on at i + 1.
    ...[block, empty, block, empty],
    ...[get, 0, load, 0, ...uleb(TEXT), set, 2],
    ...[get, 2, ...i32(0xffffff), and, ...hash(TRI_MUL), ...byte(MASK), tee, 3],
    ...[...i32(14), and, eqz, brIf, 1],
    // Bit 2: a keyword of three bytes may start here.
    ...[get, 3, ...i32(2), and, brIf, 0],
    // Bit 4: some keyword's indexed four bytes begin with these three; the four-byte hash decides.
    ...[get, 3, ...i32(4), and, ifOp, empty],
    ...[get, 2, ...hash(QUAD_MUL), ...byte(MASK), ...i32(1), and, brIf, 1],
    ...[end],
    // Bit 8: a two-byte keyword hashes here with some third byte; the pair table decides.
    ...[get, 3, ...i32(8), and, ifOp, empty],
    ...[get, 2, ...i32(0xffff), and, ...byte(PAIRS), brIf, 1],
    ...[end],
    ...[br, 1],
    ...[end],
    ...[get, 4, ...i32(2), shl, get, 0, store, 2, ...uleb(FOUND)],
    ...[get, 4, ...i32(1), add, tee, 4, ...i32(BATCH), eq, ifOp, empty, get, 4, ret, end],
    ...[end],
    ...[get, 0, ...i32(1), add, set, 0, br, 0],
    ...[end, end],
    ...[get, 4, end],
  ];
}

/**
 * `runStart(i, n, limit, min)`: where the first maximal run of token bytes of [i, n) that is `min` long
 * or more starts, when it starts before `limit`; -1 when none does. `i` is 0 or follows a byte that is no
 * token character. The byte `min - 1` ahead is read first and jumped past when it is no token byte; only
 * when it is one are the bytes before it read back, down to the last jump's target (see tokenRuns.ts).
 */
function runStartCode(): number[] {
  // Locals: 0 i, 1 n, 2 limit, 3 min (parameters), 4 probe, 5 s.
  const isToken = (at: number[]): number[] => [...at, ...byte(TEXT), ...byte(TOKEN)];
  return [
    ...[1, 2, 0x7f],
    ...[block, empty, loop, empty],
    ...[get, 0, get, 2, geS, brIf, 1],
    ...[get, 0, get, 3, add, ...i32(1), sub, tee, 4, get, 1, geS, brIf, 1],
    ...[...isToken([get, 4]), eqz, ifOp, empty, get, 4, ...i32(1), add, set, 0, br, 1, end],
    ...[get, 4, set, 5],
    ...[block, empty, loop, empty],
    ...[get, 5, get, 0, leS, brIf, 1],
    ...[...isToken([get, 5, ...i32(1), sub]), eqz, brIf, 1],
    ...[get, 5, ...i32(1), sub, set, 5, br, 0],
    ...[end, end],
    ...[get, 5, get, 0, gtS, ifOp, empty, get, 5, set, 0, br, 1, end],
    ...[get, 0, ret],
    ...[end, end],
    ...[...i32(-1), end],
  ];
}

/** `runEnd(e, n)`: the first position in [e, n) whose byte is no token character, or `n`. */
function runEndCode(): number[] {
  return [
    ...[0],
    ...[block, empty, loop, empty],
    ...[get, 0, get, 1, geS, brIf, 1],
    ...[get, 0, ...byte(TEXT), ...byte(TOKEN), eqz, brIf, 1],
    ...[get, 0, ...i32(1), add, set, 0, br, 0],
    ...[end, end],
    ...[get, 0, end],
  ];
}

/**
 * `fold(n)`: lower-cases the text's bytes [0, n) as `toLowerCase` lower-cases a string of Latin-1 characters
 * (`A`-`Z` and `À`-`Þ` but `×` gain 0x20), sixteen at a time: the bytes up to the next multiple of 16 are
 * folded too. A one-byte string's copy is so folded where `toLowerCase` made a second string per text.
 */
function foldCode(): number[] {
  // Locals: 0 n (the parameter), 1 i, 2 x (sixteen bytes at i), 3-8 the constants (`c`), set once.
  // A range [first, first + count) is one signed compare once `first` is moved to -128: SIMD has no
  // native unsigned byte compare.
  const c = [0x80 - 0x41, 0x80 + 26, 0x80 - 0xc0, 0x80 + 31, 0xd7, 0x20];
  const inRange = (k: number): number[] => [get, 2, get, 3 + k, ...addU8, get, 4 + k, ...ltS8];
  return [
    ...[2, 1, 0x7f, 7, v128],
    ...c.flatMap((value, k) => [...splat(value), set, 3 + k]),
    ...[block, empty, loop, empty],
    ...[get, 1, get, 0, geS, brIf, 1],
    ...[get, 1, get, 1, ...loadV(TEXT), tee, 2],
    ...[...inRange(0), ...inRange(2), get, 2, get, 7, ...eq8, ...andNotV, ...orV],
    ...[get, 8, ...andV, ...orV, ...storeV(TEXT)],
    ...[get, 1, ...i32(16), add, set, 1, br, 0],
    ...[end, end, end],
  ];
}

function moduleBytes(): Uint8Array<ArrayBuffer> {
  const section = (id: number, content: number[]): number[] => [id, ...uleb(content.length), ...content];
  const name = (s: string): number[] => [s.length, ...Array.from(s, (c) => c.charCodeAt(0))];
  const sized = (code: number[]): number[] => [...uleb(code.length), ...code];
  const [two, four, one] = [
    [0x60, 2, 0x7f, 0x7f, 1, 0x7f],
    [0x60, 4, 0x7f, 0x7f, 0x7f, 0x7f, 1, 0x7f],
    [0x60, 1, 0x7f, 0],
  ];
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, [3, ...two, ...four, ...one]),
    ...section(3, [4, 0, 1, 0, 2]),
    ...section(5, [1, 0, ...uleb(Math.ceil(TEXT / PAGE) + 1)]),
    ...section(7, [
      5,
      ...name('nextBatch'),
      0,
      0,
      ...name('runStart'),
      0,
      1,
      ...name('runEnd'),
      0,
      2,
      ...name('fold'),
      0,
      3,
      ...name('memory'),
      2,
      0,
    ]),
    ...section(10, [
      4,
      ...sized(nextCode()),
      ...sized(runStartCode()),
      ...sized(runEndCode()),
      ...sized(foldCode()),
    ]),
  ]);
}

/**
 * The little-endian tables of `index` for the wasm loop, laid out as its memory holds them: `MASK` (bit 1,
 * a keyword's indexed four bytes; bit 2, a three-byte keyword; bit 4, the first three of some indexed four;
 * bit 8, a two-byte keyword and any third byte), then `PAIRS` (1 at each two-byte keyword).
 */
export function leTables(index: KeywordIndex): Uint8Array {
  // One plain loop (no closures, a flag array, not a Set): built in every process, before any of it is compiled.
  const tables = new Uint8Array(TOKEN);
  const { keywords, gramAt } = index;
  const other = new Uint8Array(keywords.length);
  for (const id of index.otherKeywords) {
    other[id] = 1;
  }
  for (let id = 0; id < keywords.length; id++) {
    const kw = keywords[id]!;
    if (other[id] === 1) {
      continue;
    }
    const at = kw.length > 4 ? gramAt[id]! : 0;
    const pair = kw.charCodeAt(at) | (kw.charCodeAt(at + 1) << 8);
    if (kw.length === 2) {
      tables[PAIRS + pair] = 1;
      for (let third = 0; third < 256; third++) {
        tables[MASK + (Math.imul(pair | (third << 16), TRI_MUL) >>> SHIFT)]! |= 8;
      }
      continue;
    }
    const tri = pair | (kw.charCodeAt(at + 2) << 16);
    if (kw.length === 3) {
      tables[MASK + (Math.imul(tri, TRI_MUL) >>> SHIFT)]! |= 2;
    } else {
      tables[MASK + (Math.imul(tri | (kw.charCodeAt(at + 3) << 24), QUAD_MUL) >>> SHIFT)]! |= 1;
      tables[MASK + (Math.imul(tri, TRI_MUL) >>> SHIFT)]! |= 4;
    }
  }
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

/** The module's functions and memory, with views of the text area (a grown memory detaches them). */
interface Loops extends ByteLoops {
  readonly memory: Memory;
}

/** The module, made at first use; null when it cannot be made in this process. */
let loops: Loops | null | undefined;
/** The index whose tables the memory holds, and each index's tables, built once. */
let loaded: KeywordIndex | undefined;
const tablesOf = new WeakMap<KeywordIndex, Uint8Array>();
let mode: LoopsMode = 'auto';

/**
 * For tests only: `auto` (wasm when it can be made), `js` (the JavaScript loops, as when WebAssembly is
 * missing) or `noGrow` (wasm, but a memory growth fails, as on a huge text).
 */
export type LoopsMode = 'auto' | 'js' | 'noGrow';
export function useLoopsForTests(next: LoopsMode): void {
  mode = next;
}

function instantiate(): Loops | null {
  if (typeof WebAssembly === 'undefined') {
    return null;
  }
  try {
    const exports = new WebAssembly.Instance(new WebAssembly.Module(moduleBytes())).exports;
    const memory = exports['memory'] as Memory;
    new Uint8Array(memory.buffer, TOKEN, 256).set(TOKEN_BYTES);
    return {
      nextBatch: exports['nextBatch'] as Loops['nextBatch'],
      runStart: exports['runStart'] as Loops['runStart'],
      runEnd: exports['runEnd'] as Loops['runEnd'],
      fold: exports['fold'] as Loops['fold'],
      memory,
      text: Buffer.from(memory.buffer, TEXT),
      view: new DataView(memory.buffer, TEXT),
      found: new Int32Array(memory.buffer, FOUND, BATCH),
    };
  } catch {
    return null;
  }
}

/**
 * The module's functions, over a memory with room for `length` bytes of text; undefined when there is
 * no module or its memory cannot grow that far. One object, kept: no allocation per call.
 */
function withRoom(length: number): Loops | undefined {
  if (loops === undefined) {
    loops = instantiate();
  }
  if (loops === null || mode === 'js') {
    return undefined;
  }
  const memory = loops.memory;
  if (memory.buffer.byteLength < TEXT + length) {
    try {
      if (mode === 'noGrow') {
        throw new RangeError('WebAssembly.Memory.grow(): Maximum memory size exceeded');
      }
      memory.grow(Math.ceil((TEXT + length - memory.buffer.byteLength) / PAGE));
    } catch {
      return undefined;
    }
    // The views written through before are detached now: what they held is read through the new ones.
    copyOf = undefined;
    loops.text = Buffer.from(memory.buffer, TEXT);
    loops.view = new DataView(memory.buffer, TEXT);
    loops.found = new Int32Array(memory.buffer, FOUND, BATCH);
  }
  return loops;
}

/**
 * The prefilter's loop (`nextBatch`), on `index`'s tables, with room for `length` bytes of text in views of
 * the text area (`text`, `view`: the loop's offset `i` is offset `i` of both).
 */
export function gramLoop(index: KeywordIndex, length: number): ByteLoops {
  const found = withRoom(length);
  if (found === undefined) {
    return jsLoops(length, tablesFor(index), PAIRS);
  }
  if (loaded !== index) {
    new Uint8Array(found.memory.buffer, 0, TOKEN).set(tablesFor(index));
    loaded = index;
  }
  return found;
}

function tablesFor(index: KeywordIndex): Uint8Array {
  let tables = tablesOf.get(index);
  if (tables === undefined) {
    tables = leTables(index);
    tablesOf.set(index, tables);
  }
  return tables;
}

/**
 * The text whose whole Latin-1 copy, letters lower-cased by `fold`, the text area (`copyIn`, the view it
 * was written through) holds: tokenRuns.ts then reads it without a copy of its own (its token bytes are
 * the same in either case). Whoever writes the text area says so here.
 */
let copyOf: string | undefined;
let copyIn: Buffer | undefined;

/** Notes that `buf` now holds the folded copy of all of `text` (undefined: of no text tokenRuns.ts may reuse). */
export function noteCopy(text: string | undefined, buf: Buffer): void {
  copyOf = text;
  copyIn = buf;
}

/** Whether `buf` still holds the folded copy of all of `text` (see `noteCopy`). */
export function holdsCopyOf(text: string, buf: Buffer): boolean {
  return copyIn === buf && copyOf === text;
}

/** The view that holds the folded copy of all of `text` (see `noteCopy`), if one still does. */
export function heldCopy(text: string): Buffer | undefined {
  return copyOf === text ? copyIn : undefined;
}

/** The token run search (`runStart`, `runEnd`), with room for `length` bytes of text at the start of `text`. */
export function tokenLoop(length: number): ByteLoops {
  return withRoom(length) ?? jsLoops(length);
}
