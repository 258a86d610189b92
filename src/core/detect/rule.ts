/** Severity of a finding: `error` for a provider-specific live format, `warning` for generic heuristics. */
export type Severity = 'error' | 'warning';

/** A value a `finder` rule located, and the provider it belongs to. */
export interface FoundValue {
  readonly start: number;
  readonly end: number;
  readonly provider: string;
}

/** Cases that live beside each rule: generated positives (no real-looking key is stored) and fixed negatives. */
export interface RuleTests {
  /** Each call returns fresh texts, built at test time from the rule's own shape, that must each yield one finding of this rule. */
  readonly positives: () => readonly string[];
  /** Texts that must yield no finding of this rule: placeholders, near misses, look-alikes. */
  readonly negatives: readonly string[];
}

/**
 * One detection rule. Its `id` is public and stable: users write it in ignore comments and settings.
 *
 * Contract for `pattern` (the engine relies on it for linear time):
 * - no nested or overlapping unbounded quantifiers; every repetition of the secret body is bounded (`{20,64}`);
 * - the match contains one of `keywords` (case-insensitively), starting at most 64 characters before it;
 * - a named group `secret` holds the secret when the match carries context around it (`password = "…"`);
 *   without it the whole match is the secret;
 * - flags other than `i`, `m` and `s` are ignored: the engine adds its own.
 */
export interface Rule {
  readonly id: string;
  /** Provider shown to users, e.g. "GitHub". */
  readonly provider: string;
  /** What the secret is, e.g. "GitHub personal access token". */
  readonly description: string;
  /** What someone holding it can do, e.g. "anyone with this file can act as you on GitHub". */
  readonly risk: string;
  readonly severity: Severity;
  /** Lower-case literals; a text with none of them is never run through `pattern`. */
  readonly keywords: readonly string[];
  readonly pattern: RegExp;
  /** Longest match the pattern can produce, in characters (default 512). Bounds the engine's window. */
  readonly maxLength?: number;
  /**
   * Characters one of which every match holds or is directly followed by (at most two characters on),
   * unless the text ends there: the closing quote, blank or line end that ends its value. The engine then
   * skips an attempt that has none of them within `maxLength` + 2 of its start (a 1 MB `password=password=…`
   * line), an attempt the pattern would fail anyway. Leave it unset unless the pattern guarantees it.
   */
  readonly endsBefore?: string;
  /** Minimum Shannon entropy, in bits per character, of the secret. */
  readonly minEntropy?: number;
  /** Structure or checksum check on the secret; false drops the candidate. */
  readonly validate?: (secret: string) => boolean;
  /**
   * A check that also reads the text before the secret (which starts at `start`), for a value whose
   * structure alone does not settle it; false drops the candidate. It must read a bounded stretch.
   */
  readonly inContext?: (text: string, start: number, secret: string) => boolean;
  /**
   * A run every match of `pattern` holds: `length` or more characters of `chars` (a one-character ASCII
   * class) in a row. A whole-text scan skips the rule when the text holds none (see `classRun`).
   */
  readonly needsRun?: { readonly chars: RegExp; readonly length: number };
  /**
   * For a pattern every match of which starts at a keyword: a cheap test, before each attempt at a keyword
   * at `at`, that must hold wherever the pattern matches; false skips the attempt.
   */
  readonly mayStartAt?: (text: string, at: number) => boolean;
  /**
   * `checksum` when `validate` checks a checksum that a person typing a placeholder cannot hit by chance:
   * the value is then never dismissed for its wording (a random body can hold `Mock` or `TODO`).
   * `drawn` when `validate` checks that the value is a draw of a generator's alphabet full of marks (a
   * Django or WordPress key): only a template that is the whole value, or a placeholder word, dismisses
   * it, since such a draw holds `<…>`, `$(…)` or `***` by chance.
   */
  readonly proof?: 'checksum' | 'drawn';
  /**
   * The part of a match that the placeholder checks read, where the match holds more than the secret: a
   * webhook URL's token, not the channel id before it, which documentation writes as `123456789012345678`
   * while the token it pastes beside it is live. Default: the whole match.
   */
  readonly placeholderPart?: (secret: string) => string;
  /**
   * True when a UUID is a shape this rule expects, as a pattern that spells one out (`{8}-…{12}`) says on
   * its own. The engine otherwise drops a UUID as an identifier.
   */
  readonly expectsUuid?: boolean;
  /**
   * Whether the syntax makes the value a literal, whatever its shape: always (true: a command-line flag's
   * argument, `psexec … -p VALUE`, which the shell passes as written), or where a check of the text before
   * the value (which starts at `start`) says so (a string compared with a credential name, `secret != "…"`;
   * a dotenv value). A value that reads as a code name there (`dev_admin`, `db-pass.1`) is still a literal,
   * and the generic rules' identifier reading does not drop it. The check must read a bounded stretch.
   */
  readonly literalSyntax?: boolean | ((text: string, start: number) => boolean);
  /**
   * True when the provider issues only the shape `pattern` spells (one length or range, one alphabet), as
   * its documentation and every peer's rule for it agree. A value under one of this rule's prefixes that
   * the pattern does not take whole is then a look-alike (a near miss, a test value), and a context rule
   * that would report it defers (prefixLookAlike.ts). Leave it unset where the peers test sibling formats
   * under the same prefix: those stay the context rules' findings.
   */
  readonly exactShape?: boolean;
  /**
   * For a rule keyed on a provider word whose keys have one shape only: the words, and the whole value's
   * shape. A value assigned to that provider's key name (`meraki_api_key = …`) that does not have this
   * shape is a look-alike, and a context rule that would report it defers (prefixLookAlike.ts). `value`
   * is a function where the shape depends on the word (one rule for many services: `service-api-key`).
   */
  readonly namedShape?: {
    readonly words: readonly string[];
    readonly value: RegExp | ((value: string, word: string) => boolean);
  };
  /**
   * Whether the value at `start` is named as this rule's provider's and that provider issues nothing like
   * it. Named: by provider words read shortly before it, as the rule's own matches are (`service-api-key`:
   * no shape of the named services takes it, at a length near theirs), or by the provider's own tag in
   * the value (New Relic's `-NRMA`). The value is then not that provider's key: a context rule that
   * would report it defers (prefixLookAlike.ts), and the redact tier still hides it.
   */
  readonly refutesNamed?: (text: string, start: number, value: string) => boolean;
  /**
   * A rule driven by data rather than by `pattern`: the engine calls it over the scanned range instead
   * of running the pattern around keywords (the rule then lists no keywords). It must be linear in the
   * range. Each value it returns names its provider, which the finding shows in place of the rule's.
   * `wordRuns`, when the rule lists `finderWords`, holds the prefilter's runs of their hits (flattened
   * `[first, last, …]`, ascending; see `findKeywordHits`): every occurrence of a word lies in one, and a
   * finder called without them must search for the words itself.
   */
  readonly finder?: (
    text: string,
    from: number,
    to: number,
    wordRuns?: readonly number[],
  ) => readonly FoundValue[];
  /**
   * Words (letters and digits) whose occurrences `finder` needs: the prefilter finds them in its one pass,
   * so the finder need not read the whole text for them. They do not decide whether the rule runs.
   */
  readonly finderWords?: readonly string[];
  /** Where the owner revokes or rotates this kind of key (incident response). */
  readonly revokeUrl?: string;
  readonly tests: RuleTests;
}
