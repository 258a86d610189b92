import type { Rule, Severity } from '../rule';
import { END_TOKEN, START_TOKEN, contextRule, randomFloor, tokenRule } from './ruleKit';

/**
 * A self-identifying token whose prefix is a set of literals or a small alternation (`sm_pat_`,
 * `sm_aat_`), which `prefixedRule` (one literal prefix) does not cover. The body's repetitions must be
 * bounded, as the rule contract asks.
 */
export interface FixedSpec {
  readonly id: string;
  readonly provider: string;
  readonly description: string;
  /** Default: the holder can call the provider's API as the owner. */
  readonly risk?: string;
  readonly severity?: Severity;
  /** Lower-case literals, one of which starts (or sits early in) every match. */
  readonly keywords: readonly string[];
  /** Regex source of the whole token, prefix included; bounded at both ends by the helper. */
  readonly shape: string;
  readonly maxLength: number;
  readonly make: () => string;
  readonly revokeUrl: string;
  readonly minEntropy?: number;
  readonly validate?: (secret: string) => boolean;
  /** The provider issues no other shape under this prefix (see `Rule.exactShape`). */
  readonly exactShape?: boolean;
  /** The part of a match the placeholder checks read (see `Rule.placeholderPart`). */
  readonly placeholderPart?: (secret: string) => string;
  readonly negatives?: readonly string[];
  /** Characters that may not follow the token (default: letters, digits, `_` and `-`). */
  readonly end?: string;
  /** Lines for the positives when the default ones (named after the id) do not fit. */
  readonly lines?: (secret: string) => readonly string[];
}

/** Rule for a fixed-prefix token: error severity unless told, bounded at both ends, generic near misses. */
export function fixedRule(s: FixedSpec): Rule {
  const shown = s.keywords[0] ?? s.id;
  return tokenRule({
    id: s.id,
    provider: s.provider,
    description: s.description,
    risk: s.risk ?? `anyone with this file can call the ${s.provider} API as your account`,
    ...(s.severity ? { severity: s.severity } : {}),
    keywords: s.keywords,
    pattern: new RegExp(`${START_TOKEN}${s.shape}${s.end ?? END_TOKEN}`),
    maxLength: s.maxLength,
    minEntropy: s.minEntropy ?? randomFloor(s.shape, s.maxLength, 3.3),
    ...(s.validate ? { validate: s.validate } : {}),
    ...(s.exactShape ? { exactShape: true } : {}),
    ...(s.placeholderPart ? { placeholderPart: s.placeholderPart } : {}),
    revokeUrl: s.revokeUrl,
    sample: s.make,
    ...(s.lines ? { lines: s.lines } : {}),
    negatives: [
      `${shown}...`,
      `${shown}XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX`,
      `${shown}0123abcd`,
      `${s.id.toUpperCase().replace(/-/g, '_')}=<${shown}your-key>`,
      ...(s.negatives ?? []),
    ],
  });
}

/** True when the value has upper case, lower case and digits, as generated mixed-case keys do. */
export function mixedCase(value: string): boolean {
  return /[A-Z]/.test(value) && /[a-z]/.test(value) && /[0-9]/.test(value);
}

/**
 * Digits and letters, in any case: a random 16-character base62 value has no lower-case letter one
 * time in 6,000, so requiring both cases drops real tokens; identifiers rarely carry digits.
 */
export function lettersWithDigits(value: string): boolean {
  return /[A-Za-z]/.test(value) && /[0-9]/.test(value);
}

/** The fields of a context rule that vary most; `keyed` fills the rest. */
export interface KeyedSpec {
  readonly id: string;
  readonly provider: string;
  readonly description: string;
  readonly words: readonly string[];
  readonly value: string;
  readonly valueMax: number;
  readonly make: () => string;
  readonly revokeUrl: string;
  readonly risk?: string;
  /** Default true: the value's shape alone (hex, UUID, plain alphanumerics) says nothing. */
  readonly credentialName?: boolean;
  readonly minEntropy?: number;
  readonly validate?: (secret: string) => boolean;
  /** The provider's keys have `value`'s shape only (see `Rule.namedShape`). */
  readonly exactShape?: boolean;
  readonly negatives?: readonly string[];
  readonly lines?: (secret: string) => readonly string[];
}

/** A context-only (warning) rule: a provider word and a credential word name the value. */
export function keyed(k: KeyedSpec): Rule {
  const rule = contextRule({
    id: k.id,
    provider: k.provider,
    description: k.description,
    risk: k.risk ?? `anyone with this file can call the ${k.provider} API as your account`,
    words: k.words,
    value: k.value,
    valueMax: k.valueMax,
    make: k.make,
    revokeUrl: k.revokeUrl,
    ...(k.credentialName === false ? {} : { credentialName: true }),
    ...(k.minEntropy !== undefined ? { minEntropy: k.minEntropy } : {}),
    ...(k.validate ? { validate: k.validate } : {}),
    ...(k.negatives ? { negatives: k.negatives } : {}),
    ...(k.lines ? { lines: k.lines } : {}),
  });
  return k.exactShape
    ? { ...rule, namedShape: { words: k.words, value: new RegExp(`^(?:${k.value})$`) } }
    : rule;
}
