import { findSecrets } from '../scanner';
import { alnumTable, longRuns } from './charRuns';
import type { RecallDetector, RecallSpan } from './recallSpan';

// Secrets wrapped in base64 or hex: a blob is decoded, and when it is text (not an image, a hash or a
// key's binary) the report-tier engine reads it. A blob with a secret inside is hidden whole.

/** Shorter blobs decode to fewer than 18 bytes: too short to carry a credential with its context. */
const MIN_BASE64 = 24;
const MIN_HEX = 32;
/** Longer blobs are files (images, archives), not a wrapped credential. */
const MAX_BLOB = 16_384;
/**
 * Decoded characters the engine reads per text. Past it, a blob that decodes to text is hidden unread:
 * the tier never stops silently, it redacts the rest conservatively.
 */
const SCAN_BUDGET = 1 << 18;

/** Base64, base64url and hex characters. */
const RUN_CHAR = alnumTable('+/_-');

/**
 * Runs of base64, base64url or hex characters, `MIN_BASE64` or longer, each with up to two `=` of padding
 * after it: flattened `[start, end)` offsets. Runs are maximal, so a blob is read whole. Found by
 * `longRuns`, which probes one position in `MIN_BASE64` outside them, rather than a regex
 * (`(?<![…])[…]{24,}={0,2}`), which tried its look back at every position of the text.
 */
function blobRuns(text: string): number[] {
  const runs = longRuns(text, RUN_CHAR, MIN_BASE64);
  for (let r = 1; r < runs.length; r += 2) {
    let end = runs[r]!;
    const last = Math.min(text.length, end + 2);
    while (end < last && text.charCodeAt(end) === 0x3d) {
      end++;
    }
    runs[r] = end;
  }
  return runs;
}

/** The text a blob decodes to, when it is hex or base64 of printable ASCII. */
export function decodeBlob(blob: string): string | undefined {
  const hex = blob.length >= MIN_HEX && blob.length % 2 === 0 && /^[0-9a-fA-F]+$/.test(blob);
  if (!hex && blob.length < MIN_BASE64) {
    return undefined;
  }
  const bytes = Buffer.from(blob.replace(/=+$/, ''), hex ? 'hex' : 'base64');
  if (bytes.length < 8) {
    return undefined;
  }
  for (const b of bytes) {
    if ((b < 0x20 || b > 0x7e) && b !== 0x09 && b !== 0x0a && b !== 0x0d) {
      return undefined;
    }
  }
  return bytes.toString('latin1');
}

/** The redact tier's detector of base64- and hex-wrapped secrets (`encoded-secret`). */
export const encodedSecretDetector: RecallDetector = (text: string, out: RecallSpan[]): void => {
  let budget = SCAN_BUDGET;
  const runs = blobRuns(text);
  for (let r = 0; r < runs.length; r += 2) {
    const end = runs[r + 1]!;
    // A run that starts with `-` or `_` is an option or an identifier's tail: the blob starts after them.
    let from = runs[r]!;
    while (from < end && (text.charCodeAt(from) === 0x2d || text.charCodeAt(from) === 0x5f)) {
      from++;
    }
    if (end - from < MIN_BASE64 || end - from > MAX_BLOB) {
      continue;
    }
    const decoded = decodeBlob(text.slice(from, end));
    if (decoded === undefined) {
      continue;
    }
    const read = budget >= decoded.length;
    budget -= decoded.length;
    if (!read || findSecrets(decoded).length > 0) {
      out.push({ start: from, end, kind: 'encoded-secret' });
    }
  }
};
