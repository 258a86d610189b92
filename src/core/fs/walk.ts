import type { Dirent } from 'node:fs';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, relative, resolve, sep } from 'node:path';
import ignore from 'ignore';
import type { Ignore } from 'ignore';
import type Picomatch from 'picomatch';
import { errorEntry, readEntry } from './readEntry';

/** How a walk chooses and reads files. */
export interface WalkOptions {
  /** Honor .gitignore files (and .git/info/exclude) at every level; default true. */
  readonly gitignore?: boolean;
  /** Files larger than this many bytes are skipped unread; default unlimited. */
  readonly maxFileSize?: number;
  /** True prunes a directory or drops a file; asked before anything is read. */
  readonly exclude?: (path: string, isDirectory: boolean) => boolean;
}

/** One thing the walk met: a readable text file, a file it skipped, or an error it could not get past. */
export type WalkEntry =
  | { readonly kind: 'file'; readonly path: string; readonly size: number; readonly text: string }
  | { readonly kind: 'skipped'; readonly path: string; readonly size: number; readonly reason: SkipReason }
  | { readonly kind: 'error'; readonly path: string; readonly code: string; readonly message: string };

/** Why a file was not scanned. */
export type SkipReason = 'binary' | 'too-large';

/** Directories that are never content, whatever the ignore files say. */
const ALWAYS_SKIPPED = new Set(['.git']);

interface IgnoreLayer {
  /** Absolute directory the rules are relative to, with a trailing separator. */
  readonly prefix: string;
  readonly rules: Ignore;
}

/**
 * Walks `roots` (absolute or cwd-relative files and directories) depth first in a stable, sorted order,
 * yielding one entry per file. Synchronous and iterative: only the pending directories are held, so a
 * large tree streams. A root named explicitly is scanned even when an ignore file covers it (as ripgrep
 * does), but `exclude` still applies. Symbolic links inside a tree are not followed (no cycles).
 */
export function* walk(roots: readonly string[], options: WalkOptions = {}): Generator<WalkEntry> {
  const maxFileSize = options.maxFileSize ?? Number.POSITIVE_INFINITY;
  for (const found of walkPaths(roots, options)) {
    yield found.kind === 'found' ? readEntry(found.path, maxFileSize) : found;
  }
}

/** A file the walk chose, not yet read; or an error it met on the way. */
export type WalkPath =
  { readonly kind: 'found'; readonly path: string } | (WalkEntry & { readonly kind: 'error' });

/**
 * `walk` without the reads: the same files in the same order, so that a caller can read and scan them
 * elsewhere (the CLI's worker threads). `maxFileSize` is left to whoever reads.
 */
export function* walkPaths(roots: readonly string[], options: WalkOptions = {}): Generator<WalkPath> {
  const exclude = options.exclude ?? (() => false);
  const gitignore = options.gitignore !== false;
  for (let r = 0; r < roots.length; r++) {
    const rootPath = resolve(roots[r]!);
    let isDirectory: boolean;
    try {
      isDirectory = statSync(rootPath).isDirectory();
    } catch (error) {
      yield errorEntry(rootPath, error);
      continue;
    }
    if (!isDirectory) {
      if (!exclude(rootPath, false)) {
        yield { kind: 'found', path: rootPath };
      }
      continue;
    }
    const stack: PendingDirectory[] = [{ dir: rootPath, layers: gitignore ? ancestorLayers(rootPath) : [] }];
    for (let next = stack.pop(); next; next = stack.pop()) {
      const listed = listDirectory(next, gitignore, exclude);
      if ('kind' in listed) {
        yield listed;
        continue;
      }
      const { files, subdirs, layers } = listed;
      for (let i = 0; i < files.length; i++) {
        yield { kind: 'found', path: files[i]! };
      }
      // Pushed in reverse so they pop in sorted order.
      for (let i = subdirs.length - 1; i >= 0; i--) {
        stack.push({ dir: subdirs[i]!, layers });
      }
    }
  }
}

interface PendingDirectory {
  readonly dir: string;
  /** The ignore files that apply in it, from its ancestors. */
  readonly layers: readonly IgnoreLayer[];
}

interface Listing {
  readonly files: readonly string[];
  readonly subdirs: readonly string[];
  readonly layers: readonly IgnoreLayer[];
}

/**
 * One directory's files and subdirectories to walk, sorted, with the ignore layers for its subdirectories
 * (its own `.gitignore` added); or the error that kept it from being listed. Apart from the generator:
 * the per-entry work then compiles as a plain function, and the generator, resumed once per file, stays
 * small (as one body it was the walk's costliest optimizing compile, and compiled twice).
 */
function listDirectory(
  { dir, layers }: PendingDirectory,
  gitignore: boolean,
  exclude: (path: string, isDirectory: boolean) => boolean,
): Listing | WalkPath {
  let dirents: Dirent[];
  try {
    dirents = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    return errorEntry(dir, error);
  }
  dirents.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // Most directories have no .gitignore: the listing says so, where a failed read would cost a throw.
  if (gitignore && dirents.some((d) => d.name === '.gitignore')) {
    const own = loadLayer(dir, [join(dir, '.gitignore')]);
    layers = own ? [...layers, own] : layers;
  }
  const files: string[] = [];
  const subdirs: string[] = [];
  // A listed name holds no separator and `dir` is resolved: `join`'s normalizing would change nothing.
  const prefix = dir.endsWith(sep) ? dir : dir + sep;
  for (let i = 0; i < dirents.length; i++) {
    const entry = dirents[i]!;
    const isDir = entry.isDirectory();
    if ((!isDir && !entry.isFile()) || (isDir && ALWAYS_SKIPPED.has(entry.name))) {
      continue;
    }
    const path = prefix + entry.name;
    if (isIgnored(layers, path, isDir) || exclude(path, isDir)) {
      continue;
    }
    (isDir ? subdirs : files).push(path);
  }
  return { files, subdirs, layers };
}

