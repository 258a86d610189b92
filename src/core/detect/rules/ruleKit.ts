import { hexEntropyFloor } from '../entropy';
import type { Rule, Severity } from '../rule';
import { lettersAndDigits } from './ruleParts';

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
  /** Characters that end every match's value (see `Rule.endsBefore`). */
  readonly endsBefore?: string;
  readonly validate?: (secret: string) => boolean;
  /** A check that reads the text before the secret too (see `Rule.inContext`). */
  readonly inContext?: (text: string, start: number, secret: string) => boolean;
  /** A run every match holds (see `Rule.needsRun`). */
  readonly needsRun?: { readonly chars: RegExp; readonly length: number };
  /** A test each attempt at a keyword must pass (see `Rule.mayStartAt`). */
  readonly mayStartAt?: (text: string, at: number) => boolean;
  readonly revokeUrl?: string;
  /** A UUID is a value this rule expects (see `Rule.expectsUuid`). */
  readonly expectsUuid?: boolean;
  /** The syntax makes the value a literal, whatever its shape (see `Rule.literalSyntax`). */
  readonly literalSyntax?: boolean | ((text: string, start: number) => boolean);
  /** The provider issues no other shape under this prefix (see `Rule.exactShape`). */
  readonly exactShape?: boolean;
  /** The part of a match the placeholder checks read (see `Rule.placeholderPart`). */
  readonly placeholderPart?: (secret: string) => string;
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
    ...(spec.endsBefore !== undefined ? { endsBefore: spec.endsBefore } : {}),
    ...(spec.validate ? { validate: spec.validate } : {}),
    ...(spec.inContext ? { inContext: spec.inContext } : {}),
    ...(spec.needsRun ? { needsRun: spec.needsRun } : {}),
    ...(spec.mayStartAt ? { mayStartAt: spec.mayStartAt } : {}),
    ...(spec.revokeUrl !== undefined ? { revokeUrl: spec.revokeUrl } : {}),
    ...(spec.expectsUuid ? { expectsUuid: true } : {}),
    ...(spec.literalSyntax !== undefined ? { literalSyntax: spec.literalSyntax } : {}),
    ...(spec.exactShape ? { exactShape: true } : {}),
    ...(spec.placeholderPart ? { placeholderPart: spec.placeholderPart } : {}),
    tests: { positives: () => lines(freshSample(spec.sample)), negatives: spec.negatives },
  };
}

// Words, runs and sequences that make any scanner (ours included) read a value as a placeholder. A
// random fixture hits one now and then (`…dxxxX…`); drawing again keeps rule tests deterministic.
const LOOKS_PLACEHOLDER =
  /x{4}|example|sample|dummy|placeholder|change|insert|replace|redacted|lorem|ipsum|foobar|qwerty|asdfgh|notreal|fake|mock|todo|fixme|enter|your|here|(.)\1{5}/i;

/** Draws `make()` until the result has no placeholder-like word, run or six-step sequence. */
export function freshSample(make: () => string): string {
  let sample = make();
  for (let i = 0; i < 50 && (LOOKS_PLACEHOLDER.test(sample) || hasRun(sample)); i++) {
    sample = make();
  }
  return sample;
}

function hasRun(text: string): boolean {
  let up = 1;
  let down = 1;
  for (let i = 1; i < text.length; i++) {
    const step = text.charCodeAt(i) - text.charCodeAt(i - 1);
    up = step === 1 ? up + 1 : 1;
    down = step === -1 ? down + 1 : 1;
    if (up >= 5 || down >= 5) {
      return true;
    }
  }
  return false;
}

/** A self-identifying `<prefix><body>` token; `bodyMax` is the longest body `body` accepts. */
export interface PrefixSpec {
  readonly id: string;
  readonly provider: string;
  readonly description: string;
  readonly risk: string;
  readonly prefix: string;
  /** Regex source of what follows the prefix. */
  readonly body: string;
  readonly bodyMax: number;
  /** Builds a fresh body (without the prefix) for the positives. */
  readonly make: () => string;
  readonly revokeUrl: string;
  readonly minEntropy?: number;
  readonly validate?: (secret: string) => boolean;
  /** The provider issues no other shape under this prefix (see `Rule.exactShape`). */
  readonly exactShape?: boolean;
  /** Extra near misses on top of the generic ones (placeholder, X-run, truncated, `<…>`). */
  readonly negatives?: readonly string[];
}

