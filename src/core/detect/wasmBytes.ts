/**
 * The little of the WebAssembly binary format that byteLoops.ts writes its loops in (WebAssembly core
 * specification, binary format): the opcodes used, and LEB128 numbers.
 */

export const [block, loop, ifOp, end, br, brIf, ret] = [0x02, 0x03, 0x04, 0x0b, 0x0c, 0x0d, 0x0f];
export const [get, set, tee, load, load8, store] = [0x20, 0x21, 0x22, 0x28, 0x2d, 0x36];
export const [eqz, eq, leS, gtS, geS] = [0x45, 0x46, 0x4c, 0x4a, 0x4e];
export const [and, mul, add, sub, shl, shrU] = [0x71, 0x6c, 0x6a, 0x6b, 0x74, 0x76];
/** The empty block type; the 128-bit vector value type. */
export const empty = 0x40;
export const v128 = 0x7b;

/** SIMD instructions (the 0xfd prefix, then the opcode as LEB128; all used here are under 128). */
const simd = (op: number): number[] => [0xfd, op];
/** `v128.load`, `v128.store` at the address on the stack plus `at`. */
export const loadV = (at: number): number[] => [...simd(0x00), 0, ...uleb(at)];
export const storeV = (at: number): number[] => [...simd(0x0b), 0, ...uleb(at)];
/** Sixteen copies of the low byte of `n`. */
export const splat = (n: number): number[] => [...i32(n), ...simd(0x0f)];
export const [ltS8, eq8, addU8] = [simd(0x25), simd(0x23), simd(0x6e)];
export const [andV, andNotV, orV] = [simd(0x4e), simd(0x4f), simd(0x50)];

/** `i32.const n`. */
export const i32 = (n: number): number[] => [0x41, ...sleb(n)];
/** The byte at the address on the stack, plus `at`. */
export const byte = (at: number): number[] => [load8, 0, ...uleb(at)];

export function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    const b = n & 0x7f;
    n >>>= 7;
    out.push(n === 0 ? b : b | 0x80);
  } while (n !== 0);
  return out;
}

export function sleb(n: number): number[] {
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
