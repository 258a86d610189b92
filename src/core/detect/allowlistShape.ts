/**
 * The allowlist file's shape, checked by hand. `secure-gpt scan` runs in pre-commit hooks, and a schema
 * library (zod is ~750 KB of bundle) cost more start-up than the whole engine's rule catalogue; the file
 * has two fields and four per entry, so a plain walk is both smaller and clearer.
 *
 * Every message names the field at fault by its path (`fingerprints[2].sha256`) and never quotes the
 * file: an unknown field's name, or a malformed value, can be a pasted key.
 */

/** An entry as the file holds it, fingerprint already lower-cased. */
export interface AllowlistEntryShape {
  readonly sha256: string;
  readonly rule?: string;
  readonly path?: string;
  readonly note?: string;
}

/** What a valid file holds, absent sections defaulted to empty. */
export interface AllowlistShape {
  readonly fingerprints: readonly AllowlistEntryShape[];
  readonly paths: readonly string[];
}

/** The first problem found: the path of the field at fault ('' for the whole file) and what is wrong. */
export class ShapeError extends Error {
  constructor(
    readonly where: string,
    readonly problem: string,
  ) {
    super(where ? `${where}: ${problem}` : problem);
  }
}

const FILE_FIELDS = ['fingerprints', 'paths'] as const;
const ENTRY_FIELDS = ['sha256', 'rule', 'path', 'note'] as const;
const SHA256 = /^[0-9a-fA-F]{64}$/;

/** Checks parsed JSON against the allowlist shape; throws `ShapeError` at the first problem. */
export function checkAllowlistShape(json: unknown): AllowlistShape {
  const file = object(json, '', FILE_FIELDS);
  const fingerprints = optionalArray(file['fingerprints'], 'fingerprints').map((item, i) =>
    checkEntry(item, `fingerprints[${i}]`),
  );
  const paths = optionalArray(file['paths'], 'paths').map((item, i) => nonEmptyString(item, `paths[${i}]`));
  return { fingerprints, paths };
}

function checkEntry(json: unknown, where: string): AllowlistEntryShape {
  const entry = object(json, where, ENTRY_FIELDS);
  const sha256 = entry['sha256'];
  if (sha256 === undefined) {
    throw new ShapeError(`${where}.sha256`, 'is required');
  }
  if (typeof sha256 !== 'string') {
    throw new ShapeError(`${where}.sha256`, 'must be a string');
  }
  if (!SHA256.test(sha256)) {
    throw new ShapeError(
      `${where}.sha256`,
      'must be the 64 hex characters of a sha256 (the finding fingerprint)',
    );
  }
  const out: { sha256: string; rule?: string; path?: string; note?: string } = {
    sha256: sha256.toLowerCase(),
  };
  if (entry['rule'] !== undefined) {
    out.rule = nonEmptyString(entry['rule'], `${where}.rule`);
  }
  if (entry['path'] !== undefined) {
    out.path = nonEmptyString(entry['path'], `${where}.path`);
  }
  if (entry['note'] !== undefined) {
    out.note = string(entry['note'], `${where}.note`);
  }
  return out;
}

/** A plain object holding only `known` fields. */
function object(json: unknown, where: string, known: readonly string[]): Record<string, unknown> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new ShapeError(where, `must be a JSON object, not ${kindOf(json)}`);
  }
  const record = json as Record<string, unknown>;
  const unknown = Object.keys(record).filter((key) => !known.includes(key));
  if (unknown.length > 0) {
    // Counted, never named: the name is file content.
    throw new ShapeError(
      where,
      `${unknown.length === 1 ? 'a field' : `${unknown.length} fields`} this file does not know ` +
        `(it knows ${known.join(', ')})`,
    );
  }
  return record;
}

function optionalArray(json: unknown, where: string): readonly unknown[] {
  if (json === undefined) {
    return [];
  }
  if (!Array.isArray(json)) {
    throw new ShapeError(where, `must be an array, not ${kindOf(json)}`);
  }
  return json;
}

function string(json: unknown, where: string): string {
  if (typeof json !== 'string') {
    throw new ShapeError(where, `must be a string, not ${kindOf(json)}`);
  }
  return json;
}

function nonEmptyString(json: unknown, where: string): string {
  const s = string(json, where);
  if (s.length === 0) {
    throw new ShapeError(where, 'must not be empty');
  }
  return s;
}

/** The JSON kind of a value, for messages: never the value itself. */
function kindOf(json: unknown): string {
  if (json === null) {
    return 'null';
  }
  if (Array.isArray(json)) {
    return 'an array';
  }
  return typeof json === 'object' ? 'an object' : `a ${typeof json}`;
}
