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
    let bytes = reusedBuffer;
    let length = readUpTo(fd, bytes, 0, cap);
    if (length === cap) {
      // Perhaps larger than the buffer or the limit: measure it. A file can shrink or grow meanwhile;
      // read up to the measured size and stop at end of file.
      const size = fstatSync(fd).size;
      if (size > maxFileSize) {
        return { kind: 'skipped', path, size, reason: 'too-large' };
      }
      if (size > length) {
        bytes = Buffer.allocUnsafe(size);
        reusedBuffer.copy(bytes, 0, 0, length);
        length = readUpTo(fd, bytes, length, size);
      }
    }
    // UTF-16 is text too; a byte-order mark is no column (editors do not count it either).
    const decoded = decodeText(bytes.subarray(0, length));
    if (decoded === undefined) {
      return { kind: 'skipped', path, size: length, reason: 'binary' };
    }
    return { kind: 'file', path, size: length, text: decoded.text };
  } catch (error) {
    return errorEntry(path, error);
  } finally {
    if (fd !== undefined) {
      closeSync(fd);
    }
  }
}

/** Reads from offset `from` into `bytes` until `end` or end of file; returns where the bytes end. */
function readUpTo(fd: number, bytes: Buffer, from: number, end: number): number {
  let length = from;
  for (let n = 1; length < end && n > 0; length += n) {
    n = readSync(fd, bytes, length, end - length, length);
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
