import { randomInt } from 'node:crypto';

/** Character sets for building fixture secrets at test time. */
export const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
export const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
export const HEX = '0123456789abcdef';
export const UPPER_HEX = '0123456789ABCDEF';
export const BASE64 = ALNUM + '+/';
export const BASE64URL = ALNUM + '-_';
export const DIGITS = '0123456789';

/**
 * A random string over `charset`. Rule tests build their positives with it, so the repo holds no
 * key-shaped literal. It retries until the result has both a letter and a digit where the charset has
 * both, which keeps a generated key from looking like a placeholder.
 */
export function randomToken(charset: string, length: number): string {
  const mixed = /[a-z]/i.test(charset) && /\d/.test(charset) && length >= 8;
  for (;;) {
    let out = '';
    for (let i = 0; i < length; i++) {
      out += charset[randomInt(charset.length)];
    }
    if (!mixed || (/[a-z]/i.test(out) && /\d/.test(out))) {
      return out;
    }
  }
}
