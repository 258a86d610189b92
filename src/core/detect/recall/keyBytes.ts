import { type GatedPattern, runGated } from './gatedPatterns';
import type { RecallDetector } from './recallSpan';
import { wordSet } from './wordIndex';

/**
 * Keys written in a form of their own, which the PEM and token readers do not take (hunters F and E,
 * 2026-12-06):
 * - a Solana keypair's bytes, `[174,47,…]` (64 numbers, or at least 32 of them where a paste cut it short),
 *   by a word of Solana's (`solana`, `keypair`, `id.json`, `secretKey`, `PRIVATE_KEY`);
 * - Rust's `hex!("<64 hex>")` given to a key-named binding (`let pk = hex!(…)`, `const SECRET_KEY: [u8; 32]`)
 *   or to a key's constructor (`SecretKey::from_slice(&hex!(…))`);
 * - an OpenVPN static key's body (`-----BEGIN OpenVPN Static key V1-----`, lines of 32 hex);
 * - Maven's encrypted master password and server key (`<master>{…}</master>`, `<privateKey>{…}</privateKey>`);
 * - a recovery phrase stated in prose (`my mnemonic is …`): 12 to 24 words, the phrase ending there;
 * - a key's bytes as an array literal in a key's binding (`BYTE_ARRAYS`).
 */

