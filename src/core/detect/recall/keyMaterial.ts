import type { RecallDetector } from './recallSpan';

/**
 * Private key material without a PEM armour:
 * - a JSON Web Key's private members (`"d"`, RSA's `"p"`, `"q"`, `"dp"`, `"dq"`, `"qi"`, a symmetric key's
 *   `"k"`) in a text that says `"kty"`; the public `"n"`, `"e"`, `"x"`, `"y"` stay;
 * - a DER private key or PKCS#12 bundle in base64 (`MII…`, as GitHub's signing guides store a `.p12` in a
 *   secret, or `base64.b64decode("MII…")`): its first bytes are a SEQUENCE and then a version INTEGER of 0, 1
 *   or 3 (PKCS#1, PKCS#8, SEC 1, PKCS#12); a certificate's are a SEQUENCE and another SEQUENCE, and stay.
 */

const JWK_PRIVATE = /"(?:d|p|q|dp|dq|qi|k)"[ \t]{0,4}:[ \t]{0,4}"([A-Za-z0-9_-]{16,4096})"/g;
/** A base64 run that may be DER: `M` then `I` or `H` (a SEQUENCE of a long or a short length), 64 or more. */
const DER = /(?<![A-Za-z0-9+/])M[IH][A-Za-z0-9+/]{62,}={0,2}(?![A-Za-z0-9+/=])/g;

export const findKeyMaterial: RecallDetector = (text, out) => {
  if (text.includes('"kty"')) {
    for (const m of text.matchAll(JWK_PRIVATE)) {
      const start = m.index + m[0].length - 1 - m[1]!.length;
      out.push({ start, end: start + m[1]!.length, kind: 'private-key' });
    }
  }
  for (const m of text.matchAll(DER)) {
    if (isPrivateDer(m[0])) {
      out.push({ start: m.index, end: m.index + m[0].length, kind: 'private-key' });
    }
  }
};

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Whether the DER that `b64` starts with is a private key's or a PKCS#12 bundle's (see above). */
function isPrivateDer(b64: string): boolean {
  const bytes: number[] = [];
  for (let i = 0; i + 3 < 24; i += 4) {
    const v = [0, 1, 2, 3].reduce((acc, k) => (acc << 6) | ALPHABET.indexOf(b64[i + k]!), 0);
    bytes.push((v >> 16) & 255, (v >> 8) & 255, v & 255);
  }
  if (bytes[0] !== 0x30) {
    return false;
  }
  const first = bytes[1]!;
  const at = first & 0x80 ? 2 + (first & 0x7f) : 2;
  return bytes[at] === 0x02 && bytes[at + 1] === 0x01 && [0, 1, 3].includes(bytes[at + 2]!);
}
