import { createHash } from 'node:crypto';

/** The hash the first record of a log chains to. */
export const GENESIS_HASH = '0'.repeat(64);

/** What one request leaves in the audit log. Never the key, never a secret, never prompt text unless asked. */
export interface AuditEntry {
  readonly time: string;
  readonly kind: 'request' | 'key-leak-response' | 'purge' | 'retention';
  readonly profile: string;
  readonly endpointHost?: string;
  readonly model?: string;
  readonly requestId?: string;
  readonly outcome: string;
  readonly usage?: { readonly prompt: number; readonly completion: number; readonly total: number };
  /** Rule id -> how many values of that rule were redacted. */
  readonly redactions?: Readonly<Record<string, number>>;
  readonly excluded?: readonly string[];
  /** sha256 hex of the exact payload that was sent. */
  readonly payloadSha256?: string;
  /** The redacted prompt, only when the user turned `secureGpt.audit.includePrompts` on. */
  readonly prompt?: string;
  /** Free, scrubbed detail: e.g. where a leaked key's fingerprint was found. */
  readonly detail?: string;
}

/** A record as stored: the entry, its place in the chain, and the hash that seals it. */
export interface AuditRecord extends AuditEntry {
  readonly seq: number;
  readonly prevHash: string;
  readonly hash: string;
}

/** JSON with keys sorted at every level, so the hash does not depend on property order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The hash of a record: sha256 over its canonical JSON without the `hash` field. */
export function recordHash(record: Omit<AuditRecord, 'hash'>): string {
  return createHash('sha256').update(canonicalJson(record), 'utf8').digest('hex');
}

/** Seals `entry` as record `seq` chained to `prevHash`. */
export function sealRecord(entry: AuditEntry, seq: number, prevHash: string): AuditRecord {
  const unsealed = { ...entry, seq, prevHash };
  return { ...unsealed, hash: recordHash(unsealed) };
}
