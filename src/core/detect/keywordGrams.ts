import type { KeywordIndex } from './keywordIndex';

/**
 * Where each keyword of the built-in catalogue is indexed (`gramOffset`), worked out once when esbuild.js
 * builds the bundles (`SECURE_GPT_KEYWORD_GRAMS`), as the rule shapes are (see ruleShape.ts). Scoring
 * every window of the catalogue's ~900 keywords was 2-5 ms of every process's start-up, run before any
 * of it is compiled. The table holds the keywords it was made for; a rule set whose keywords differ in
 * any way (custom rules, a catalogue edited since the build, the unit tests' compiled modules, which have
 * no table) has its offsets scored as before.
 */
declare const SECURE_GPT_KEYWORD_GRAMS: string | undefined;

/** The keywords (joined by NUL) and their offsets (one character each, `0` + offset). */
export interface KeywordGrams {
  readonly keywords: string;
  readonly count: number;
  readonly offsets: string;
}

const SEPARATOR = '\u0000';
const ZERO = 0x30;

/** The table for `index`'s keywords, as JSON; `{}` when a keyword holds the separator. */
export function keywordGramsJson(index: KeywordIndex): string {
  if (index.keywords.some((kw) => kw.includes(SEPARATOR))) {
    return '{}';
  }
  const offsets = Array.from(index.gramAt, (at) => String.fromCharCode(ZERO + at)).join('');
  return JSON.stringify({ k: index.keywords.join(SEPARATOR), n: index.keywords.length, a: offsets });
}

/** Reads `keywordGramsJson`'s text; undefined when it holds no table. */
export function parseKeywordGrams(json: string): KeywordGrams | undefined {
  const { k, n, a } = JSON.parse(json) as { k?: unknown; n?: unknown; a?: unknown };
  return typeof k === 'string' && typeof n === 'number' && typeof a === 'string' && a.length === n
    ? { keywords: k, count: n, offsets: a }
    : undefined;
}

/**
 * `table`'s offsets when it was made for exactly `keywords` (in this order), else undefined. The same
 * joined text and count mean the same list: the table is only made when no keyword holds the separator,
 * so the runtime's text then holds no more separators than the joins.
 */
export function gramsFor(keywords: readonly string[], table: KeywordGrams | undefined): string | undefined {
  return table !== undefined && table.count === keywords.length && table.keywords === keywords.join(SEPARATOR)
    ? table.offsets
    : undefined;
}

/** The offset `offsets` holds for keyword `id`. */
export function gramAtOf(offsets: string, id: number): number {
  return offsets.charCodeAt(id) - ZERO;
}

let built: KeywordGrams | undefined | null = null;

/** The build's table, or undefined outside the bundles. */
export function builtGrams(): KeywordGrams | undefined {
  if (built === null) {
    built =
      typeof SECURE_GPT_KEYWORD_GRAMS === 'string' ? parseKeywordGrams(SECURE_GPT_KEYWORD_GRAMS) : undefined;
  }
  return built;
}
