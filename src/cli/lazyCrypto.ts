import type * as Crypto from 'node:crypto';

/**
 * `node:crypto` loaded on first call, for the CLI's bundles: esbuild.js resolves the sources' imports of
 * `node:crypto` to this module (`lazyCrypto` there). Loading crypto costs 1.5-3 ms, and a `secure-gpt scan`
 * that finds nothing calls none of it (findings' fingerprints and the rules' test samples do). A name not
 * listed here fails the build (esbuild finds no such export), so nothing reaches crypto another way.
 */

let loaded: typeof Crypto | undefined;

function crypto(): typeof Crypto {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, on purpose
  return (loaded ??= require('node:crypto') as typeof Crypto);
}

type Call = (...args: unknown[]) => unknown;

/** `name` of node:crypto, called with the arguments as given (overloads and callbacks included). */
function lazy(name: keyof typeof Crypto): Call {
  return (...args) => (crypto()[name] as Call)(...args);
}

export const createHash = lazy('createHash');
export const createHmac = lazy('createHmac');
/** The one-shot `hash` of Node 20.12 and later; on an older Node the same digest through a Hash object. */
export const hash = (
  algorithm: string,
  data: string,
  encoding: Crypto.BinaryToTextEncoding = 'hex',
): string => {
  const c = crypto();
  return typeof c.hash === 'function'
    ? c.hash(algorithm, data, encoding)
    : c.createHash(algorithm).update(data, 'utf8').digest(encoding);
};
export const randomBytes = lazy('randomBytes');
export const randomInt = lazy('randomInt');
export const randomUUID = lazy('randomUUID');
export const timingSafeEqual = lazy('timingSafeEqual');
