import { randomUUID } from 'node:crypto';
import type { Logger } from '../log';
import { silentLogger } from '../log';
import type { Failure, Provider, ProviderKind, TokenUsage, WaitNotice } from '../openai/provider';
import { secretsOf } from '../openai/provider';
import { Scrubber } from '../scrub';
import type { AnswerSecret } from './answerScrubber';
import { AnswerScrubber } from './answerScrubber';
import type { Conversation } from './conversation';
import type {
  BlockedRequest,
  Decision,
  DecisionRequest,
  PipelineInput,
  PipelineSettings,
  Prepared,
  ReadyRequest,
} from './prepare';
import { prepareRequest, redactUnsent } from './prepare';
import type { RecordOutcome, RequestRecord } from './record';
import { countByRule } from './redact';

/** What `beforeSend` sees: enough to apply rate limits and budgets, nothing secret. */
export interface BeforeSendContext {
  readonly provider: ProviderKind;
  readonly endpoint: string;
  readonly model: string;
  /** Rough prompt size in tokens (a quarter of the body's characters), for a token bucket. */
  readonly estimatedTokens: number;
  /** The redacted user message as it will be sent (input moderation checks it). */
  readonly userMessage: string;
  /** The provider, for its moderation endpoint. */
  readonly moderate: Provider['moderate'];
  readonly signal?: AbortSignal;
  /** Shows a status line ("queued: 3 requests ahead"). */
  readonly onStatus: (text: string) => void;
}

/** Thrown by a `beforeSend` hook to refuse a request (a budget cap); its message is shown as is. */
export class SendRefusedError extends Error {
  override readonly name = 'SendRefusedError';
}

/** What `checkAnswer` sees: the provider's moderation endpoint and the request's signal and status line. */
export interface AnswerCheckContext {
  readonly moderate: Provider['moderate'];
  readonly signal?: AbortSignal;
  readonly onStatus: (text: string) => void;
}

/** Seams for the security controls of issue 6. */
export interface PipelineHooks {
  /** Runs just before sending: may wait (a rate limit), or throw `SendRefusedError` (a budget). */
  readonly beforeSend?: (context: BeforeSendContext) => Promise<void>;
  /**
   * Output moderation. When set, the answer is held back from `onDelta` until this has seen it whole;
   * it resolves to the flagged categories (the answer then never reaches `onDelta`), or undefined.
   */
  readonly checkAnswer?: (
    answer: string,
    context: AnswerCheckContext,
  ) => Promise<readonly string[] | undefined>;
  /**
   * Receives every request's record, sent or not (the audit log), with the redacted user message when
   * the request got as far as being prepared.
   */
  readonly onRecord?: (record: RequestRecord, userMessage?: string) => void | Promise<void>;
  readonly logger?: Logger;
}

/** Per-request callbacks of the caller (chat panel, palette action, CLI). */
export interface RunCallbacks {
  readonly signal?: AbortSignal;
  readonly onDelta?: (text: string) => void;
  /** Transient status: "waiting 2 s (rate limited, 429)". */
  readonly onStatus?: (text: string) => void;
  /** Called once the request is prepared, with what will leave (the "sent" disclosure). */
  readonly onPrepared?: (ready: ReadyRequest) => void;
  /** Resolves an `ask`; without it an `ask` is cancelled. */
  readonly decide?: (request: DecisionRequest) => Promise<Decision>;
}

/**
 * How a run ended, for the caller to show. `text` carries placeholders, never restored values, and the
 * key, known values and the conversation's secrets are masked in it (and in every `onDelta` piece).
 */
export interface RunResult {
  readonly outcome: RecordOutcome;
  readonly text: string;
  /** Why it failed or was blocked; scrubbed. */
  readonly message?: string;
  readonly failure?: Failure;
  readonly usage?: TokenUsage;
  /** Output moderation flagged the answer: its categories. `text` still holds it; `onDelta` never saw it. */
  readonly flagged?: readonly string[];
  readonly prepared: ReadyRequest | BlockedRequest;
  readonly record: RequestRecord;
}

