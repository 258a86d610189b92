// A generated key with one `?` put inside it: the peers' near-miss twin of a token. Split from
// literalValue.ts, which asks it of every credential-named literal it takes.
import { looksRandom } from './tokenShape';

/** Characters of every token alphabet we know: base64 (standard and URL), hex, and the separators in ids. */
const TOKEN_ALPHABET = /^[A-Za-z0-9_\-.=+/:]+$/;

/**
 * A generated key with one `?` put inside it (`8Hzz0UFR?QB0Nmdh…`): the peers' near-miss twin of a
 * token. No token alphabet holds a `?`, so the provider never issued it. Only under a token, secret or key
 * name: a password is chosen, and may hold one. A query string (`?key=…`) and a URL are no twin, a
 * short value may be a chosen one, and a WePay token holds `?`, so these stay hidden.
 */
export function isQuestionMarkTwin(kind: string, value: string): boolean {
  if (kind !== 'token' && kind !== 'secret' && kind !== 'key') {
    return false;
  }
  const at = value.indexOf('?');
  if (at === -1 || value.indexOf('?', at + 1) !== -1 || value.includes('://')) {
    return false;
  }
  if (/^\?[A-Za-z_][\w.-]{0,40}=[^=]/.test(value.slice(at))) {
    return false;
  }
  // WePay's access token is 62 characters whose alphabet holds `?` (a peer's rule): one that is no twin.
  if (value.length === 62 && /^[A-Za-z0-9?]+$/.test(value)) {
    return false;
  }
  const rest = value.slice(0, at) + value.slice(at + 1);
  return rest.length >= 16 && TOKEN_ALPHABET.test(rest) && looksRandom(rest);
}