/** Rule for a prefixed token: error severity, keyword = the prefix, bounded at both ends. */
export function prefixedRule(p: PrefixSpec): Rule {
  const escaped = p.prefix.replace(/[.$-]/g, (c) => `\\${c}`);
  return tokenRule({
    id: p.id,
    provider: p.provider,
    description: p.description,
    risk: p.risk,
    keywords: [p.prefix.toLowerCase()],
    pattern: new RegExp(`${START_TOKEN}${escaped}${p.body}${END_TOKEN}`),
    maxLength: p.prefix.length + p.bodyMax,
    minEntropy: p.minEntropy ?? randomFloor(p.body, p.bodyMax, 3.3),
    ...(p.validate ? { validate: p.validate } : {}),
    ...(p.exactShape ? { exactShape: true } : {}),
    revokeUrl: p.revokeUrl,
    sample: () => `${p.prefix}${p.make()}`,
    negatives: [
      `${p.prefix}...`,
      `${p.prefix}XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX`,
      `${p.prefix}0123abcd`,
      `${p.id.toUpperCase().replace(/-/g, '_')}=<${p.prefix}your-key>`,
      ...(p.negatives ?? []),
    ],
  });
}

/** A value that only a nearby provider word identifies: heuristic, so a warning. */
export interface ContextSpec {
  readonly id: string;
  readonly provider: string;
  readonly description: string;
  readonly risk: string;
  /** Lower-case words, one of which names the variable the value is assigned to. */
  readonly words: readonly string[];
  /** Regex source of the value. */
  readonly value: string;
  readonly valueMax: number;
  readonly make: () => string;
  readonly revokeUrl: string;
  readonly minEntropy?: number;
  /** Default: the value must hold letters and digits. */
  readonly validate?: (secret: string) => boolean;
  readonly negatives?: readonly string[];
  /** Lines for the positives when the default ones (named after the id) do not name a context word. */
  readonly lines?: (secret: string) => readonly string[];
  /**
   * The name must also hold a credential word (key, token, secret…). Set it for hex and UUID values:
   * `GITEA_COMMIT_SHA=<40 hex>` or `SCALEWAY_PROJECT_ID=<uuid>` name the provider but hold no secret.
   */
  readonly credentialName?: boolean;
}

// Credential words that a variable holding a key has in its name; `pat` but not `path`.
export const CREDENTIAL_WORD = `(?:${['key', 'token', 'secret', 'passw', 'pwd', 'auth', 'credential'].map(anyCase).join('|')}|${anyCase('pat')}(?![hH]))`;

/**
 * Blanks after the operator: a column of aligned values (`fbApiKey:            "…"`, as object literals
 * and YAML maps are often laid out) puts a dozen or more between a name and its value.
 */
const ALIGN = 24;

/**
 * What a name's extra words, a `Bearer` scheme and aligned blanks past the first three add to a match of
 * `assignedTo` (`okta token`, `sanity auth token`).
 */
export const NAME_REACH = 42 + ALIGN - 3;

/** What a type, a longer operator or an XML element's line break add to a match (see `assignedTo`). */
const WIDE_REACH = 40 + NAME_REACH;

/** Rule for a context-only value: `<word>…<op> <value>` within a short bounded gap. */
export function contextRule(c: ContextSpec): Rule {
  const word = c.words[0] ?? '';
  // `_` in a word also matches `-`, `.` or nothing: `heroku_api_key` covers `HEROKU-API-KEY` and `herokuApiKey`.
  const context = `(?:${c.words.map((w) => anyCase(w).replace(/_/g, '[_.\\-]?')).join('|')})`;
  return tokenRule({
    id: c.id,
    provider: c.provider,
    description: c.description,
    risk: c.risk,
    severity: 'warning',
    keywords: keywordVariants(c.words),
    // The look-ahead spans the context word and its gap, so `GITHUB_TOKEN` and `X-Auth-Key` qualify. It
    // runs only where the context word starts, so most start positions fail on their first character.
    pattern: new RegExp(
      (c.credentialName ? `(?=${context})(?=[\\w.( \\t-]{0,48}?${CREDENTIAL_WORD})` : '') +
        assignedTo(context, c.value, END_TOKEN),
    ),
    maxLength: 64 + WIDE_REACH + c.valueMax,
    minEntropy: c.minEntropy ?? randomFloor(c.value, c.valueMax, c.valueMax >= 20 ? 3 : 2.6),
    validate: c.validate ?? lettersAndDigits,
    revokeUrl: c.revokeUrl,
    sample: c.make,
    ...(c.lines ? { lines: c.lines } : {}),
    negatives: [
      `${word.toUpperCase()}_API_KEY=your-${word}-api-key`,
      `${word}_api_key = os.environ["${word.toUpperCase()}_API_KEY"]`,
      `${word}_key: \${${word.toUpperCase()}_KEY}`,
      `const ${word}Key = "";`,
      ...(c.negatives ?? []),
    ],
  });
}

/**
 * The default entropy floor of a rule whose secret matches `source` and is up to `length` long:
 * `otherwise`, lowered for hex values (see `hexEntropyFloor`). The engine caps any floor for a value
 * that is all hex; this covers hex bodies behind a prefix (`dapi…`, `bb_ma_…`).
 */
