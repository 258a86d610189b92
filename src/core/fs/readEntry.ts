import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { decodeText } from './decodeText';
import type { WalkEntry } from './walk';

// Apart from walk.ts so that the CLI's scan worker bundle (src/cli/scanWorker.ts) reads files without
// carrying the walk's ignore and glob libraries.

/** Reads one file unless it is too large or binary; a read failure becomes an error entry, never a throw. */
export function readEntry(path: string, maxFileSize: number): WalkEntry {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const size = fstatSync(fd).size;
    if (size > maxFileSize) {
      return { kind: 'skipped', path, size, reason: 'too-large' };
    }
    const bytes = readBuffer(size);
    let length = 0;
    // A file can shrink between fstat and read; stop at end of file.
    for (let n = 1; length < size && n > 0; length += n) {
      n = readSync(fd, bytes, length, size - length, length);
    }
    // UTF-16 is text too; a byte-order mark is no column (editors do not count it either).
    const decoded = decodeText(bytes.subarray(0, length));
    if (decoded === undefined) {
      return { kind: 'skipped', path, size, reason: 'binary' };
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

/** Files up to this size are read into one buffer kept between reads, not a fresh one each. */
const REUSED_READ_BUFFER = 1024 * 1024;
let reusedBuffer: Buffer | undefined;

/**
 * A buffer of at least `size` bytes for one read. The reused one is safe because decoding copies the bytes
 * into a string (`decodeText` never returns a view of them) before the next read.
 */
function readBuffer(size: number): Buffer {
  if (size > REUSED_READ_BUFFER) {
    return Buffer.allocUnsafe(size);
  }
  reusedBuffer ??= Buffer.allocUnsafe(REUSED_READ_BUFFER);
  return reusedBuffer;
}

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
