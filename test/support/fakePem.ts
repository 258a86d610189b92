import { BASE64, randomToken } from '../../src/core/detect/random';

/** Words the engine reads as placeholders: a generated body must not hold one by chance. */
const CLEAN = /xxxx|here|your|fake|mock|todo|fixme|enter|insert|sample|example|dummy|test/i;

/** A fresh random PEM private key, built at test time: its lines (BEGIN, 64-character body lines, END). */
export function freshPemLines(label = 'RSA PRIVATE KEY', bodyLength = 1200): string[] {
  for (;;) {
    const body = 'MII' + randomToken(BASE64, bodyLength - 3);
    if (!CLEAN.test(body)) {
      const lines = body.match(/.{1,64}/g) ?? [];
      return [`-----BEGIN ${label}-----`, ...lines, `-----END ${label}-----`];
    }
  }
}

/** The same key as one block of text. */
export function freshPem(label?: string): string {
  return freshPemLines(label).join('\n');
}
