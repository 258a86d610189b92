import { startsAtKeyword } from './keywordHeads';
import { patternMaxLength } from './patternSafety';
import { parseRegex, size, startChars } from './regexShape';
import { requiredChars } from './requiredChars';
import { requiredLiterals } from './requiredLiterals';
import { requiredRun } from './requiredRun';
import type { StartEdges } from './startEdges';
import { startEdges } from './startEdges';

/**
 * What the engine reads from a rule's pattern before running it (see `compileRule` in matcher.ts): how
 * long a match can be, what it can start with, the characters it must hold, and whether it starts with
 * a keyword. Reading it means parsing the pattern, which in a short-lived process (a pre-commit hook's
 * `scan`, a worker thread, the language server's first document) cost more than the scan itself: a third
 * of a three-file `scan`. So the bundles carry the shapes of the built-in rules, measured once when
 * esbuild.js builds them (`SECURE_GPT_RULE_SHAPES`), and a pattern not in that table (a custom rule, a
 * rule edited since the build, the unit tests' compiled modules) is measured here as before.
 */
export interface PatternShape {
  /** Longest match, Infinity when unbounded. */
  readonly longest: number;
  /** ASCII characters a match can start with (1 = yes); undefined when it can start almost anywhere. */
  readonly startBits: Uint8Array | undefined;
  readonly startsNonAscii: boolean;
  /** How many characters can start a match (a non-ASCII start counts as a thousand). */
  readonly startSize: number;
  readonly required: readonly string[];
  readonly literals: readonly string[];
  readonly anchored: boolean;
  readonly edges: StartEdges;
  /** Token characters in a row every match consumes (see `requiredRun`). */
  readonly tokenRun: number;
}

declare const SECURE_GPT_RULE_SHAPES: string | undefined;

/** Measures `pattern`'s shape by parsing it. */
export function measureShape(pattern: RegExp, keywords: readonly string[]): PatternShape {
  const starts = startChars(pattern);
  // Parsed after `startsAtKeyword`, as it parses it (a back-reference read as anything): the parse is reused.
  const source = pattern.source.replace(/(?<!\\)((?:\\\\)*)\\(?:k<[^>]*>|[1-9])/g, '$1[^]');
  return {
    longest: patternMaxLength(pattern),
    startBits: starts?.bits,
    startsNonAscii: starts === undefined || starts.other,
    startSize: starts === undefined ? Infinity : size(starts),
    required: requiredChars(pattern),
    // Parsed as `requiredChars` parses it, right after it: the parse is reused.
    literals: requiredLiterals(pattern),
    // Parsed as `requiredLiterals` parses it, right after it: the parse is reused.
    tokenRun: requiredRun(pattern),
    anchored: startsAtKeyword(pattern, keywords),
    edges: startEdges(pattern, parseRegex(new RegExp(source, pattern.flags)), keywords, starts),
  };
}

/**
 * A pattern's shape (`keywords` lower-case): from the build's table when it holds this pattern with these
 * keywords, else measured.
 */
export function shapeOf(pattern: RegExp, keywords: readonly string[]): PatternShape {
  return builtTable().get(shapeKey(pattern, keywords)) ?? measureShape(pattern, keywords);
}

/** The build's table of `patterns`, as the JSON text esbuild.js defines `SECURE_GPT_RULE_SHAPES` to. */
export function shapeTableJson(
  patterns: readonly { readonly pattern: RegExp; readonly keywords: readonly string[] }[],
): string {
  const rows: Record<string, SerialShape> = {};
  for (const { pattern, keywords } of patterns) {
    const lower = keywords.map((k) => k.toLowerCase());
    rows[shapeKey(pattern, lower)] = serialize(measureShape(pattern, lower));
  }
  return JSON.stringify(rows);
}

/** A table of shapes by `shapeKey`. */
export interface ShapeTable {
  readonly size: number;
  get(key: string): PatternShape | undefined;
}

