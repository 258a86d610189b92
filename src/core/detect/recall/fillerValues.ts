import { dottedPassphrase } from './dottedWords';
import { isGibberish } from './tokenShape';

/**
 * Values that hold no secret by their wording: option values of settings named like credentials,
 * digests' and colours' names, regular expressions, dotted setting names, elided values, public keys,
 * header names and runs of filler words (`please-change-this-secret`).
 */

/** Words that make up a filler value when nothing else is in it: `test-password`, `please-change-this-secret`. */
const FILLER_WORDS = new Set([
  'test',
  'testing',
  'demo',
  'dev',
  'local',
  'my',
  'the',
  'this',
  'a',
  'not',
  'please',
  'change',
  'set',
  'me',
  'secret',
  'password',
  'passwd',
  'pass',
  'token',
  'key',
  'api',
  'access',
  'private',
  'value',
  'real',
  'default',
  'jwt',
  'some',
  'super',
  'very',
  'your',
  'here',
  'no',
  'none',
  'empty',
  'missing',
  'unset',
  'dummy',
  'fake',
  'sample',
  'example',
  'long',
  'enough',
  'short',
  'invalid',
  'wrong',
]);

/** Option values of settings named like credentials: fetch's `credentials: "include"`, an auth scheme. */
const OPTION_VALUES = new Set([
  'include',
  'omit',
  'same-origin',
  'function',
  'string',
  'object',
  'number',
  'boolean',
  'symbol',
  'bigint',
  'bearer',
  'basic',
  'digest',
  'oauth',
  'oauth2',
  'hidden',
  'disabled',
  'enabled',
  'auto',
]);

/** A digest's name (`_sign_hmac('SHA-256', …)`) or a colour (pygments' `Token: "#d8dee9"`): a format. */
const FORMAT_NAME =
  /^(?:(?:hmac|rsa)-)?(?:sha-?(?:1|224|256|384|512)|md5)$|^#(?:[0-9a-f]{3}){1,2}(?:[0-9a-f]{2})?$/i;

/**
 * A value that is no secret by its shape: an elided one (`sk-...`), a public key (`ssh-rsa AAAA…`), or
 * one made only of filler words.
 */
export function isFiller(value: string): boolean {
  if (OPTION_VALUES.has(value.toLowerCase()) || FORMAT_NAME.test(value)) {
    return true;
  }
  // A regular expression's source (its brackets balance, unlike a generated password's `…(?r0W…]…`), or a
  // dotted setting name (`secureGpt.secretStorageConsent`), not a passphrase of dotted words.
  if (
    (/\(\?|\\[sdwbSDW]/.test(value) && !isGibberish(value)) ||
    (/^[A-Za-z]+(?:\.[A-Za-z]+)+$/.test(value) && !dottedPassphrase(value))
  ) {
    return true;
  }
  if (value.includes('...') || /^(?:ssh-(?:rsa|ed25519|dss)|ecdsa-sha2-\S+|sk-ssh-\S+) /.test(value)) {
    return true;
  }
  // A header's name (`Fastly-Key`, `X-Auth-Token`) given to the constant that names the header.
  if (/^(?:[A-Z][a-z]*-)+(?:Key|Token|Secret|Auth|Authorization)$/.test(value)) {
    return true;
  }
  // Punctuation alone (`,.:-¨@*¿?!`): a test of a parser's edge, never a credential someone chose.
  if (!/[\p{L}\p{N}]/u.test(value)) {
    return true;
  }
  let count = 0;
  for (const piece of value.toLowerCase().split(/[-_ .]+/)) {
    const n = fillerWords(piece);
    if (n === 0) {
      return false;
    }
    count += n;
  }
  return count >= 2;
}

/** How many filler words `piece` is made of (`yourpassword` is 2), or 0 when it is not only filler. */
function fillerWords(piece: string): number {
  if (piece.length === 0 || piece.length > 40) {
    return 0;
  }
  // fewest[i]: the fewest filler words that make up piece[0, i), or 0 when none do.
  const fewest = new Array<number>(piece.length + 1).fill(0);
  for (let i = 1; i <= piece.length; i++) {
    for (let j = Math.max(0, i - 10); j < i; j++) {
      // A one-letter word (`a`) counts only as a whole piece (`a-secret`): glued, `passaa` would be three words.
      if (i - j === 1 && piece.length > 1) {
        continue;
      }
      if ((j === 0 || fewest[j]! > 0) && FILLER_WORDS.has(piece.slice(j, i))) {
        const n = (j === 0 ? 0 : fewest[j]!) + 1;
        fewest[i] = fewest[i] === 0 ? n : Math.min(fewest[i]!, n);
      }
    }
  }
  return fewest[piece.length]!;
}