/** The nearest directory at or above `start` holding `.git`, if any. */
export function findGitRoot(start: string): string | undefined {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) {
      return dir;
    }
    if (dirname(dir) === dir) {
      return undefined;
    }
  }
}

/**
 * A predicate for `WalkOptions.exclude` from glob patterns, matched against paths relative to `base` with
 * forward slashes; a pattern without a slash also matches a base name anywhere (`*.min.js`, `vendor`).
 * Paths outside `base` never match.
 */
export function globFilter(patterns: readonly string[], base: string): (path: string) => boolean {
  if (patterns.length === 0) {
    return () => false;
  }
  // picomatch's own `basename` option also applies to globs with a slash, so the two kinds are split.
  const normalized = patterns.map((p) => p.replace(/^\.?\//, '').replace(/\/+$/, ''));
  // Required here, not imported: most scans have no glob, and picomatch took ~3 ms of each start-up.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const picomatch = require('picomatch') as typeof Picomatch;
  const compile = (globs: string[]): ((p: string) => boolean) =>
    globs.length > 0 ? picomatch(globs, { dot: true }) : () => false;
  const matchPath = compile(normalized.filter((p) => p.includes('/')));
  const matchName = compile(normalized.filter((p) => !p.includes('/')));
  const root = resolve(base);
  return (path) => {
    const rel = relative(root, path);
    if (rel === '' || rel.startsWith('..')) {
      return false;
    }
    const posix = toPosix(rel);
    return matchPath(posix) || matchName(posix.slice(posix.lastIndexOf('/') + 1));
  };
}

/** `path` with forward slashes, the form ignore files, globs and reports use. */
export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/**
 * `relative(base, path)`, by slicing off the prefix for the usual path below `base`: `relative` resolves
 * both paths on every call, and `scan` ran it twice for each file.
 */
export function relativeFrom(base: string, path: string): string {
  const prefix = base.endsWith(sep) ? base : base + sep;
  return isAbsolute(base) && path.startsWith(prefix) && isNormalized(path)
    ? path.slice(prefix.length)
    : relative(base, path);
}

/**
 * `(path) => relativeFrom(base, path)` for the paths a walk of `root` yields, with `relative(base, root)`
 * worked out once: a path below `root` is then that and its own rest, where `base` is not `root` or inside
 * it (for those, `relative` of a path below `root` starts elsewhere). A scan from a repository of a tree
 * elsewhere (`scan /tmp/tree`) ran `relative` for every file: ~10 ms of unoptimized code per 1,862 files.
 */
export function relativeNamer(base: string, root: string): (path: string) => string {
  const rel = isAbsolute(base) && isAbsolute(root) ? relative(base, root) : '';
  const usable = rel !== '' && rel.split(sep).some((part) => part !== '..');
  const prefix = root.endsWith(sep) ? root : root + sep;
  const head = rel.endsWith(sep) ? rel : rel + sep;
  return (path) =>
    usable && path.startsWith(prefix) && isNormalized(path)
      ? head + path.slice(prefix.length)
      : relativeFrom(base, path);
}

/**
 * Whether `path` is already in the form `relative` would leave it: on POSIX, no empty, `.` or `..` segment
 * and no trailing separator, checked without `normalize`'s walk over every character (once per file).
 */
function isNormalized(path: string): boolean {
  if (sep !== '/') {
    return normalize(path) === path && !path.endsWith(sep);
  }
  return (
    !path.includes('//') &&
    !path.includes('/./') &&
    !path.includes('/../') &&
    !path.endsWith('/') &&
    !path.endsWith('/.') &&
    !path.endsWith('/..')
  );
}

/** The ignore files that apply above `root`: from its git root (with info/exclude) down to its parent. */
function ancestorLayers(root: string): IgnoreLayer[] {
  const gitRoot = findGitRoot(root);
  if (gitRoot === undefined) {
    return [];
  }
  const layers: IgnoreLayer[] = [];
  const top = loadLayer(gitRoot, [join(gitRoot, '.git', 'info', 'exclude')]);
  if (top) {
    layers.push(top);
  }
  const chain: string[] = [];
  for (let dir = root; dir !== gitRoot;) {
    dir = dirname(dir);
    chain.unshift(dir);
  }
  for (const dir of chain) {
    const layer = loadLayer(dir, [join(dir, '.gitignore')]);
    if (layer) {
      layers.push(layer);
    }
  }
  return layers;
}

function loadLayer(dir: string, files: readonly string[]): IgnoreLayer | undefined {
  let rules: Ignore | undefined;
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue; // No ignore file here (or unreadable): nothing to honor.
    }
    rules = (rules ?? ignore()).add(text);
  }
  return rules ? { prefix: dir.endsWith(sep) ? dir : dir + sep, rules } : undefined;
}

/**
 * Git's precedence: the deepest ignore file with a rule for the path decides, so a nested `!keep.log`
 * re-includes what a parent ignored (a parent that ignores a whole directory prunes it before that).
 */
function isIgnored(layers: readonly IgnoreLayer[], path: string, isDirectory: boolean): boolean {
  for (let i = layers.length - 1; i >= 0; i--) {
    const layer = layers[i]!;
    if (!path.startsWith(layer.prefix)) {
      continue;
    }
    const rel = toPosix(path.slice(layer.prefix.length)) + (isDirectory ? '/' : '');
    const result = layer.rules.test(rel);
    if (result.ignored) {
      return true;
    }
    if (result.unignored) {
      return false;
    }
  }
  return false;
}
