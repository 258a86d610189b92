import { findKnownSpans } from '../known/knownSpans';
import type { KnownKind, KnownValue } from './knownValues';
import { anyStandsIn, MIN_PROPAGATED_LENGTH } from './standing';

/** What the final check found: the kinds of value still present, never the values. */
export interface GuardVerdict {
  readonly ok: boolean;
  /** Kinds of the known values found in the payload (`api-key`, `env-value`, or `detected`). */
  readonly leaked: ReadonlyArray<KnownKind | 'detected'>;
}

/**
 * The last check before anything leaves: the exact serialized payload must not hold any known value,
 * nor any secret this conversation has already redacted (one under eight characters where it stands as a
 * word, as redaction hides it: see `standing.ts`). It looks for each value raw and as JSON
 * escapes it, since the payload is JSON; and, in each string of the payload, for known values split by
 * concatenation or a line wrap or inside a `Basic` credential. Encoded copies are known values themselves
 * (see `normalizeKnownValues`).
 */
export function guardPayload(
  serialized: string,
  known: readonly KnownValue[],
  redacted: Iterable<string>,
): GuardVerdict {
  const leaked = new Set<KnownKind | 'detected'>();
  for (const { kind, value } of known) {
    if (present(serialized, value)) {
      leaked.add(kind);
    }
  }
  const strings = payloadStrings(serialized);
  for (const text of strings) {
    for (const span of findKnownSpans(text, known)) {
      leaked.add(span.kind);
    }
  }
  // Every value redacted so far, read together (thousands after a text of thousands of tokens). A long one
  // counts anywhere in the payload, raw or as JSON escapes it; a short one where it stands as a word in one of
  // its strings: inside a longer identifier it is not the value.
  const long: string[] = [];
  const short: string[] = [];
  for (const value of redacted) {
    if (value.length >= MIN_PROPAGATED_LENGTH) {
      const escaped = JSON.stringify(value).slice(1, -1);
      long.push(value, ...(escaped !== value ? [escaped] : []));
    } else {
      short.push(value);
    }
  }
  if (
    anyStandsIn(serialized, long) ||
    (short.length > 0 && strings.some((text) => anyStandsIn(text, short)))
  ) {
    leaked.add('detected');
  }
  return { ok: leaked.size === 0, leaked: [...leaked] };
}

function present(serialized: string, value: string): boolean {
  if (serialized.includes(value)) {
    return true;
  }
  const escaped = JSON.stringify(value).slice(1, -1);
  return escaped !== value && serialized.includes(escaped);
}

/** The strings of a JSON payload, decoded: where a split value reads across a real line break. */
function payloadStrings(serialized: string): string[] {
  const out: string[] = [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(serialized);
  } catch {
    return [serialized]; // not JSON: check it as text
  }
  const stack: unknown[] = [parsed];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (typeof next === 'string') {
      out.push(next);
    } else if (Array.isArray(next)) {
      stack.push(...(next as unknown[]));
    } else if (next !== null && typeof next === 'object') {
      stack.push(...Object.values(next as Record<string, unknown>));
    }
  }
  return out;
}
