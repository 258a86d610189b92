import type { KeywordIndex } from './keywordIndex';
import { QUAD_MUL, SHIFT, TRI_MUL } from './keywordIndex';
import { BATCH, type ByteLoops, jsLoops, TOKEN_BYTES } from './byteLoopsJs';
import { FOUND, MASK, moduleBytes, PAGE, PAIRS, TEXT, TOKEN } from './byteLoopsCode';

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

/**
 * The module's bytes as esbuild.js wrote them into the bundle (base64), where it did: written out by
 * `moduleBytes` at run time they cost 3-4 ms of every process and of every scan worker, before any text.
 */
declare const SECURE_GPT_LOOP_MODULE: string | undefined;

/** The module's bytes: the build's copy when the bundle holds one, else written out here. */
export function loopModuleBytes(
  built = typeof SECURE_GPT_LOOP_MODULE === 'string' ? SECURE_GPT_LOOP_MODULE : undefined,
): Uint8Array<ArrayBuffer> {
  return built === undefined ? moduleBytes() : new Uint8Array(Buffer.from(built, 'base64'));
}

function instantiate(): Loops | null {
  if (typeof WebAssembly === 'undefined') {
    return null;
  }
  try {
    const exports = new WebAssembly.Instance(new WebAssembly.Module(loopModuleBytes())).exports;
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
  // A small text before the module is made takes the JavaScript loops (the same runs): a process that
  // scans a few small files then never compiles the module (1-2 ms of its start-up).
  if (loops === undefined && length <= SMALL_TEXT) {
    return jsLoops(length);
  }
  return withRoom(length) ?? jsLoops(length);
}

const SMALL_TEXT = 2048;