/**
 * The one outgoing pipeline the chat panel, the palette actions and the CLI share: collect, exclude,
 * redact, policy, send, restore (through the conversation), record.
 */
export class Pipeline {
  private readonly logger: Logger;

  constructor(
    readonly settings: PipelineSettings,
    private readonly hooks: PipelineHooks = {},
  ) {
    this.logger = hooks.logger ?? silentLogger;
  }

  /** Prepares without sending: the "Preview Outgoing Request" view uses it as is. */
  prepare(conversation: Conversation, input: PipelineInput, provider: Provider): Prepared {
    return prepareRequest(conversation, input, this.settings, secretsOf(provider));
  }

  /** Prepares, resolves an `ask`, sends and records. Never throws for a failed request. */
  async run(
    conversation: Conversation,
    input: PipelineInput,
    provider: Provider,
    callbacks: RunCallbacks = {},
  ): Promise<RunResult> {
    const started = Date.now();
    let prepared = this.prepare(conversation, input, provider);
    if (prepared.kind === 'ask') {
      const decision = callbacks.decide ? await callbacks.decide(prepared) : { action: 'cancel' as const };
      prepared = prepared.resolve(decision);
    }
    if (prepared.kind === 'blocked') {
      const record = this.record(conversation, provider, prepared, started, 'blocked', {
        failure: { kind: prepared.reason === 'guard' ? 'guard' : 'policy', message: prepared.message },
      });
      await this.emit(record);
      return { outcome: 'blocked', text: '', message: prepared.message, prepared, record };
    }
    return this.send(conversation, prepared, provider, callbacks, started);
  }

  /** Sends a ready request, keeps the answer in the history on success, and records the outcome. */
  async send(
    conversation: Conversation,
    ready: ReadyRequest,
    provider: Provider,
    callbacks: RunCallbacks = {},
    started = Date.now(),
  ): Promise<RunResult> {
    const onStatus = callbacks.onStatus ?? (() => undefined);
    callbacks.onPrepared?.(ready);
    const scrubber = new Scrubber(secretsOf(provider).map((value) => ({ value, label: 'api-key' })));
    try {
      await this.hooks.beforeSend?.({
        provider: provider.kind,
        endpoint: provider.endpoint,
        model: ready.model,
        estimatedTokens: Math.ceil(ready.serialized.length / 4),
        userMessage: ready.userMessage,
        moderate: provider.moderate?.bind(provider),
        ...(callbacks.signal ? { signal: callbacks.signal } : {}),
        onStatus,
      });
    } catch (error) {
      const message = scrubber.scrubError(error);
      const cancelled = callbacks.signal?.aborted === true;
      const record = this.record(
        conversation,
        provider,
        ready,
        started,
        cancelled ? 'cancelled' : 'blocked',
        {
          failure: { kind: cancelled ? 'cancelled' : 'refused', message },
        },
      );
      await this.emit(record, ready.userMessage);
      return { outcome: record.outcome, text: '', message, prepared: ready, record };
    }
    // Issue 10: an upstream may put the key (or a value we redacted) in its answer; nothing shows it.
    const answer = new AnswerScrubber(answerSecrets(provider, this.settings, conversation));
    const onDelta = callbacks.onDelta;
    const check = this.hooks.checkAnswer;
    const show = (text: string): void => {
      if (text.length > 0) {
        onDelta?.(text);
      }
    };
    const raw = await provider.complete({
      params: ready.params,
      serialized: ready.serialized,
      ...(callbacks.signal ? { signal: callbacks.signal } : {}),
      // With output moderation no piece is shown: the whole answer is, once it has been checked.
      ...(onDelta && !check ? { onDelta: (piece: string) => show(answer.push(piece)) } : {}),
      onWait: (notice) => onStatus(waitText(notice)),
    });
    show(answer.flush());
    const text = answer.scrub(raw.text);
    let failure = raw.failure;
    let flagged: readonly string[] | undefined;
    if (check && !failure) {
      try {
        flagged = await check(text, {
          moderate: provider.moderate?.bind(provider),
          ...(callbacks.signal ? { signal: callbacks.signal } : {}),
          onStatus,
        });
        if (!flagged) {
          show(text);
        }
      } catch (error) {
        const cancelled = callbacks.signal?.aborted === true;
        failure = { kind: cancelled ? 'cancelled' : 'other', message: scrubber.scrubError(error) };
      }
    }
    const outcome: RecordOutcome = failure
      ? failure.kind === 'cancelled'
        ? 'cancelled'
        : 'failed'
      : provider.kind === 'dry-run'
        ? 'dry-run'
        : 'ok';
    if (!failure && provider.kind !== 'dry-run') {
      conversation.addExchange(ready.userMessage, text);
    }
    const record = this.record(conversation, provider, ready, started, outcome, {
      // The model that answered when the endpoint says so; else the one the request named.
      ...(raw.model !== undefined ? { model: raw.model } : {}),
      ...(failure ? { failure: { kind: failure.kind, message: failure.message } } : {}),
      ...(raw.usage ? { usage: raw.usage } : {}),
      ...(raw.requestId !== undefined ? { endpointRequestId: scrubber.scrub(raw.requestId) } : {}),
      payloadSha256: ready.sha256,
      payloadBytes: Buffer.byteLength(ready.serialized, 'utf8'),
    });
    await this.emit(record, ready.userMessage);
    return {
      outcome,
      text,
      ...(failure ? { message: failure.message, failure } : {}),
      ...(raw.usage ? { usage: raw.usage } : {}),
      ...(flagged ? { flagged } : {}),
      prepared: ready,
      record,
    };
  }