export function randomFloor(source: string, length: number, otherwise: number): number {
  // `[a-f0-9]`, `[0-9A-F]`, `[\d]`: no letter past `f` once `\d` is set aside (`\w` has one).
  const classes = source.match(/\[[^\]]*\]/g) ?? [];
  const hexOnly = classes.length > 0 && classes.every((c) => !/[g-zG-Z]/.test(c.replace(/\\d/g, '')));
  return hexOnly ? Math.min(otherwise, hexEntropyFloor(length)) : otherwise;
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
 * An optional quote around a name or a value, escaped or not: JSON held in a string (a test fixture, a
 * Postman body, `curl -d "{\"password\": \"…\"}"`) writes `\"` where the JSON has `"`.
 */
export const QUOTE = `(?:\\\\?["'\`])?`;

/**
 * Regex source for a value assigned under a name that holds `context` (already a regex source): the
 * name may run on for at most `gap` identifier characters (`HEROKU_API_KEY`), then an assignment
 * operator (`=`, `:`, `=>`, `:=`), optional quotes and spaces, and the value in group `secret`. The short
 * bounded gap is what keeps a context-only rule from pairing a random value with a far-away word.
 */
export function assignedTo(context: string, value: string, end: string, gap = 24): string {
  // `(` in the gap and as an operator covers constructor calls: `cohere.Client(api_key="…")`, `Client("…")`.
  // Every rule also takes, adding at most `WIDE_REACH` to the longest match (provider rules read the same
  // config files as context rules: a Mailgun key in a Maven settings element, a Coinbase secret in a
  // makefile, both missed while only context rules took these):
  // - a Go or Java type between name and `=` (`var lobToken string = "…"`);
  // - make's `?=`, `::=` and `:::=`;
  // - `>` closing an XML element's tag: the element's text, on the tag's line or alone on the next one
  //   (`<algoliaToken>\n    …\n</algoliaToken>`, as Maven and .NET settings files hold keys).
  // - a name of two or three words whose last is a credential word (`okta token = '…'`, `sanity auth
  //   token | …`), with a spaced dash or a table's bar for operator (`mailgun token - '…'`);
  // - a brace that opens an initializer, on the name's line or with the value alone on the next
  //   (`AccountKey{"…"}`, C++ and Go), as the XML element's text above;
  // - a `Bearer` scheme before the value (`auth_token: "Bearer …"`), which names how it is sent;
  // - a quoted name, a comma and a quoted value, as setters and maps take a pair
  //   (`System.setProperty("ASANA_TOKEN", "…")`, `props.put("api_key", "…")`, `getenv("X_KEY", "…")`).
  const typed = `(?:[ \\t]{1,3}[A-Za-z][\\w.]{0,15}[ \\t]{1,3}(?==))?`;
  const words = `(?:[ \\t](?:[A-Za-z]{2,12}[ \\t])?${CREDENTIAL_WORD}[\\w.-]{0,8})?`;
  const more = `|:{2,3}=|\\?=|(?:>(?<=<[\\w.-]{1,64}>)|\\{)(?:\\r?\\n[ \\t]{0,16})?|(?<=[ \\t])-(?=[ \\t])|\\||(?<=["'\`]),(?=[ \\t]{0,3}["'\`])`;
  return (
    `${context}[\\w.(-]{0,${gap}}${words}${QUOTE}${typed}[ \\t]{0,3}(?:=>|:=|=|:|\\(${more})[ \\t]{0,${ALIGN}}${QUOTE}` +
    `(?:[Bb]earer[ \\t]{1,3})?(?<secret>${value})${end}`
  );
}

/**
 * Regex source for a self-identifying value (e.g. `sk-…` hex) that follows `context` on the same line
 * within `gap` characters, for formats whose prefix alone is shared by several providers.
 */
export function near(context: string, value: string, end: string, gap = 40): string {
  return `${context}[^\\n]{0,${gap}}?${START_TOKEN}(?<secret>${value})${end}`;
}

/** Each word, plus its `-`, `.` and joined spellings when it has `_` (the prefilter needs literals). */
function keywordVariants(words: readonly string[]): string[] {
  const out = new Set<string>();
  for (const w of words) {
    out.add(w);
    if (w.includes('_')) {
      for (const sep of ['-', '.', '']) {
        out.add(w.replace(/_/g, sep));
      }
    }
  }
  return [...out];
}

/**
 * Regex source for what runs between `curl` and one of its options: at most 200 characters of the same
 * command, which a shell line continuation (a `\` at a line's end) carries on to the next line, as curl
 * examples are written one option per line.
 */
export const CURL_ARGS = '(?:[^\\r\\n|;&\\\\]|\\\\(?:\\r?\\n)?){0,200}?';

/** Negative lookahead that ends a value drawn from letters, digits, `-` and `_`. */
export const END_TOKEN = '(?![A-Za-z0-9_-])';
/** Negative lookahead that ends an alphanumeric value. */
export const END_ALNUM = '(?![A-Za-z0-9])';
/** Negative lookbehind that starts a token outside a longer run of token characters. */
export const START_TOKEN = '(?<![A-Za-z0-9_-])';

function escapeRegExp(ch: string): string {
  return /[.*+?^${}()|[\]\\/-]/.test(ch) ? `\\${ch}` : ch;
}
