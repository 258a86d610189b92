import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { findGitRoot, toPosix } from '../fs/walk';

/**
 * Which files hold environment values: `.env`, `.env.local`, `.env.production`, `.envrc`, `.flaskenv`,
 * `secrets.env`, `prod.env`.
 */
export function isEnvFileName(name: string): boolean {
  return /^\.env(?:[.\-_].+|rc)?$/i.test(name) || /^\.flaskenv$/i.test(name) || /^[^.].*\.env$/i.test(name);
}

/**
 * Templates hold placeholders meant to be committed and shared, not values: `.env.example`,
 * `.env.local.sample`, `.env.template`, `.env.dist`, `.env.defaults`, `example.env`. Guarding them would
 * only redact the words they are made of.
 */
export function isEnvTemplate(name: string): boolean {
  return name
    .toLowerCase()
    .split(/[.\-_]/)
    .some((part) => /^(?:example|examples|sample|samples|template|tmpl|tpl|dist|defaults?)$/.test(part));
}

/** Directories that hold other people's code, build output or caches: never where a project keeps its `.env`. */
const HEAVY_DIRS = new Set([
  '.git',
  '.hg',
  '.svn',
  'node_modules',
  'bower_components',
  'jspm_packages',
  '.yarn',
  '.pnpm-store',
  'vendor',
  '.venv',
  'venv',
  '.env', // as a directory, a Python virtualenv
  'site-packages',
  '__pycache__',
  '.tox',
  '.nox',
  '.mypy_cache',
  '.pytest_cache',
  '.ruff_cache',
  '.gradle',
  '.m2',
  'target',
  '.terraform',
  '.next',
  '.nuxt',
  '.svelte-kit',
  '.cache',
  '.parcel-cache',
  '.turbo',
  'Pods',
  'DerivedData',
  'coverage',
  '.vscode-test',
]);

/** Bounds of one search: a workspace with a vast tree still answers promptly. */
export interface EnvSearchLimits {
  /** Directories below the root (the root is depth 0). */
  readonly maxDepth: number;
  /** Directories read in all. */
  readonly maxDirs: number;
  /** Env files kept. */
  readonly maxFiles: number;
  /** Bytes: a larger env file is skipped unread. */
  readonly maxFileSize: number;
}

export const DEFAULT_ENV_LIMITS: EnvSearchLimits = {
  maxDepth: 8,
  maxDirs: 4000,
  maxFiles: 100,
  maxFileSize: 1024 * 1024,
};

/** What a search found, and what it could not look at: notes name paths and error codes, never contents. */
export interface EnvSearch {
  /** Absolute paths, sorted within each root. */
  readonly files: readonly string[];
  readonly notes: readonly string[];
}

/**
 * Where the search for `start` begins: its git root, so that a `.env` at the top of the repository guards
 * a command run in a subdirectory; `start` itself outside a repository.
 */
export function envSearchRoot(start: string): string {
  return findGitRoot(start) ?? start;
}

/**
 * The env files under `roots`, templates excepted, breadth first so the shallow files (the likely ones)
 * come first when a bound is reached. Symbolic links to files are followed, links to directories are not.
 * Asynchronous, so an editor stays responsive while it runs.
 */
export async function findEnvFiles(
  roots: readonly string[],
  limits: EnvSearchLimits = DEFAULT_ENV_LIMITS,
): Promise<EnvSearch> {
  const files: string[] = [];
  const notes: string[] = [];
  let dirs = 0;
  const seen = new Set<string>();
  for (const root of roots) {
    let level = [root];
    for (let depth = 0; level.length > 0 && depth <= limits.maxDepth; depth++) {
      const next: string[] = [];
      for (const dir of level) {
        if (seen.has(dir)) {
          continue; // a root nested in another root
        }
        seen.add(dir);
        if (++dirs > limits.maxDirs) {
          notes.push(
            `stopped after ${limits.maxDirs} directories: .env files deeper in ${root} were not read`,
          );
          return { files, notes };
        }
        let entries: Dirent[];
        try {
          entries = await readdir(dir, { withFileTypes: true });
        } catch (error) {
          notes.push(`cannot list ${where(root, dir)} (${errorCode(error)})`);
          continue;
        }
        entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        for (const entry of entries) {
          const path = join(dir, entry.name);
          if (entry.isDirectory()) {
            if (!HEAVY_DIRS.has(entry.name)) {
              next.push(path);
            }
          } else if (isEnvFileName(entry.name) && !isEnvTemplate(entry.name)) {
            if (await isSmallFile(path, limits.maxFileSize, root, notes)) {
              if (files.length >= limits.maxFiles) {
                notes.push(
                  `stopped after ${limits.maxFiles} .env files: the others in ${root} were not read`,
                );
                return { files, notes };
              }
              files.push(path);
            }
          }
        }
      }
      if (depth === limits.maxDepth && next.length > 0) {
        notes.push(`did not look below depth ${limits.maxDepth} in ${root}`);
      }
      level = next;
    }
  }
  return { files, notes };
}

async function isSmallFile(path: string, maxSize: number, root: string, notes: string[]): Promise<boolean> {
  try {
    const info = await stat(path); // follows a link: a shared `.env` linked into the project counts
    if (!info.isFile()) {
      return false;
    }
    if (info.size > maxSize) {
      notes.push(`skipped ${where(root, path)}: larger than ${maxSize} bytes`);
      return false;
    }
    return true;
  } catch (error) {
    notes.push(`cannot read ${where(root, path)} (${errorCode(error)})`);
    return false;
  }
}

/** A path for a note, relative to its root: it names the file, never what is in it. */
export function where(root: string, path: string): string {
  return toPosix(relative(root, path)) || '.';
}

/** The error's code (`EACCES`), never its message, which can quote more than the path. */
export function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException | undefined)?.code ?? 'error';
}