  /** A question that never reached `prepare` (no provider could be built), redacted as it would have gone. */
  redactUnsent(prompt: string): string {
    return redactUnsent(prompt, this.settings);
  }

  private record(
    conversation: Conversation,
    provider: Provider,
    prepared: ReadyRequest | BlockedRequest,
    started: number,
    outcome: RecordOutcome,
    extra: Partial<RequestRecord>,
  ): RequestRecord {
    return {
      version: 1,
      time: new Date(started).toISOString(),
      requestId: randomUUID(),
      conversationId: conversation.id,
      provider: provider.kind,
      endpoint: provider.endpoint,
      model: prepared.model,
      policy: this.settings.policy ?? 'redact',
      outcome,
      redactions: countByRule(prepared.redactions),
      excluded: prepared.excluded.map((e) => ({ path: e.path, glob: e.glob })),
      durationMs: Date.now() - started,
      ...extra,
    };
  }

  /** Records a request that a front (the gateway) refused before it reached `run`, through the same sink. */
  recordRefused(record: RequestRecord): Promise<void> {
    return this.emit(record);
  }

  /** A failing sink must not fail the request; it is logged (scrubbed) instead. */
  private async emit(record: RequestRecord, userMessage?: string): Promise<void> {
    try {
      await this.hooks.onRecord?.(record, userMessage);
    } catch (error) {
      this.logger.error(`Could not record request ${record.requestId}: ${new Scrubber().scrubError(error)}`);
    }
  }
}

/** What an answer must not carry: the provider's key, the known values, the conversation's secrets. */
function answerSecrets(
  provider: Provider,
  settings: PipelineSettings,
  conversation: Conversation,
): AnswerSecret[] {
  return [
    ...secretsOf(provider).map((value) => ({ value, label: 'api-key' })),
    ...(settings.known ?? []).map((k) => ({ value: k.value, label: k.kind })),
    ...conversation.map.secrets().map((s) => ({ value: s.value, label: s.kind })),
  ];
}

/** "waiting 2 s (rate limited, 429)". */
export function waitText(notice: WaitNotice): string {
  const why = notice.status === 429 ? 'rate limited, 429' : `endpoint error ${notice.status}`;
  const wait = notice.seconds !== undefined ? `waiting ${Math.ceil(notice.seconds)} s` : 'backing off';
  return `${wait} (${why}), then retry ${notice.attempt}`;
}
