import { isAscii } from 'node:buffer';
import { readFileSync } from 'node:fs';

/** How a file's bytes were read as text. */
export type TextEncoding = 'utf8' | 'utf16le' | 'utf16be';

/** Bytes inspected to tell text from binary (git and ripgrep look at the head the same way). */
export const TEXT_PROBE = 8192;

/**
 * Reads bytes as text the way an editor would, or returns undefined for binary data.
 * - A byte-order mark decides: UTF-8, UTF-16 LE or UTF-16 BE (the mark is dropped).
 * - Without one, NUL bytes at every other position of mostly ASCII text mean UTF-16 without a mark
 *   (PowerShell and Windows tools write such files); any other NUL in the head means binary.
 * A UTF-16 file read as bytes would pass a secret through with NULs between its characters, unseen by
 * every rule, so scanning, the language server and redaction all read files through here.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) {
    return { text: buffer.toString('utf8', 3), encoding: 'utf8' };
  }
  if (buffer.length >= 2 && buffer[0] === 0xff && buffer[1] === 0xfe) {
    return { text: utf16(buffer.subarray(2), 'le'), encoding: 'utf16le' };
  }
  if (buffer.length >= 2 && buffer[0] === 0xfe && buffer[1] === 0xff) {
    return { text: utf16(buffer.subarray(2), 'be'), encoding: 'utf16be' };
  }
  const head = buffer.subarray(0, Math.min(buffer.length, TEXT_PROBE));
  if (!head.includes(0)) {
    // ASCII (most source) reads the same as Latin-1, which decodes without UTF-8's checks.
    return { text: buffer.toString(isAscii(buffer) ? 'latin1' : 'utf8'), encoding: 'utf8' };
  }
  const order = interleavedOrder(head);
  return order === undefined ? undefined : { text: utf16(buffer, order), encoding: `utf16${order}` };
}

/**
 * 'le' when the head reads as UTF-16 LE text of mostly ASCII (a NUL after nearly every character), 'be'
 * for the mirror image, else undefined. Binary data seldom has NULs at one parity only.
 */
function interleavedOrder(head: Uint8Array): 'le' | 'be' | undefined {
  const pairs = head.length >> 1;
  if (pairs < 2) {
    return undefined;
  }
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i + 1 < head.length; i += 2) {
    evenNul += head[i] === 0 ? 1 : 0;
    oddNul += head[i + 1] === 0 ? 1 : 0;
  }
  // Nearly every high byte is zero and almost no low byte is: ASCII-range text in UTF-16.
  if (oddNul >= pairs * 0.9 && evenNul <= pairs * 0.02) {
    return 'le';
  }
  if (evenNul >= pairs * 0.9 && oddNul <= pairs * 0.02) {
    return 'be';
  }
  return undefined;
}

function utf16(bytes: Buffer, order: 'le' | 'be'): string {
  const even = bytes.length & ~1; // a dangling last byte is no character
  if (order === 'le') {
    return bytes.toString('utf16le', 0, even);
  }
  const swapped = Buffer.from(bytes.subarray(0, even));
  swapped.swap16();
  return swapped.toString('utf16le');
}

/** Thrown when a file that should be text holds binary data. */
export class BinaryFileError extends Error {
  constructor(readonly path: string) {
    super(`${path} is a binary file`);
    this.name = 'BinaryFileError';
  }
}

/** A whole file's text, UTF-16 included (see `decodeText`); throws `BinaryFileError` for binary data. */
export function readTextFileSync(path: string): string {
  const decoded = decodeText(readFileSync(path));
  if (decoded === undefined) {
    throw new BinaryFileError(path);
  }
  return decoded.text;
}

/** A whole stream's text, decoded like a file's; throws `BinaryFileError` (named `label`) for binary data. */
export async function readTextStream(stream: NodeJS.ReadableStream, label: string): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  }
  const decoded = decodeText(Buffer.concat(chunks));
  if (decoded === undefined) {
    throw new BinaryFileError(label);
  }
  return decoded.text;
}
