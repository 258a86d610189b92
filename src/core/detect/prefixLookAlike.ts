import type { Rule } from './rule';
import { lineStart } from './lineBounds';

// A value that opens with a provider's fixed prefix (`ghp_`, `glpat-`) claims to be that provider's
// token, and the provider's rule is the authority on it. When that rule takes the whole value and then
// turns it down on its structure or checksum (a GitHub CRC that fails, `glpat-` before an OAuth secret's
// 64 hex digits), the value is a look-alike: a test value, a peer's near miss, a typo. A context rule
// (`token = …`, `Bearer …`) that would report it anyway says what the provider's rule has ruled out, so
// at the report tier it defers. The redact tier still hides the value (recall/lookAlikes.ts).
// A value the provider's pattern does not take at all (another length, a sibling format under the same
// prefix) stays the context rule's: the peers publish too many of those as live keys to call them tests.
// The exception is a provider whose rule says `exactShape`: it issues one shape only, so a value of
// another length or alphabet under its prefix is a look-alike too. (Deferring for every prefix cost 22
// positives for 5.5 false positives on the external corpus; the opt-in keeps the wins without them.)

/** A keyword shaped like a token prefix: letters first, parts joined by `_`, `-` or `.`, ending in one. */
const PREFIX_SHAPE = /^[a-z][a-z0-9]*(?:[_.-][a-z0-9]+)*[_.-]$/;
/** Prefixes that are also words or too short to claim a provider (`secret_…` may be anyone's value). */
const WORDS: ReadonlySet<string> = new Set(['secret_', 'api-', 'sdk-', 'pat.', 'sat.', 'ico-']);
/** At least this long: `sk-` and the like open too many unrelated values. */
const MIN_PREFIX = 4;
/**
 * A prefix with no separator claims a value only for a one-shape owner, and only this long: five fixed
 * letters (`cmVmd`) open a random value about once in 60^5.
 */
const BARE_PREFIX = /^[a-z0-9]{5,}$/;

/** The prefixes of a rule set and the rules that own each. */
export interface ProviderPrefixes {
  /** Lower-cased prefixes, longest first, so that `sk-ant-api03-` is tried before a shorter owner. */
  readonly prefixes: readonly string[];
  readonly owners: ReadonlyMap<string, ReadonlySet<Rule>>;
  /** Prefixes that are words (`pat.`), and their one-shape owners: they claim a value only by name. */
  readonly words: ReadonlyMap<string, readonly Rule[]>;
  /** Prefixes of letters and digits only (`cmVmd`, base64 of `reftkn`), of one-shape owners. */
  readonly bare: ReadonlyMap<string, readonly Rule[]>;
}

const cache = new WeakMap<readonly Rule[], ProviderPrefixes>();

/** The provider prefixes of `rules`, read from their keywords (so a new prefixed rule adds its own). */
export function providerPrefixes(rules: readonly Rule[]): ProviderPrefixes {
  let found = cache.get(rules);
  if (!found) {
    const owners = new Map<string, Set<Rule>>();
    const words = new Map<string, Rule[]>();
    const bare = new Map<string, Rule[]>();
    for (const rule of rules) {
      for (const k of rule.keywords) {
        const p = k.toLowerCase();
        if (p.length >= MIN_PREFIX && PREFIX_SHAPE.test(p) && !WORDS.has(p)) {
          owners.set(p, (owners.get(p) ?? new Set()).add(rule));
        } else if (WORDS.has(p) && rule.exactShape) {
          words.set(p, [...(words.get(p) ?? []), rule]);
        } else if (BARE_PREFIX.test(p) && rule.exactShape) {
          bare.set(p, [...(bare.get(p) ?? []), rule]);
        }
      }
    }
    found = { prefixes: [...owners.keys()].sort((a, b) => b.length - a.length), owners, words, bare };
    cache.set(rules, found);
  }
  return found;
}

/** How far before a value, on its line, a word prefix's provider is looked for by name. */
const PROVIDER_WINDOW = 40;

/**
 * Whether `rule`, a context rule (severity `warning`), should leave `secret` to the provider whose prefix
 * it opens with. The owner itself never defers to its own prefix. A prefix that is also a word (`pat.`)
 * claims the value only where its one-shape owner is named on the line before it (`harness token = 'pat.…'`).
 */
export function defersToProvider(
  known: ProviderPrefixes,
  rule: Rule,
  secret: string,
  text = '',
  start = 0,
): boolean {
  if (rule.severity !== 'warning' || secret.length < MIN_PREFIX) {
    return false;
  }
  for (const [p, owners] of known.bare) {
    if (secret.slice(0, p.length).toLowerCase() === p) {
      return owners.some((o) => o !== rule && refutes(o, secret));
    }
  }
  const head = secret.slice(0, known.prefixes[0]?.length ?? 0).toLowerCase();
  if (!/[_.-]/.test(head)) {
    return false;
  }
  for (const [p, owners] of known.words) {
    if (head.startsWith(p)) {
      // Read back a bounded window only, then cut it at its line start: a long line costs no more.
      const window = text.slice(Math.max(0, start - PROVIDER_WINDOW), start).toLowerCase();
      const before = window.slice(window.lastIndexOf('\n') + 1);
      return owners.some(
        (o) => o !== rule && before.includes(o.provider.toLowerCase()) && refutes(o, secret),
      );
    }
  }
  for (const p of known.prefixes) {
    if (head.startsWith(p)) {
      const owners = known.owners.get(p)!;
      return !owners.has(rule) && [...owners].some((o) => refutes(o, secret));
    }
  }
  return false;
}

