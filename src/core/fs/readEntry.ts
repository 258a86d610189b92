import type { Stats } from 'node:fs';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { decodeText } from './decodeText';
import type { WalkEntry } from './walk';

// Apart from walk.ts so that the CLI's scan worker bundle (src/cli/scanWorker.ts) reads files without
// carrying the walk's ignore and glob libraries.

/**
 * Reads one file unless it is too large or binary; a read failure becomes an error entry, never a throw.
 * A file that fits the reused buffer costs open, read, read (end of file) and close, with no fstat: the
 * fstat's Stats object cost more than the read that meets end of file. Only a file that fills the buffer
 * is measured, and one over `maxFileSize` is then skipped having had at most `maxFileSize + 1` bytes read.
 */
export function readEntry(path: string, maxFileSize: number): WalkEntry {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    reusedBuffer ??= Buffer.allocUnsafe(REUSED_READ_BUFFER);
    const cap = Math.min(REUSED_READ_BUFFER, Math.floor(maxFileSize) + 1);
    let bytes = reusedBuffer.subarray(0, readUpTo(fd, reusedBuffer, 0, cap));
    if (bytes.length === cap) {
      // Perhaps larger than the buffer or the limit: measure it.
      const stat = fstatSync(fd);
      if (stat.size > maxFileSize) {
        return { kind: 'skipped', path, size: stat.size, reason: 'too-large' };
      }
      const rest = readRest(fd, bytes, stat, maxFileSize);
      if (typeof rest === 'number') {
        return { kind: 'skipped', path, size: rest, reason: 'too-large' };
      }
      bytes = rest;
    }
    // UTF-16 is text too; a byte-order mark is no column (editors do not count it either).
    const decoded = decodeText(bytes);
    if (decoded === undefined) {
      return { kind: 'skipped', path, size: bytes.length, reason: 'binary' };
    }
    return { kind: 'file', path, size: bytes.length, text: decoded.text };
  } catch (error) {
    return errorEntry(path, error);
  } finally {
    if (fd !== undefined) {
      closeSync(fd);
    }
  }
}

/**
 * The whole of a file whose first bytes, `head`, filled the reused buffer: up to its measured size for a
 * regular file (which can shrink or grow meanwhile: reading stops at end of file); for a pipe or device,
 * which has no size, on to end of file. Returns the bytes, or the count read once it passes `maxFileSize`.
 */
function readRest(fd: number, head: Buffer, stat: Stats, maxFileSize: number): Buffer | number {
  let bytes = head;
  for (;;) {
    if (bytes.length > maxFileSize) {
      return bytes.length;
    }
    const end = stat.isFile() ? stat.size : Math.min(bytes.length * 2, Math.floor(maxFileSize) + 1);
    if (end <= bytes.length) {
      return bytes;
    }
    const grown = Buffer.allocUnsafe(end);
    bytes.copy(grown);
    const length = readUpTo(fd, grown, bytes.length, end);
    bytes = grown.subarray(0, length);
    if (stat.isFile() || length < end) {
      return bytes;
    }
  }
}

/** Reads on into `bytes` from offset `from` until `end` or end of file; returns where the bytes end. */
function readUpTo(fd: number, bytes: Buffer, from: number, end: number): number {
  let length = from;
  // No position: read on from where the last read stopped, as a pipe must (it cannot seek).
  for (let n = 1; length < end && n > 0; length += n) {
    n = readSync(fd, bytes, length, end - length, null);
  }
  return length;
}

/**
 * Files up to this size are read into one buffer kept between reads, not a fresh one each. The reuse is
 * safe because decoding copies the bytes into a string (`decodeText` never returns a view of them) before
 * the next read.
 */
const REUSED_READ_BUFFER = 1024 * 1024;
let reusedBuffer: Buffer | undefined;

export function errorEntry(path: string, error: unknown): WalkEntry & { readonly kind: 'error' } {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? 'EUNKNOWN';
  return { kind: 'error', path, code, message: describeErrno(code) };
}

/** Short, secret-free wording for the errors a walk meets (the raw message can carry the path twice). */
function describeErrno(code: string): string {
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ELOOP':
      return 'too many symbolic links';
    default:
      return `cannot read (${code})`;
  }
}
