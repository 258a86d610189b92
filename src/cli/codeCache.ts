import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import {
  closeSync,
  fstatSync,
  futimesSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { Module } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';
import * as zlib from 'node:zlib';

/**
 * Loads a CommonJS bundle with a V8 code cache: the bytecode of every function the bundle ran last time,
 * kept in the user's cache directory, so that a process does not parse and compile the bundle again
 * (the scan command's bundle took 20-30 ms to compile, and its functions more as each first ran). Like
 * Node 22's `module.enableCompileCache()`, which Node 20 lacks.
 *
 * - The cache is keyed by the bundle's own bytes (their CRC-32 and length), the V8 version, the architecture
 *   and Node's flags; a file holds a CRC-32 of its payload, checked before V8 sees it (V8 checks no checksum
 *   in a release build), and V8 rejects a cache of another version or flags itself. CRC-32 is zlib's (Node
 *   20.15 and later), where a sha256 needed node:crypto, whose load was 1.5-3 ms of every scan's start-up;
 *   an older Node takes the sha256s (see `CHECKSUM`).
 * - The directory must be the user's own and writable by no one else: bytecode from a cache runs as code.
 * - Any failure (no home, a read-only disk, a rejected or corrupt cache) loads the bundle as before.
 * - `SECURE_GPT_CODE_CACHE` names another directory, or `off` turns the cache off.
 *
 * A missed cache is written by `flushCodeCaches`, called once the command has done its work, so that it
 * holds the functions the work compiled; a worker thread flushes its own.
 */

/**
 * The checksum of a cache key's parts and of a cache file's payload: zlib's CRC-32, or sha256 on a Node
 * without it. A cache file starts with its tag, then the payload's checksum, then the payload (V8's data).
 */
const CHECKSUM: Checksum =
  typeof zlib.crc32 === 'function'
    ? { tag: Buffer.from('sgpt-v8-cache-c\n'), bytes: 4, of: crc32 }
    : { tag: Buffer.from('sgpt-v8-cache-2\n'), bytes: 32, of: sha256 };
/** Caches kept per bundle (see `pruneOlder`). */
const KEPT = 4;
/** Where pending writes are kept: one list per thread, whichever bundle's copy of this module runs. */
const PENDING = Symbol.for('secure-gpt.codeCache.pending');

type Pending = (() => void)[];

interface Checksum {
  readonly tag: Buffer;
  readonly bytes: number;
  of(data: Uint8Array): Buffer;
}

function crc32(data: Uint8Array): Buffer {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(zlib.crc32(data));
  return out;
}

function sha256(data: Uint8Array): Buffer {
  return createHash('sha256').update(data).digest();
}

/** Runs the CommonJS bundle `file` (as `require` would) and returns its exports. */
export function loadBundle(file: string): unknown {
  const bytes = readFileSync(file);
  const name = basename(file).replace(/\.js$/, '');
  const cacheFile = cachePath(name, bytes);
  // A shebang is a comment only on a script's first line; inside the wrapper it must become one. Made one
  // in the bytes (once keyed) rather than with a replace, which copied the 1.4 MB string.
  if (bytes[0] === 0x23 && bytes[1] === 0x21) {
    bytes.write('//');
  }
  const source = bytes.toString('utf8');
  const cachedData = cacheFile === undefined ? undefined : readCache(cacheFile);
  const script = new Script(Module.wrap(source), { filename: file, cachedData });
  const wrapper = script.runInThisContext() as ModuleWrapper;
  const module = new Module(file);
  module.filename = file;
  module.paths = (Module as unknown as ModuleInternals)._nodeModulePaths(dirname(file));
  wrapper.call(module.exports, module.exports, Module.createRequire(file), module, file, dirname(file));
  module.loaded = true;
  if (cacheFile !== undefined && (cachedData === undefined || script.cachedDataRejected === true)) {
    pending().push(() => writeCache(cacheFile, name, script));
  }
  return module.exports;
}

/** Writes the caches this thread missed (once; later calls find nothing to do). Never throws. */
export function flushCodeCaches(): void {
  const writes = pending().splice(0);
  writes.forEach((write) => write());
}

/** The directory caches go in, or undefined when there is none to use. */
export function codeCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const chosen = env.SECURE_GPT_CODE_CACHE;
  if (chosen === 'off' || chosen === '0') {
    return undefined;
  }
  if (chosen !== undefined && chosen !== '') {
    return chosen;
  }
  const base =
    process.platform === 'win32'
      ? env.LOCALAPPDATA
      : env.XDG_CACHE_HOME || (homedir() ? join(homedir(), '.cache') : undefined);
  return base ? join(base, 'secure-gpt', 'v8') : undefined;
}

interface ModuleInternals {
  _nodeModulePaths(dir: string): string[];
}

type ModuleWrapper = (
  this: unknown,
  exports: unknown,
  require: NodeJS.Require,
  module: NodeJS.Module,
  filename: string,
  dirname: string,
) => void;

function pending(): Pending {
  const global = globalThis as Record<symbol, Pending | undefined>;
  return (global[PENDING] ??= []);
}

