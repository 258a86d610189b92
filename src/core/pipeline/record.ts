import type { FailureKind, ProviderKind, TokenUsage } from '../openai/provider';

/** How a request ended. */
export type RecordOutcome = 'ok' | 'failed' | 'cancelled' | 'blocked' | 'dry-run';

/**
 * What one request leaves for the audit log (issue 6). It holds counts, ids, paths and hashes, never a
 * secret value, never prompt or answer text. Every string in it is fixed by this code or scrubbed.
 */
export interface RequestRecord {
  readonly version: 1;
  /** ISO time the request was prepared. */
  readonly time: string;
  readonly requestId: string;
  readonly conversationId: string;
  readonly provider: ProviderKind;
  /** Host the request went (or would have gone) to. */
  readonly endpoint: string;
  readonly model: string;
  readonly policy: string;
  readonly outcome: RecordOutcome;
  /** Why it failed or was blocked: scrubbed. */
  readonly failure?: {
    readonly kind: FailureKind | 'policy' | 'guard' | 'refused';
    readonly message: string;
  };
  /** Redactions per rule id, for this request's new content. */
  readonly redactions: Readonly<Record<string, number>>;
  /** Files left out, with the glob that matched. */
  readonly excluded: ReadonlyArray<{ readonly path: string; readonly glob: string }>;
  readonly usage?: TokenUsage;
  /** sha256 of the exact serialized body that was sent (or would have been). */
  readonly payloadSha256?: string;
  readonly payloadBytes?: number;
  /** The endpoint's request id, when it gave one. */
  readonly endpointRequestId?: string;
  readonly durationMs: number;
}