/** Owners' patterns, compiled once for `refutes`. */
const whole = new WeakMap<Rule, RegExp>();

/**
 * The owner's pattern takes the whole value and its structure or checksum check turns it down, or the
 * owner issues one shape only and the pattern does not take the whole value.
 */
function refutes(owner: Rule, secret: string): boolean {
  if (!owner.validate && !owner.exactShape) {
    return false;
  }
  let re = whole.get(owner);
  if (!re) {
    re = new RegExp(owner.pattern.source, owner.pattern.flags.replace(/[gy]/g, ''));
    whole.set(owner, re);
  }
  const m = re.exec(secret);
  const found = m?.groups?.['secret'] ?? m?.[0];
  if (found !== secret) {
    return owner.exactShape === true;
  }
  return owner.validate !== undefined && !owner.validate(secret);
}

// The same holds for a provider known by name rather than prefix, when its keys have one shape only
// (`Rule.namedShape`): a value assigned to that provider's key name (`meraki_api_key`, `MERAKI_TOKEN`)
// in another shape (another length, mixed-case hex) is a near miss, which a context rule leaves to the
// redact tier. Only the provider's key or token name counts: `meraki_webhook_secret` may hold anything.

/** Provider words of the rules that declare a `namedShape`, and the rules that own each. */
const namedCache = new WeakMap<readonly Rule[], ReadonlyMap<string, readonly Rule[]>>();

function namedProviders(rules: readonly Rule[]): ReadonlyMap<string, readonly Rule[]> {
  let found = namedCache.get(rules);
  if (!found) {
    const owners = new Map<string, Rule[]>();
    for (const rule of rules) {
      for (const w of rule.namedShape?.words ?? []) {
        const key = w.toLowerCase().replace(/[.-]/g, '_');
        owners.set(key, [...(owners.get(key) ?? []), rule]);
      }
    }
    found = owners;
    namedCache.set(rules, found);
  }
  return found;
}

/** The rules that say `refutesNamed`. */
const refuterCache = new WeakMap<readonly Rule[], readonly Rule[]>();

function refuters(rules: readonly Rule[]): readonly Rule[] {
  let found = refuterCache.get(rules);
  if (!found) {
    found = rules.filter((r) => r.refutesNamed !== undefined);
    refuterCache.set(rules, found);
  }
  return found;
}

/** How far before a value its assigned name is looked for. */
const NAME_WINDOW = 64;
/** The name a value is assigned to, at the end of the text before it: `name = "`, `name: `, `name := '`. */
const ASSIGNED_NAME = /([A-Za-z][A-Za-z0-9_.-]{0,48})["']?[ \t]{0,4}(?::=|=>|[:=])[ \t]{0,4}["'`]?$/;
/**
 * A provider's key name: the word, then `key` or `token`, optionally after `api`. The word may join parts
 * with `_`, `-` or `.` (`aws_secret_access` of `AWS_SECRET_ACCESS_KEY`); it is looked up whole, joined
 * by `_`, so `my_meraki_api_key` names no provider.
 */
const KEY_NAME = /^([a-z0-9](?:[a-z0-9]|[_.-](?=[a-z0-9])){0,39}?)[_.-]?(?:api[_.-]?)?(?:key|token)$/;

/** Whether `owner`'s one shape takes `secret` as assigned to `word`. */
function fitsNamedShape(owner: Rule, word: string, secret: string): boolean {
  const shape = owner.namedShape!.value;
  return typeof shape === 'function' ? shape(secret, word) : shape.test(secret);
}

/**
 * Whether `rule`, a context rule, should leave the value at `start` to a provider whose key name it is
 * assigned to and whose one shape it does not have.
 */
export function defersToNamedProvider(
  rules: readonly Rule[],
  rule: Rule,
  text: string,
  start: number,
  secret: string,
): boolean {
  if (rule.severity !== 'warning' || rule.namedShape) {
    return false;
  }
  if (refuters(rules).some((r) => r.refutesNamed!(text, start, secret))) {
    return true;
  }
  const named = namedProviders(rules);
  if (named.size === 0) {
    return false;
  }
  // Bounded: a whole line read back from each value of one long line of them costs its square.
  const before = text.slice(lineStart(text, start, NAME_WINDOW), start);
  const name = ASSIGNED_NAME.exec(before)?.[1]?.toLowerCase();
  const word = name === undefined ? undefined : KEY_NAME.exec(name)?.[1]?.replace(/[.-]/g, '_');
  const owners = word === undefined ? undefined : named.get(word);
  return owners !== undefined && owners.every((o) => !fitsNamedShape(o, word!, secret));
}
