import { QUAD_MUL, SHIFT, TRI_MUL } from './keywordIndex';
import { BATCH } from './byteLoopsJs';
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

// The WebAssembly module of byteLoops.ts, written out byte by byte: its memory's layout and its functions.

/** Where the tables and the text sit in the module's memory (bytes). */
export const MASK = 0;
export const PAIRS = 1 << 17;
/** `[A-Za-z0-9_-]` by byte (1 = yes), as tokenRuns.ts reads them. */
export const TOKEN = PAIRS + (1 << 16);
/** Where `nextBatch` writes the positions it passes (`BATCH` i32s). */
export const FOUND = TOKEN + 256;
export const TEXT = FOUND + 4 * BATCH;
export const PAGE = 1 << 16;

/**
 * `nextBatch(i, last)`: the first `BATCH` positions in [i, last) whose four bytes the tables mark, written
 * as i32s at `FOUND`; returns how many (fewer than `BATCH`: there are no more before `last`). A dense text
 * passes a position every few bytes: one call per position cost about 3.5 ns each, a tenth of such a scan.
 */
function nextCode(): number[] {
  // Locals: 0 i, 1 last (parameters), 2 v (the four bytes at a position), 3 first (the mark of their first
  // three), 4 n. Four positions per round while four remain, then one per round: a quarter of the bound
  // checks and counter updates, with the same positions passed in the same order.
  return [
    ...[1, 3, 0x7f],
    ...[block, empty, loop, empty],
    ...[get, 0, ...i32(3), add, get, 1, geS, brIf, 1],
    ...position(0),
    ...position(1),
    ...position(2),
    ...position(3),
    ...[get, 0, ...i32(4), add, set, 0, br, 0],
    ...[end, end],
    ...[block, empty, loop, empty],
    ...[get, 0, get, 1, geS, brIf, 1],
    ...position(0),
    ...[get, 0, ...i32(1), add, set, 0, br, 0],
    ...[end, end],
    ...[get, 4, end],
  ];
}

/** The check of position i + k of `nextBatch`: recorded at `FOUND` when the tables mark its four bytes. */
function position(k: number): number[] {
  const hash = (mul32: number): number[] => [...i32(mul32 | 0), mul, ...i32(SHIFT), shrU];
  return [
    // Blocks `skip` and, in it, `record`: a branch to `record` records the position; both go on after it.
    ...[block, empty, block, empty],
    ...[get, 0, load, 0, ...uleb(TEXT + k), set, 2],
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
    ...[get, 4, ...i32(2), shl, get, 0, ...i32(k), add, store, 2, ...uleb(FOUND)],
    ...[get, 4, ...i32(1), add, tee, 4, ...i32(BATCH), eq, ifOp, empty, get, 4, ret, end],
    ...[end],
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

export function moduleBytes(): Uint8Array<ArrayBuffer> {
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
