import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AllowlistEntry } from '../core/detect/allowlist';
import { parseDotenv } from '../core/pipeline/knownValues';
import {
  ALLOWLIST_FILE,
  addAllowlistEntry,
  emptyAllowlist,
  parseAllowlist,
  serializeAllowlist,
} from '../core/detect/allowlist';
import type { EditBuilder } from './workspaceEdit';
import { appendLines, endOf } from './workspaceEdit';

/** Reads a file (open editor first, then disk); undefined when missing. */
export type ReadText = (fsPath: string) => string | undefined;

/** `.env` at the root of a workspace folder. */
export function dotenvPath(folder: string): string {
  return join(folder, '.env');
}

/**
 * The `.env` line that stores `value` under `name`: undefined when the file already holds exactly that, and
 * a numbered name (`GITHUB_TOKEN_2`) when `name` is taken by another value.
 */
export function dotenvEntry(
  envText: string,
  name: string,
  value: string,
): { name: string; line: string | undefined } {
  // The same parser as the known-value guard: one reading of a `.env` file.
  const existing = new Map(parseDotenv(envText));
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? name : `${name}_${n}`;
    const held = existing.get(candidate);
    if (held === value) {
      return { name: candidate, line: undefined };
    }
    if (held === undefined) {
      return { name: candidate, line: `${candidate}=${quoteDotenv(value)}\n` };
    }
  }
}

/**
 * Adds `name=value` to the folder's `.env` (creating it) and makes sure git ignores `.env` (appending to
 * or creating `.gitignore`). The value goes only into the edit, which the client writes to `.env`.
 * Returns the name used, or undefined when the client cannot create the files.
 */
export function moveToDotenv(
  builder: EditBuilder,
  folder: string,
  name: string,
  value: string,
  readText: ReadText,
  isGitIgnored: (fsPath: string) => boolean,
): string | undefined {
  const envFile = dotenvPath(folder);
  const envText = readText(envFile);
  const entry = dotenvEntry(envText ?? '', name, value);
  if (entry.line !== undefined) {
    const uri = pathToFileURL(envFile).href;
    if (envText === undefined && !builder.create(uri)) {
      return undefined;
    }
    builder.edit(uri, null, [appendLines(envText ?? '', entry.line)]);
  }
  if (!isGitIgnored(envFile) && !ensureGitignored(builder, folder, readText)) {
    return undefined;
  }
  return entry.name;
}

/** Appends `.env` to the folder's `.gitignore`, creating it if missing; false when the client cannot create it. */
export function ensureGitignored(builder: EditBuilder, folder: string, readText: ReadText): boolean {
  const file = join(folder, '.gitignore');
  const text = readText(file);
  const uri = pathToFileURL(file).href;
  if (text === undefined && !builder.create(uri)) {
    return false;
  }
  builder.edit(uri, null, [appendLines(text ?? '', '.env\n')]);
  return true;
}

/**
 * Adds `entry` to the folder's allowlist file, creating it if missing. Returns false (fix not offered)
 * when the client cannot create it, or when the existing file does not parse: rewriting it would lose
 * what the user wrote.
 */
export function addToAllowlist(
  builder: EditBuilder,
  folder: string,
  entry: AllowlistEntry,
  readText: ReadText,
): boolean {
  const file = join(folder, ALLOWLIST_FILE);
  const text = readText(file);
  let current = emptyAllowlist;
  if (text !== undefined && text.trim() !== '') {
    try {
      current = parseAllowlist(text, file);
    } catch {
      return false; // A broken allowlist is reported in the log when loaded; the user fixes it by hand.
    }
  }
  const uri = pathToFileURL(file).href;
  if (text === undefined && !builder.create(uri)) {
    return false;
  }
  const start = { line: 0, character: 0 };
  builder.edit(uri, null, [
    {
      range: { start, end: endOf(text ?? '') },
      newText: serializeAllowlist(addAllowlistEntry(current, entry)),
    },
  ]);
  return true;
}

/** Quotes a value only when dotenv would otherwise misread it (spaces, `#`, quotes, newlines of a private key). */
function quoteDotenv(value: string): string {
  return /[\s#"'\\]/.test(value)
    ? `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`
    : value;
}
