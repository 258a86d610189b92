/**
 * Base64 (and base64url) text decoded to a string without a `Buffer` for the common case: the rules decode
 * a short segment of every candidate (a JWT's header, a bot token's id), and `Buffer.from` cost more than the
 * rest of that check (2026-12-05: a 1 MB line of bot-token-shaped runs). Short values whose bytes are all
 * ASCII are decoded here; anything else goes to `Buffer`, so the result is always `Buffer`'s.
 */

/** Decoded values up to this many characters are tried here; longer ones go to `Buffer`. */
const SHORT = 256;

/** The value of each base64 and base64url character, -1 for any other. */
const VALUES = (() => {
  const table = new Int8Array(128).fill(-1);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  for (let i = 0; i < alphabet.length; i++) {
    table[alphabet.charCodeAt(i)] = i;
  }
  table[43] = table[45] = 62; // + -
  table[47] = table[95] = 63; // / _
  return table;
})();

const BYTES = new Uint8Array((SHORT / 4) * 3);

/**
 * `bare` (base64 or base64url characters only, no padding, length not 1 mod 4) decoded as UTF-8, exactly as
 * `Buffer.from(bare, 'base64').toString('utf8')` decodes it.
 */
export function decodeBareBase64(bare: string): string {
  const n = bare.length;
  if (n > SHORT) {
    return viaBuffer(bare);
  }
  let out = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < n; i++) {
    const v = VALUES[bare.charCodeAt(i)] ?? -1;
    if (v < 0) {
      return viaBuffer(bare);
    }
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      const byte = (acc >> bits) & 0xff;
      if (byte >= 0x80) {
        return viaBuffer(bare);
      }
      BYTES[out++] = byte;
    }
  }
  return String.fromCharCode.apply(null, BYTES.subarray(0, out) as unknown as number[]);
}

function viaBuffer(bare: string): string {
  return Buffer.from(bare.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
}
