import type { ChatCompletionCreateParams } from 'openai/resources/chat/completions';

/** The providers of the key-custody profiles. */
export type ProviderKind = 'openai' | 'azure' | 'compatible' | 'dry-run';

/** Token usage as the endpoint reported it. */
export interface TokenUsage {
  readonly prompt: number;
  readonly completion: number;
  readonly total: number;
}

/** What went wrong, in a few words a user can act on. */
export type FailureKind =
  | 'auth'
  | 'forbidden'
  | 'not-found'
  | 'bad-request'
  | 'rate-limit'
  | 'server'
  | 'timeout'
  | 'network'
  | 'cut'
  | 'malformed'
  | 'cancelled'
  | 'endpoint'
  | 'other';

/** A failed or interrupted request. `message` is short and already scrubbed: safe to show and log. */
export interface Failure {
  readonly kind: FailureKind;
  readonly message: string;
  readonly status?: number;
}

/** Why the transport is waiting before a retry, for a "waiting N s" status line. */
export interface WaitNotice {
  /** Seconds the endpoint asked for (`Retry-After`), or undefined when the SDK backs off on its own. */
  readonly seconds: number | undefined;
  readonly status: number;
  /** Retry number about to be made, from 1. */
  readonly attempt: number;
}

/** One chat request as the pipeline hands it to a provider. */
export interface CompletionRequest {
  readonly params: ChatCompletionCreateParams;
  /** `JSON.stringify(params)`: the exact body, as the SDK serializes it. */
  readonly serialized: string;
  readonly signal?: AbortSignal;
  /** Each piece of the answer as it arrives. */
  readonly onDelta?: (text: string) => void;
  readonly onWait?: (notice: WaitNotice) => void;
}

/** The answer, whole or partial. With `failure` set, `text` holds whatever arrived before it. */
export interface CompletionResult {
  readonly text: string;
  readonly usage?: TokenUsage;
  readonly finishReason?: string;
  /** The endpoint's request id (`x-request-id`), for the audit record. */
  readonly requestId?: string;
  /** The model the endpoint says answered (it may resolve an alias, or ignore the one asked for). */
  readonly model?: string;
  readonly failure?: Failure;
}

/** What the moderation endpoint said of a text. */
export interface ModerationVerdict {
  readonly flagged: boolean;
  /** The categories it flagged (`violence`, `self-harm`...). */
  readonly categories: readonly string[];
}

/** A configured endpoint the pipeline sends through. */
export interface Provider {
  readonly kind: ProviderKind;
  /** Host the request goes to (`api.openai.com`), or `dry-run`. */
  readonly endpoint: string;
  /** Sends; never throws for an endpoint failure, which comes back as `failure` with the partial answer. */
  complete(request: CompletionRequest): Promise<CompletionResult>;
  /** The profile's moderation endpoint, where it has one (OpenAI); absent for Azure, compatible, dry run. */
  moderate?(text: string, signal?: AbortSignal): Promise<ModerationVerdict>;
  /**
   * The model ids the endpoint lists (`GET /models`), one attempt, no retries; absent where a listing
   * means nothing (dry run). Throws an already-scrubbed error when the endpoint does not answer.
   */
  listModels?(signal?: AbortSignal): Promise<string[]>;
}

/**
 * The values a provider must never let leave or show (its API key), held off the object: no field,
 * enumeration, `JSON.stringify` or inspection of a provider reaches them, only `secretsOf`, which the
 * pipeline's guard and scrubbers call.
 */
const held = new WeakMap<Provider, readonly string[]>();

/** Registers `secrets` for `provider` (empty values are dropped) and returns it. */
export function holdSecrets<P extends Provider>(provider: P, secrets: readonly string[]): P {
  held.set(
    provider,
    secrets.filter((s) => s.length > 0),
  );
  return provider;
}

/** What `holdSecrets` registered for `provider`; none for a provider that holds no key. */
export function secretsOf(provider: Provider): readonly string[] {
  return held.get(provider) ?? [];
}
