import { githubChecksumOk, githubToken } from '../../../src/core/detect/checksum';
import {
  ALNUM,
  BASE64,
  BASE64URL,
  DIGITS,
  HEX,
  LOWER_ALNUM,
  UPPER_ALNUM,
  randomToken,
  randomIndex,
} from '../../../src/core/detect/random';

// Value builders for the adversarial `ask` set: every value is made at test time, so the repository
// holds none. Word lists make the passphrases that detection by entropy misses.

const WORDS = [
  'orchard',
  'lantern',
  'granite',
  'meadow',
  'velvet',
  'harbor',
  'copper',
  'thistle',
  'ember',
  'falcon',
  'juniper',
  'quarry',
  'saffron',
  'tundra',
  'willow',
  'basalt',
  'cobalt',
  'drizzle',
  'fathom',
  'glacier',
  'hemlock',
  'indigo',
  'jasmine',
  'kestrel',
  'lagoon',
  'marble',
  'nectar',
  'oyster',
  'pebble',
  'quill',
];

export const pick = <T>(list: readonly T[]): T => list[randomIndex(list.length)]!;
export const word = (): string => pick(WORDS);
export const alnum = (n: number): string => randomToken(ALNUM, n);
export const lowerAlnum = (n: number): string => randomToken(LOWER_ALNUM, n);
export const upperAlnum = (n: number): string => randomToken(UPPER_ALNUM, n);
export const hex = (n: number): string => randomToken(HEX, n);
export const digits = (n: number): string => randomToken('123456789', 1) + randomToken(DIGITS, n - 1);
export const b64 = (n: number): string => randomToken(BASE64, n);
export const b64url = (n: number): string => randomToken(BASE64URL, n);

/** Words and a number, as people choose passwords: low entropy per character, no key shape. */
export function passphrase(sep = '-'): string {
  return [word(), word(), word()].join(sep) + sep + digits(2);
}

/** Capitalised words and digits without separators (`OrchardLantern42`). */
export function camelPass(): string {
  return [word(), word()].map((w) => w[0]!.toUpperCase() + w.slice(1)).join('') + digits(2);
}

export function uuid(): string {
  return `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
}

export function ghToken(prefix = 'ghp'): string {
  return githubToken(prefix, alnum(30));
}

/** A GitHub-shaped token whose CRC-32 checksum fails. */
export function ghBadChecksum(prefix = 'ghp'): string {
  for (;;) {
    const t = `${prefix}_${alnum(36)}`;
    if (!githubChecksumOk(t)) {
      return t;
    }
  }
}

/** A PEM private key body of `lines` 64-character lines. */
export function pemLines(lines = 8): string[] {
  return Array.from({ length: lines }, (_, i) => (i === 0 ? 'MIIE' + b64(60) : b64(64)));
}

export function pem(label = 'RSA PRIVATE KEY', lines = 8): string {
  return [`-----BEGIN ${label}-----`, ...pemLines(lines), `-----END ${label}-----`].join('\n');
}

export const base64Of = (s: string): string => Buffer.from(s).toString('base64');
export const hexOf = (s: string): string => Buffer.from(s).toString('hex');

export function jwtLong(claims = 40): string {
  const enc = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  const body: Record<string, string> = { sub: alnum(12) };
  for (let i = 0; i < claims; i++) {
    body[`c${i}`] = alnum(8);
  }
  return `${enc({ alg: 'HS256', typ: 'JWT' })}.${enc(body)}.${b64url(43)}`;
}
