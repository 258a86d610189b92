import type { KnownKind, KnownValue } from './knownValues';

/** What the final check found: the kinds of value still present, never the values. */
export interface GuardVerdict {
  readonly ok: boolean;
  /** Kinds of the known values found in the payload (`api-key`, `env-value`, or `detected`). */
  readonly leaked: ReadonlyArray<KnownKind | 'detected'>;
}

/**
 * The last check before anything leaves: the exact serialized payload must not hold any known value,
 * nor any secret this conversation has already redacted. It looks for each value raw and as JSON
 * escapes it, since the payload is JSON.
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
  for (const value of redacted) {
    if (present(serialized, value)) {
      leaked.add('detected');
    }
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