/**
 * `<dir>/<name>-<key>.bin` for the bundle `name` of bytes `source` (checksummed as read: the string would
 * be encoded again), the key 32 hex digits; undefined without a safe directory.
 */
function cachePath(name: string, source: Buffer): string | undefined {
  try {
    const dir = codeCacheDir();
    if (dir === undefined) {
      return undefined;
    }
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (!isPrivate(dir)) {
      return undefined;
    }
    const meta = Buffer.from(
      `${process.versions.v8}\0${process.arch}\0${process.execArgv.join(' ')}\0${process.env.NODE_OPTIONS ?? ''}`,
    );
    return join(dir, `${name}-${cacheKey(source, meta)}.bin`);
  } catch {
    return undefined;
  }
}

/**
 * 32 hex digits from the bundle's bytes and the runtime's `meta`: with CRC-32, each one's checksum and
 * length (an edit of the bundle changes its CRC unless it also keeps its length and meets a 1 in 2^32
 * chance); with sha256, the first half of one digest of both.
 */
function cacheKey(source: Buffer, meta: Buffer): string {
  const hex = (n: number): string => n.toString(16).padStart(8, '0');
  if (CHECKSUM.bytes === 4) {
    const [a, b] = [CHECKSUM.of(source), CHECKSUM.of(meta)];
    return `${a.toString('hex')}${hex(source.length)}${b.toString('hex')}${hex(meta.length)}`;
  }
  return CHECKSUM.of(Buffer.concat([source, Buffer.from('\0'), meta]))
    .toString('hex')
    .slice(0, 32);
}

/** A directory only its owner, this user, may write to (POSIX; on Windows the profile is private already). */
function isPrivate(dir: string): boolean {
  const stat = statSync(dir);
  return stat.isDirectory() && isOwn(stat);
}

/** Owned by this user and writable by no one else (POSIX; on Windows the profile is private already). */
function isOwn(stat: Stats): boolean {
  if (process.platform === 'win32' || process.getuid === undefined) {
    return true;
  }
  return stat.uid === process.getuid() && (stat.mode & 0o022) === 0;
}

/**
 * The payload of the cache file, if it is there, whole, and this user's own: the file itself is checked
 * too, as read, so that a directory swapped after `isPrivate` cannot hand over someone else's bytecode.
 */
function readCache(file: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const stat = fstatSync(fd);
    if (!stat.isFile() || !isOwn(stat)) {
      return undefined;
    }
    const payload = payloadOf(readFileSync(fd));
    if (payload !== undefined) {
      markUsed(fd);
    }
    return payload;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) {
      closeSync(fd);
    }
  }
}

/** The V8 data of a cache file's `bytes`: undefined unless its tag and checksum are right. */
function payloadOf(bytes: Buffer): Buffer | undefined {
  const { tag } = CHECKSUM;
  const head = tag.length + CHECKSUM.bytes;
  if (bytes.length <= head || !bytes.subarray(0, tag.length).equals(tag)) {
    return undefined;
  }
  const payload = bytes.subarray(head);
  return CHECKSUM.of(payload).equals(bytes.subarray(tag.length, head)) ? payload : undefined;
}

/**
 * Dates a cache file that was read (through the descriptor checked as the user's own) as modified now:
 * `pruneOlder` then drops the caches least recently used, not least recently written. Several checkouts or
 * installs on one machine, each writing its own, pruned the one in use while it ran (each run a miss,
 * 20-30 ms of compiling). A read-only cache stays as it is.
 */
function markUsed(fd: number): void {
  try {
    const now = new Date();
    futimesSync(fd, now, now);
  } catch {
    // Not ours to date (a read-only disk): pruning by write time is all that is lost.
  }
}

/** Writes the cache whole or not at all (a rename), and drops the bundle's oldest caches. */
function writeCache(file: string, name: string, script: Script): void {
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    const payload = script.createCachedData();
    // `wx`: a new file, never one (or a link) already at the name.
    writeFileSync(temporary, Buffer.concat([CHECKSUM.tag, CHECKSUM.of(payload), payload]), {
      mode: 0o600,
      flag: 'wx',
    });
    renameSync(temporary, file);
  } catch {
    try {
      unlinkSync(temporary);
    } catch {
      // Never written.
    }
    return;
  }
  pruneOlder(dirname(file), name);
}

/**
 * Keeps the `KEPT` newest caches of bundle `name` (the last written or read, see `markUsed`): those of older
 * builds go, while a few keys (other Node flags, another install) can live side by side without rewriting
 * each other's cache on every run.
 */
function pruneOlder(dir: string, name: string): void {
  try {
    const caches = readdirSync(dir)
      .filter(
        (other) => other.startsWith(`${name}-`) && /^[0-9a-f]{32}\.bin$/.test(other.slice(name.length + 1)),
      )
      .map((other) => ({ path: join(dir, other), written: statSync(join(dir, other)).mtimeMs }))
      .sort((a, b) => b.written - a.written);
    caches.slice(KEPT).forEach((old) => unlinkSync(old.path));
  } catch {
    // Another process pruned them first, or the directory went away: nothing to do.
  }
}
