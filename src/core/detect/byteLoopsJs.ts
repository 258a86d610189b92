import { QUAD_MUL, SHIFT, TRI_MUL } from './keywordIndex';

/**
 * The engine's per-byte loops (`nextBatch`, `runStart`, `runEnd`) in JavaScript, with the contract of the
 * WebAssembly ones in byteLoops.ts, call for call: the same positions in, the same positions out. Both
 * exist because the wasm loops are faster (see byteLoops.ts) but WebAssembly is not always there: Node
 * run with `--jitless` and some hardened hosts have no `WebAssembly`, an instantiation can throw, and a
 * memory too small for a huge text may fail to grow. Redaction gates every request, so the scan must
 * then still run, with the same findings: byteLoops.ts hands out these loops instead (for the process,
 * or for the one text whose memory failed to grow).
 *
 * `nextBatch` reads each position's four bytes little-endian, on the wasm loop's own tables (`leTables`), so
 * it passes exactly the positions the wasm loop passes.
 */

/** The loops and the Latin-1 copy of the text they read (`text`, `view`: offset `i` of both is position `i`). */
export interface ByteLoops {
  /**
   * Writes the first `BATCH` positions in [i, last) whose four bytes the tables mark to `found`, and
   * returns how many it wrote: fewer than `BATCH` when there are no more before `last`.
   */
  readonly nextBatch: (i: number, last: number) => number;
  /** Where the first maximal run of token bytes of [i, n), `min` long or more, starts when it starts before `limit`; else -1. */
  readonly runStart: (i: number, n: number, limit: number, min: number) => number;
  /** The first position in [e, n) whose byte is no token character, or `n`. */
  readonly runEnd: (e: number, n: number) => number;
  /** Lower-cases bytes [0, n) (rounded up to a multiple of 16) as `toLowerCase` does Latin-1 characters. */
  readonly fold: (n: number) => void;
  text: Buffer;
  view: DataView;
  /** Where `nextBatch` writes (its first `BATCH` entries). */
  found: Int32Array;
}

/** How many positions `nextBatch` passes at most per call. */
export const BATCH = 1024;

/** `[A-Za-z0-9_-]` by byte (1 = yes): these loops read it, and byteLoops.ts copies it into the wasm memory. */
export const TOKEN_BYTES = new Uint8Array(256).map((_, c) =>
  /[A-Za-z0-9_-]/.test(String.fromCharCode(c)) ? 1 : 0,
);
const [quadMul, triMul] = [QUAD_MUL | 0, TRI_MUL | 0];

/** Each byte lower-cased as `toLowerCase` lower-cases a Latin-1 character (it stays one character). */
export const LOWER_BYTES = new Uint8Array(256).map((_, c) =>
  String.fromCharCode(c).toLowerCase().charCodeAt(0),
);

/** The tables `nextBatch` reads: the mask (bits as in `leTables`) and the pair table, of `tablesIn`. */
let tablesIn: Uint8Array | undefined;
let mask: Uint8Array = new Uint8Array(1 << 17);
let pairs: Uint8Array = new Uint8Array(1 << 16);

/** Reused across texts: a Buffer per text would cost more than the loops. */
const js: ByteLoops = {
  nextBatch,
  runStart,
  runEnd,
  fold,
  text: Buffer.alloc(1 << 16),
  view: new DataView(new ArrayBuffer(0)),
  found: new Int32Array(BATCH),
};
js.view = new DataView(js.text.buffer, js.text.byteOffset, js.text.length);

/**
 * The JavaScript loops, with room for `length` bytes of text; `nextBatch` on `tables` (the layout of
 * `leTables`: the mask, then the pair table at `pairsAt`) when given.
 */
export function jsLoops(length: number, tables?: Uint8Array, pairsAt = 0): ByteLoops {
  if (js.text.length < length) {
    js.text = Buffer.alloc(Math.max(length, js.text.length * 2));
    js.view = new DataView(js.text.buffer, js.text.byteOffset, js.text.length);
  }
  if (tables !== undefined && tables !== tablesIn) {
    tablesIn = tables;
    mask = tables.subarray(0, pairsAt);
    pairs = tables.subarray(pairsAt, pairsAt + (1 << 16));
  }
  return js;
}

function nextBatch(i: number, last: number): number {
  const { view, found } = js;
  let n = 0;
  for (; i < last; i++) {
    const v = view.getInt32(i, true);
    const first = mask[Math.imul(v & 0xffffff, triMul) >>> SHIFT]!;
    if (
      (first & 14) !== 0 &&
      ((first & 2) !== 0 ||
        ((first & 4) !== 0 && (mask[Math.imul(v, quadMul) >>> SHIFT]! & 1) !== 0) ||
        ((first & 8) !== 0 && pairs[v & 0xffff] === 1))
    ) {
      found[n] = i;
      if (++n === BATCH) {
        return n;
      }
    }
  }
  return n;
}

function runStart(i: number, n: number, limit: number, min: number): number {
  // `i` is 0 or follows a byte that is no token character: no run of `min` starts before it unseen.
  const buf = js.text;
  while (i < limit) {
    const probe = i + min - 1;
    if (probe >= n) {
      return -1;
    }
    if (TOKEN_BYTES[buf[probe]!] === 0) {
      i = probe + 1;
      continue;
    }
    let s = probe;
    while (s > i && TOKEN_BYTES[buf[s - 1]!] === 1) {
      s--;
    }
    if (s === i) {
      return i;
    }
    // `s - 1` is no token character: no run of `min` starts before `s`.
    i = s;
  }
  return -1;
}

function runEnd(e: number, n: number): number {
  const buf = js.text;
  while (e < n && TOKEN_BYTES[buf[e]!] === 1) {
    e++;
  }
  return e;
}

function fold(n: number): void {
  const buf = js.text;
  for (let i = 0, end = (n + 15) & ~15; i < end; i++) {
    buf[i] = LOWER_BYTES[buf[i]!]!;
  }
}