const SOLANA: readonly GatedPattern[] = [
  {
    re: /\[[ \t\r\n]{0,8}(?<v>(?:\d{1,3}[ \t]{0,2},[ \t\r\n]{0,8}){31,63}\d{1,3})/dg,
    keep: (v) => v.split(',').every((n) => Number(n.trim()) <= 255),
    kind: 'private-key',
  },
];
const SOLANA_WORDS = wordSet([
  'solana',
  'keypair',
  'id.json',
  'secretkey',
  'secret_key',
  'private_key',
  'privatekey',
]);

const PATTERNS: readonly GatedPattern[] = [
  {
    re: /\b(?<n>\w{1,40})(?:[ \t]{0,4}:[ \t]{0,4}[\w[\];& ]{1,40})?[ \t]{0,4}=(?<c>[^;=\r\n]{0,80}?)hex!\([ \t]{0,4}"(?<v>[0-9a-fA-F]{64,128})"/dg,
    // The binding's name, or the call the bytes are given to (`SecretKey::from_slice(&hex!(…))`).
    keep: (_v, m) =>
      keyName(m.groups!['n']!) || /(?:Secret|Signing|Private)Key|Keypair/.test(m.groups!['c']!),
    kind: 'private-key',
  },
  {
    re: /<(?<t>master|privateKey|passphrase)>[ \t]{0,4}\{(?<v>[A-Za-z0-9+/=]{8,512})\}[ \t]{0,4}<\/\k<t>>/dg,
  },
  {
    re: /\b(?:[Mm]nemonic|[Ss]eed[ \t]phrase|[Rr]ecovery[ \t]phrase|[Ss]eed[ \t]words|[Bb]ackup[ \t]phrase)(?:[ \t]{1,4}(?:is|was|=))?[ \t]{0,4}:?[ \t]{0,4}["'`\u201c]?(?<v>[a-z]{3,8}(?:[ \t][a-z]{3,8}){11,23})(?![ \t]?[a-z])/dg,
    keep: (v) => [12, 15, 18, 21, 24].includes(v.split(/[ \t]/).length),
    kind: 'recovery-phrase',
  },
];
/**
 * A key's binding: `pk`, `sk`, `…_key`, `secret`, `seed`, `priv…`, a password's (`constantPassword`, CodeQL's
 * Swift test); not a public key's, a hash's or a digest's.
 */
function keyName(name: string): boolean {
  return (
    /(?:^|_)(?:pk|sk)(?:_|$)|key|secret|seed|priv|passw|pwd/i.test(name) &&
    !/pub|hash|digest|expected|addr/i.test(name)
  );
}

const WORDS = wordSet([
  'hex!(',
  '<master>',
  '<privatekey>',
  '<passphrase>',
  'mnemonic',
  'phrase',
  'seed words',
]);

/** One byte in an array literal: hex (`0x2a`) or decimal, with Rust's `u8` suffix. */
const BYTE = '(?:0[xX][0-9a-fA-F]{1,2}|\\d{1,3})(?:u8)?';
/**
 * A key's bytes as an array literal, 8 to 128 of them, given to a key's binding: Swift's `let key:
 * Array<UInt8> = [0x2a, …]`, Java's `byte[] key = {…}`, C#'s `new byte[] {…}`, Go's `key := []byte{…}`, C's
 * `unsigned char key[16] = {…}`, Python's `bytes([…])` (CodeQL's CWE-321 tests; all went out whatever the
 * bytes). A zeroed buffer, one byte repeated or a count (`{1, 2, 3, …}`) is a placeholder's.
 */
const BYTE_ARRAYS: readonly GatedPattern[] = [
  {
    re: new RegExp(
      `(?<n>[A-Za-z_]\\w{0,40})(?:[ \\t]{0,2}\\[[ \\t]{0,2}\\w{0,8}[ \\t]{0,2}\\])?(?:[ \\t]{0,4}:[ \\t]{0,4}[^=\\r\\n;]{1,40}?)?[ \\t]{0,4}:?=[ \\t]{0,4}` +
        `(?:new[ \\t]{1,4}(?:byte|Byte|UInt8|uint8_t)[ \\t]{0,2}\\[[ \\t]{0,2}\\d{0,3}[ \\t]{0,2}\\][ \\t]{0,4}|\\[\\][ \\t]{0,2}(?:byte|uint8)[ \\t]{0,2}|(?:bytes|bytearray|Data|Array<UInt8>|\\[UInt8\\])[ \\t]{0,2}\\([ \\t]{0,2}|&)?[[{][ \\t\\r\\n]{0,16}` +
        `(?<v>(?:${BYTE}[ \\t]{0,4},[ \\t\\r\\n]{0,32}){7,127}${BYTE})`,
      'dg',
    ),
    keep: (v, m) => keyName(m.groups!['n']!) && drawnBytes(v),
    kind: 'key',
  },
];
const BYTE_ARRAY_WORDS = wordSet([
  'byte[]',
  '[]byte',
  'uint8',
  '[u8',
  'unsigned char',
  'bytes([',
  'bytearray([',
]);

/** Byte values that a generator drew: each at most 255, four or more distinct, not counting up or down. */
function drawnBytes(list: string): boolean {
  const bytes = list.split(',').map((b) => {
    const t = b.trim().replace(/u8$/, '');
    return /^0[xX]/.test(t) ? parseInt(t.slice(2), 16) : Number(t);
  });
  if (bytes.some((b) => !(b >= 0 && b <= 255)) || new Set(bytes).size < 4) {
    return false;
  }
  const counts = bytes.every((b, i) => i === 0 || Math.abs(b - bytes[i - 1]!) === 1);
  return !counts;
}

const OPENVPN: readonly GatedPattern[] = [
  {
    re: /-----BEGIN OpenVPN Static key V1-----[ \t]*\r?\n(?<v>(?:[0-9a-fA-F]{32}[ \t]*\r?\n){0,15}[0-9a-fA-F]{32})/dg,
    kind: 'private-key',
  },
];
const OPENVPN_WORDS = wordSet(['openvpn static key']);

export const findKeyBytes: RecallDetector = (text, out) => {
  runGated(text, SOLANA_WORDS, SOLANA, out);
  runGated(text, WORDS, PATTERNS, out);
  runGated(text, OPENVPN_WORDS, OPENVPN, out, { before: 0, after: 16 });
  runGated(text, BYTE_ARRAY_WORDS, BYTE_ARRAYS, out, { before: 0, after: 12 });
};
