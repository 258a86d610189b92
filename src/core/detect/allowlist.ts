import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type Picomatch from 'picomatch';
import { findGitRoot } from '../fs/walk';
import { parseJsonFile } from '../jsonFile';
import { checkAllowlistShape, ShapeError } from './allowlistShape';

/** Where a workspace keeps its allowlist, relative to the workspace (or git) root. */
export const ALLOWLIST_FILE = '.secure-gpt/allowlist.json';

/** One allowlisted finding: the sha256 of the secret, optionally narrowed to a rule and a path. */
export interface AllowlistEntry {
  /** sha256 hex of the secret, as in `Finding.fingerprint`. */
  readonly sha256: string;
  /** Only findings of this rule id; any rule when absent. */
  readonly rule?: string;
  /** Only in this file (a path or glob relative to the workspace root, forward slashes); anywhere when absent. */
  readonly path?: string;
  /** Why this is not a secret, for the reviewer who reads the file. */
  readonly note?: string;
}

/** The workspace allowlist file: fingerprints that are known not to be live secrets, and paths never scanned. */
export interface Allowlist {
  readonly fingerprints: readonly AllowlistEntry[];
  /** Globs relative to the workspace root whose files are never scanned. */
  readonly paths: readonly string[];
}

/** A malformed allowlist file; the message names the file and the field at fault. */
export class AllowlistError extends Error {}

/** An allowlist with nothing in it. */
export const emptyAllowlist: Allowlist = { fingerprints: [], paths: [] };

/** Parses the allowlist file's text; throws `AllowlistError` naming `source` and the offending field. */
export function parseAllowlist(text: string, source = ALLOWLIST_FILE): Allowlist {
  let json: unknown;
  try {
    json = parseJsonFile(text, source);
  } catch (error) {
    // The position only: the parser's own message would quote the text, and the text can hold a secret.
    throw new AllowlistError(error instanceof Error ? error.message : `${source}: not valid JSON`);
  }
  try {
    return checkAllowlistShape(json);
  } catch (error) {
    if (error instanceof ShapeError) {
      throw new AllowlistError(`${source}: ${error.message}`);
    }
    throw error;
  }
}

/** The allowlist as the file holds it: stable key order, two-space indent, trailing newline. */
export function serializeAllowlist(allowlist: Allowlist): string {
  // JSON.stringify drops the undefined fields; listing them fixes the key order.
  const fingerprints = allowlist.fingerprints.map((e) => ({
    sha256: e.sha256,
    rule: e.rule,
    path: e.path,
    note: e.note,
  }));
  return `${JSON.stringify({ fingerprints, paths: allowlist.paths }, null, 2)}\n`;
}

/** A copy of `allowlist` with `entry` added; an entry with the same fingerprint, rule and path is replaced. */
export function addAllowlistEntry(allowlist: Allowlist, entry: AllowlistEntry): Allowlist {
  const sha256 = entry.sha256.toLowerCase();
  const same = (e: AllowlistEntry): boolean =>
    e.sha256 === sha256 && e.rule === entry.rule && e.path === entry.path;
  return {
    fingerprints: [...allowlist.fingerprints.filter((e) => !same(e)), cleanEntry({ ...entry, sha256 })],
    paths: allowlist.paths,
  };
}

/**
 * A predicate telling whether a finding is allowlisted. `relPath` is the file's path relative to the
 * workspace root with forward slashes (undefined for text with no file, which path-scoped entries never match).
 */
export function allowlistMatcher(
  allowlist: Allowlist,
): (finding: { readonly fingerprint: string; readonly ruleId: string }, relPath?: string) => boolean {
  const byFingerprint = new Map<string, { rule?: string; matchPath?: (p: string) => boolean }[]>();
  for (const entry of allowlist.fingerprints) {
    const scoped: { rule?: string; matchPath?: (p: string) => boolean } = {};
    if (entry.rule !== undefined) {
      scoped.rule = entry.rule;
    }
    if (entry.path !== undefined) {
      const exact = entry.path.replace(/^\.\//, '');
      // Required here, not imported: few allowlists scope by path, and picomatch took ~3 ms of each start-up.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const picomatch = require('picomatch') as typeof Picomatch;
      const glob = picomatch(exact, { dot: true });
      scoped.matchPath = (p) => p === exact || glob(p);
    }
    const list = byFingerprint.get(entry.sha256) ?? [];
    list.push(scoped);
    byFingerprint.set(entry.sha256, list);
  }
  return (finding, relPath) =>
    (byFingerprint.get(finding.fingerprint) ?? []).some(
      (e) =>
        (e.rule === undefined || e.rule === finding.ruleId) &&
        (e.matchPath === undefined || (relPath !== undefined && e.matchPath(relPath))),
    );
}

/** A loaded allowlist and the workspace root its paths are relative to. */
export interface LoadedAllowlist {
  readonly file: string;
  /**
   * The directory `paths` and entry paths are relative to: the parent of `.secure-gpt/`; for a file kept
   * elsewhere, its git root (else its own directory), so paths read as repository paths either way.
   */
  readonly root: string;
  readonly allowlist: Allowlist;
}

/** Reads and parses an allowlist file; throws `AllowlistError` when it is missing, unreadable or malformed. */
export function readAllowlistFile(file: string, displayName = file): LoadedAllowlist {
  const path = resolve(file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new AllowlistError(
      `${displayName}: ${code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? 'error'})`}`,
    );
  }
  const dir = dirname(path);
  return {
    file: path,
    root: basename(dir) === '.secure-gpt' ? dirname(dir) : (findGitRoot(dir) ?? dir),
    allowlist: parseAllowlist(text, displayName),
  };
}

/**
 * The allowlist that governs `start` (a directory): the nearest `.secure-gpt/allowlist.json` at or above
 * it, looking no higher than `stopAt` (its git root); undefined when there is none.
 */
export function findAllowlistFile(start: string, stopAt?: string): string | undefined {
  const stop = resolve(stopAt ?? start);
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    const candidate = join(dir, ALLOWLIST_FILE);
    if (existsSync(candidate)) {
      return candidate;
    }
    if (dir === stop || dirname(dir) === dir || relative(stop, dir).startsWith('..')) {
      return undefined;
    }
  }
}

/** The entry without absent fields, so `exactOptionalPropertyTypes` holds at runtime too. */
function cleanEntry(e: {
  readonly sha256: string;
  readonly rule?: string | undefined;
  readonly path?: string | undefined;
  readonly note?: string | undefined;
}): AllowlistEntry {
  const out: { sha256: string; rule?: string; path?: string; note?: string } = { sha256: e.sha256 };
  if (e.rule !== undefined) {
    out.rule = e.rule;
  }
  if (e.path !== undefined) {
    out.path = e.path;
  }
  if (e.note !== undefined) {
    out.note = e.note;
  }
  return out;
}