/**
 * Reads a table written by `shapeTableJson`. A row is decoded when first asked for: a scan of a few files
 * compiles a few dozen of the catalogue's rules, and decoding all of them was a few milliseconds of a
 * short process's start-up.
 */
export function parseShapeTable(json: string): ShapeTable {
  const rows = new Map(Object.entries(JSON.parse(json) as Record<string, SerialShape>));
  const decoded = new Map<string, PatternShape>();
  return {
    size: rows.size,
    get(key: string): PatternShape | undefined {
      let shape = decoded.get(key);
      const row = shape === undefined ? rows.get(key) : undefined;
      if (row !== undefined) {
        shape = deserialize(row);
        decoded.set(key, shape);
      }
      return shape;
    },
  };
}

/**
 * Two 32-bit FNV-1a hashes (different offsets) of the flags, source and lower-case keywords, and the
 * length: what the shape depends on, in a key a few dozen bytes long instead of the pattern itself.
 */
export function shapeKey(pattern: RegExp, keywords: readonly string[]): string {
  const text = `${pattern.flags}\u0000${pattern.source}\u0000${keywords.join('\u0001').toLowerCase()}`;
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return `${(a >>> 0).toString(36)}.${(b >>> 0).toString(36)}.${text.length.toString(36)}`;
}

/** A shape as JSON holds it: start bits as a 32-digit hex string, Infinity as null. */
interface SerialShape {
  readonly l: number | null;
  readonly s: string | null;
  readonly n: boolean;
  readonly z: number | null;
  readonly r: readonly string[];
  readonly q: readonly string[];
  readonly a: boolean;
  /** `edges.notAfter` as hex, like `s`, and `edges.head`. */
  readonly e: string | null;
  readonly h: string | null;
  /** `tokenRun`; absent in a table built before it (read as 0: no attempt is skipped on it). */
  readonly m?: number;
}

function serialize(shape: PatternShape): SerialShape {
  const finite = (n: number): number | null => (Number.isFinite(n) ? n : null);
  return {
    l: finite(shape.longest),
    s: toHex(shape.startBits),
    n: shape.startsNonAscii,
    z: finite(shape.startSize),
    r: shape.required,
    q: shape.literals,
    a: shape.anchored,
    e: toHex(shape.edges.notAfter),
    h: shape.edges.head ?? null,
    m: shape.tokenRun,
  };
}

function deserialize(row: SerialShape): PatternShape {
  return {
    longest: row.l ?? Infinity,
    startBits: fromHex(row.s),
    startsNonAscii: row.n,
    startSize: row.z ?? Infinity,
    required: row.r,
    literals: row.q,
    anchored: row.a,
    edges: { notAfter: fromHex(row.e), head: row.h ?? undefined },
    tokenRun: row.m ?? 0,
  };
}

/** 128 bits as a 32-digit hex string (each digit four bits, lowest first), or null. */
function toHex(bits: Uint8Array | undefined): string | null {
  if (bits === undefined) {
    return null;
  }
  let hex = '';
  for (let i = 0; i < 128; i += 4) {
    hex += bits
      .subarray(i, i + 4)
      .reduce((n, bit, k) => n | (bit << k), 0)
      .toString(16);
  }
  return hex;
}

function fromHex(hex: string | null): Uint8Array | undefined {
  if (hex === null) {
    return undefined;
  }
  const bits = new Uint8Array(128);
  for (let i = 0; i < 32; i++) {
    const nibble = parseInt(hex[i]!, 16);
    for (let k = 0; k < 4; k++) {
      bits[i * 4 + k] = (nibble >> k) & 1;
    }
  }
  return bits;
}

let table: ShapeTable | undefined;

function builtTable(): ShapeTable {
  table ??= parseShapeTable(typeof SECURE_GPT_RULE_SHAPES === 'string' ? SECURE_GPT_RULE_SHAPES : '{}');
  return table;
}
