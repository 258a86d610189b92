import type { Rule, Severity } from '../rule';

/**
 * Shared builders for rule files. Rules stay plain data; this only removes the boilerplate of the
 * optional fields (exactOptionalPropertyTypes forbids `undefined`) and of the generated test lines.
 */

/** Everything a rule needs, with the test positives reduced to a generator of one fresh secret. */
export interface TokenSpec {
  readonly id: string;
  readonly provider: string;
  readonly description: string;
  readonly risk: string;
  /** Default `error`: a provider-specific live format. Context-only rules pass `warning`. */
  readonly severity?: Severity;
  readonly keywords: readonly string[];
  readonly pattern: RegExp;
  readonly maxLength: number;
  readonly minEntropy?: number;
  readonly validate?: (secret: string) => boolean;
  readonly revokeUrl?: string;
  /** Builds a fresh fake secret of this shape at test time (never stored in the repo). */
  readonly sample: () => string;
  /**
   * Lines that carry a sample. Defaults to an env line, JSON, YAML and code assignments named after the
   * rule id, plus (for prefix formats, i.e. severity `error`) a bare occurrence and a bearer header.
   */
  readonly lines?: (secret: string) => readonly string[];
  readonly negatives: readonly string[];
}

/** Builds a `Rule` from a spec, omitting the optional fields it does not set. */
export function tokenRule(spec: TokenSpec): Rule {
  const severity = spec.severity ?? 'error';
  const lines = spec.lines ?? ((secret: string) => defaultLines(spec.id, secret, severity === 'error'));
  return {
    id: spec.id,
    provider: spec.provider,
    description: spec.description,
    risk: spec.risk,
    severity,
    keywords: spec.keywords,
    pattern: spec.pattern,
    maxLength: spec.maxLength,
    ...(spec.minEntropy !== undefined ? { minEntropy: spec.minEntropy } : {}),
    ...(spec.validate ? { validate: spec.validate } : {}),
    ...(spec.revokeUrl !== undefined ? { revokeUrl: spec.revokeUrl } : {}),
    tests: { positives: () => lines(spec.sample()), negatives: spec.negatives },
  };
}

/** Realistic places a key ends up: .env, JSON config, YAML, source code; bare only for self-identifying formats. */
export function defaultLines(id: string, secret: string, bare: boolean): string[] {
  const env = id.toUpperCase().replace(/-/g, '_');
  const snake = id.replace(/-/g, '_');
  const camel = id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  const lines = [
    `${env}=${secret}`,
    `{ "${snake}": "${secret}" }`,
    `  ${snake}: '${secret}'`,
    `const ${camel} = "${secret}";`,
  ];
  if (bare) {
    lines.push(`curl -H "Authorization: Bearer ${secret}" https://api.internal/v1/me`, secret);
  }
  return lines;
}

/**
 * Regex source that matches `word` in any letter case without the `i` flag, so that the value's
 * character classes next to it stay case-exact (`[a-f0-9]` must not accept `A-F`).
 */
export function anyCase(word: string): string {
  let out = '';
  for (const ch of word) {
    const lo = ch.toLowerCase();
    const up = ch.toUpperCase();
    out += lo === up ? escapeRegExp(ch) : `[${lo}${up}]`;
  }
  return out;
}

/**
 * Regex source for a value assigned under a name that holds `context` (already a regex source): the
 * name may run on for at most `gap` identifier characters (`HEROKU_API_KEY`), then an assignment
 * operator (`=`, `:`, `=>`, `:=`), optional quotes and spaces, and the value in group `secret`. The short
 * bounded gap is what keeps a context-only rule from pairing a random value with a far-away word.
 */
export function assignedTo(context: string, value: string, end: string, gap = 24): string {
  // `(` in the gap and as an operator covers constructor calls: `cohere.Client(api_key="…")`, `Client("…")`.
  return (
    `${context}[\\w.(-]{0,${gap}}["'\`]?[ \\t]{0,3}(?:=>|:=|=|:|\\()[ \\t]{0,3}["'\`]?` +
    `(?<secret>${value})${end}`
  );
}

/**
 * Regex source for a self-identifying value (e.g. `sk-…` hex) that follows `context` on the same line
 * within `gap` characters, for formats whose prefix alone is shared by several providers.
 */
export function near(context: string, value: string, end: string, gap = 40): string {
  return `${context}[^\\n]{0,${gap}}?${START_TOKEN}(?<secret>${value})${end}`;
}

/** True when `text` holds both a letter and a digit: random keys do, words and identifiers mostly don't. */
export function lettersAndDigits(text: string): boolean {
  return /[A-Za-z]/.test(text) && /\d/.test(text);
}

/** Negative lookahead that ends a value drawn from letters, digits, `-` and `_`. */
export const END_TOKEN = '(?![A-Za-z0-9_-])';
/** Negative lookahead that ends an alphanumeric value. */
export const END_ALNUM = '(?![A-Za-z0-9])';
/** Negative lookbehind that starts a token outside a longer run of token characters. */
export const START_TOKEN = '(?<![A-Za-z0-9_-])';

function escapeRegExp(ch: string): string {
  return /[.*+?^${}()|[\]\\/-]/.test(ch) ? `\\${ch}` : ch;
}
