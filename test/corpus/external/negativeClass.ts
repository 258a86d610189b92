import type { Source } from './externalCorpus';

/**
 * Why a peer refuses one of its hard negatives, read only from the peer's own words for the case (the
 * extractors store them as `case`: trufflehog's `name:`, a detect-secrets tuple's comment, secretlint's
 * snapshot directory). Gitleaks' false-positive lists name no case, so their negatives are `other`.
 *
 * - `context`: the peer says the value itself is a credential, or a valid one, and refuses it for what
 *   is around it ("valid pattern - key out of prefix range", "only id", "Double quotes required",
 *   secretlint's `ng.` snapshots silenced by a disable comment or an `allows` option). A recall-first
 *   redactor should hide these.
 * - `nearMiss`: the peer says the value is a malformed credential ("invalid pattern", "too short",
 *   "uppercase characters", "wrong prefix"). Hiding a random value one character off a format is the
 *   redact tier's job too; these cost over-redaction by design.
 * - `other`: the rest: the peer says there is no credential ("not found", "without token", a placeholder,
 *   "false positive - java class name"), or names no reason. Hiding text here is what to reduce.
 */
export type NegativeClass = 'context' | 'nearMiss' | 'other';

export const NEGATIVE_CLASSES: readonly NegativeClass[] = ['context', 'nearMiss', 'other'];

// The peer says no credential is there at all.
const ABSENT = /\bnot found\b|\bwithout (?:a |the )?(?:token|key|secret)\b|\bno (?:secret|results?)\b/;

// The peer says the value is fine (or a credential of another kind) and something around it is not.
const CONTEXT = [
  /\bout of (?:prefix )?range\b/, // the keyword is too far from the value
  /\bkeyword is not close\b|\b(?:no|without) keyword\b/,
  /\bonly [a-z][a-z_]*\b/, // one part of a set given alone ("only id", "only role_id"), not "keyword only"
  /\bmissing\b|\bincomplete set\b/, // the value's companion part is absent
  /\blegacy format\b|\bregular \w+ key\b|\bis not \w+$/, // a credential of another kind or generation
  /\bquotes? required\b|\bnon quoted\b|\bwithout quotes\b|\bdoes not match single quote\b/, // quoting
];

// The peer names a defect of the value's own format.
const NEAR_MISS =
  /\btoo (?:short|long)\b|\blength\b|\b\d+ char(?:acter)?s\b|\b(?:upper|lower) ?case\b|\bcharacters?\b|\bprefix\b|\bseparator\b|\bformat\b|\bsegments?\b|\bjson\b|\bnot a jwt\b|\bnot part of the token\b/;

// `invald` is trufflehog's own spelling in one test.
const INVALID = /\binvali?d\b/;

/** The peer's words, lower-cased, with `_ . -` read as spaces (`invalid_secret_format`, `ok.too_short`). */
function wordsOf(name: string): string {
  return name
    .toLowerCase()
    .replace(/[_.\-/]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The class of a hard negative, from its source and the peer's name for the case (absent: `other`). */
export function classifyNegative(source: Source, name: string | undefined): NegativeClass {
  if (name === undefined || name.trim() === '') {
    return 'other';
  }
  if (source === 'secretlint') {
    // Snapshot names: `ng.*` is a case holding a finding (a negative only when a comment or option
    // silences it), `ok.*` an input with none, `placeholder-*` a private key's stand-in.
    if (/^ng\./.test(name) || /\b(?:allows|disable|ignore)/.test(name)) {
      return 'context';
    }
    return NEAR_MISS.test(wordsOf(name.replace(/^ok\./, ''))) ? 'nearMiss' : 'other';
  }
  const words = wordsOf(name);
  if (ABSENT.test(words)) {
    return 'other';
  }
  if (CONTEXT.some((re) => re.test(words))) {
    return 'context';
  }
  if (NEAR_MISS.test(words) || INVALID.test(words)) {
    return 'nearMiss';
  }
  // Trufflehog names its cases "valid pattern - …", "typical pattern", "HS256/valid": the value is one
  // the detector's format accepts. Other peers' comments use "valid" for inputs, not values.
  if (source === 'trufflehog' && /^(?:valid|typical) pattern\b|\bvalid$/.test(words)) {
    return 'context';
  }
  return 'other';
}
