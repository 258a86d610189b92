import type { AuditLog } from './audit/auditLog';
import type { AuditEntry } from './audit/auditRecord';
import type { Budget, UsageStore } from './limits/usage';
import type { RateLimiter } from './limits/rateLimiter';
import type { BeforeSendContext, PipelineHooks } from './pipeline/pipeline';
import { SendRefusedError } from './pipeline/pipeline';
import type { RequestRecord } from './pipeline/record';

/** What the security controls need; shared by the extension and the CLI so both enforce the same rules. */
export interface ControlsOptions {
  readonly profile: string;
  readonly limiter?: RateLimiter;
  readonly usage?: UsageStore;
  readonly budget?: Budget;
  readonly audit?: AuditLog;
  /** Keep the redacted user message in the audit record (off unless the user asks). */
  readonly includePrompts?: boolean;
  /** Check input with the profile's moderation endpoint before sending (`input`, `input+output`). */
  readonly moderation?: 'off' | 'input' | 'input+output';
  /** Told of each sealed audit record (the extension mirrors it to its log). */
  readonly onAudit?: (entry: AuditEntry) => void | Promise<void>;
}

/** Budget refusal, then the rate-limit queue: what runs before every request leaves. */
export function beforeSendControls(options: ControlsOptions): (context: BeforeSendContext) => Promise<void> {
  return async (context) => {
    if (context.provider === 'dry-run') {
      return; // nothing leaves, nothing is spent
    }
    if (options.usage && options.budget) {
      const refusal = await options.usage.check(options.profile, options.budget, context.estimatedTokens);
      if (refusal) {
        throw new SendRefusedError(refusal.message);
      }
    }
    if (options.moderation && options.moderation !== 'off') {
      if (!context.moderate) {
        context.onStatus('moderation: this profile has no moderation endpoint, so the input was not checked');
      } else {
        const verdict = await context.moderate(context.userMessage, context.signal);
        if (verdict.flagged) {
          throw new SendRefusedError(
            `Not sent: the moderation check flagged this message (${verdict.categories.join(', ') || 'unspecified'}).`,
          );
        }
      }
    }
    if (options.limiter) {
      await options.limiter.acquire(context.estimatedTokens, {
        ...(context.signal ? { signal: context.signal } : {}),
        onWait: (ms, position) =>
          context.onStatus(
            `queued by the client rate limit: waiting ${Math.ceil(ms / 1000)} s` +
              (position > 1 ? ` (${position - 1} ahead)` : ''),
          ),
      });
      context.onStatus('');
    }
  };
}

/** The audit entry of one pipeline record: ids, counts, usage and hashes; the prompt only when asked. */
export function auditEntryOf(record: RequestRecord, profile: string, prompt?: string): AuditEntry {
  return {
    time: record.time,
    kind: 'request',
    profile,
    endpointHost: record.endpoint,
    model: record.model,
    requestId: record.endpointRequestId ?? record.requestId,
    outcome: record.failure ? `${record.outcome}: ${record.failure.kind}` : record.outcome,
    ...(record.usage
      ? {
          usage: {
            prompt: record.usage.prompt,
            completion: record.usage.completion,
            total: record.usage.total,
          },
        }
      : {}),
    redactions: record.redactions,
    excluded: record.excluded.map((e) => e.path),
    ...(record.payloadSha256 ? { payloadSha256: record.payloadSha256 } : {}),
    ...(prompt !== undefined ? { prompt } : {}),
    ...(record.failure ? { detail: record.failure.message } : {}),
  };
}

/** Pipeline hooks wired to the controls: limits and budgets before, audit and usage after. */
export function controlHooks(options: ControlsOptions, base: PipelineHooks = {}): PipelineHooks {
  return {
    ...base,
    beforeSend: beforeSendControls(options),
    ...(options.moderation === 'input+output'
      ? {
          checkAnswer: async (answer, context) => {
            if (!context.moderate || answer.trim() === '') {
              return undefined;
            }
            context.onStatus('checking the answer with the moderation endpoint…');
            const verdict = await context.moderate(answer, context.signal);
            return verdict.flagged ? verdict.categories : undefined;
          },
        }
      : {}),
    onRecord: async (record, userMessage) => {
      if (record.usage && record.provider !== 'dry-run') {
        await options.usage?.record(
          options.profile,
          record.model,
          record.usage.prompt,
          record.usage.completion,
        );
      }
      if (options.audit) {
        const entry = auditEntryOf(
          record,
          options.profile,
          options.includePrompts === true ? userMessage : undefined,
        );
        await options.audit.append(entry);
        await options.onAudit?.(entry);
      }
      await base.onRecord?.(record, userMessage);
    },
  };
}
