/**
 * What the redact tier's detectors read from their own patterns' shapes (`regexShape.ts`): the texts every
 * match holds, the characters a match can start with. Each is read once per process; read at run time, the
 * parses and the garbage they leave were 60-100 ms of a process's first redaction (`secure-gpt redact` of
 * 2 KB: 50 ms of parsing, most of a 58 ms collection). The build reads them once (esbuild.js runs the tier
 * over a sample, then `patternFactsJson`) and defines the table into the bundles as
 * `SECURE_GPT_PATTERN_FACTS`, a JSON string parsed on the first question, as the rule shapes are
 * (`ruleShape.ts`). A fact the table lacks (a path the sample did not take, or the tests, which run
 * without the build) is read from the pattern as before: the table changes when the work is done, never
 * its answer, and a unit test holds the two equal.
 */

declare const SECURE_GPT_PATTERN_FACTS: string | undefined;

type Fact = readonly string[] | readonly number[] | null;

let built: Readonly<Record<string, Fact>> | undefined | null = null;
/** The facts this process read from patterns itself, by key. */
const read = new Map<string, Fact>();

function builtTable(): Readonly<Record<string, Fact>> | undefined {
  if (built === null) {
    built =
      typeof SECURE_GPT_PATTERN_FACTS === 'string'
        ? (JSON.parse(SECURE_GPT_PATTERN_FACTS) as Record<string, Fact>)
        : undefined;
  }
  return built;
}

/**
 * The fact `kind` about `pattern`: from the build's table, else `compute()` (once per process). `null`
 * stands for "none" (JSON has no undefined).
 */
export function patternFact<T extends Fact>(kind: string, pattern: RegExp, compute: () => T): T {
  const key = `${kind} /${pattern.source}/${pattern.flags}`;
  const table = builtTable();
  if (table !== undefined && Object.prototype.hasOwnProperty.call(table, key)) {
    return table[key] as T;
  }
  if (!read.has(key)) {
    read.set(key, compute());
  }
  return read.get(key) as T;
}

/** The facts read from patterns in this process so far, as the JSON the build defines. */
export function patternFactsJson(): string {
  return JSON.stringify(Object.fromEntries([...read].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
}

/** How many facts the build's table holds, and how many this process has read itself (for tests and the bench). */
export function patternFactCounts(): { readonly built: number; readonly read: number } {
  return { built: Object.keys(builtTable() ?? {}).length, read: read.size };
}
