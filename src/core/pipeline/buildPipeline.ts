import type { AuditLog } from '../audit/auditLog';
import type { AuditEntry } from '../audit/auditRecord';
import type { Settings } from '../config/settings';
import { controlHooks } from '../controls';
import type { RateLimiter } from '../limits/rateLimiter';
import type { UsageStore } from '../limits/usage';
import type { Logger } from '../log';
import type { KnownValue } from './knownValues';
import { Pipeline } from './pipeline';
import type { RedactionPolicy } from './prepare';

/** Plain data: what a request runs under. */
export interface PipelineConfig {
  /** The validated `secureGpt.*` settings (the editor's, or the CLI's config file). */
  readonly settings: Settings;
  /** The profile budgets, usage and audit records are kept under. */
  readonly profile: string;
  /** Workspace `.env` values and listed values; the provider's key is added per request. */
  readonly known: readonly KnownValue[];
  /** Overrides `redaction.policy` (the CLI's `--policy`; the preview always shows the redacted form). */
  readonly policy?: RedactionPolicy;
}

/** Where the controls keep their state; each is optional, and a missing one turns its control off. */
export interface PipelineStores {
  /** Shared across requests, so the per-minute limits span them. */
  readonly limiter?: RateLimiter;
  readonly usage?: UsageStore;
  readonly audit?: AuditLog;
  /** Told of each sealed audit record (the extension mirrors it to its log). */
  readonly onAudit?: (entry: AuditEntry) => void | Promise<void>;
}

/** The client-side rate limits the settings ask for (0: no limit). */
export function rateLimitsOf(settings: Settings): { requestsPerMinute: number; tokensPerMinute: number } {
  return {
    requestsPerMinute: settings['limits.requestsPerMinute'],
    tokensPerMinute: settings['limits.tokensPerMinute'],
  };
}

/**
 * The one place a pipeline is built: the chat, the palette's preview, `secure-gpt ask` (and a local
 * gateway) all call it, so a control added here reaches every way out. Its inputs are plain data and
 * injected stores, with no editor types, so any process can build the same pipeline: read `Settings`,
 * load known values (`core/known/knownValueSource`), open the stores, call this once per request.
 */
export function buildPipeline(config: PipelineConfig, stores: PipelineStores, log?: Logger): Pipeline {
  const { settings } = config;
  return new Pipeline(
    {
      policy: config.policy ?? settings['redaction.policy'],
      excludeGlobs: settings['redaction.excludeGlobs'],
      known: config.known,
    },
    controlHooks(
      {
        profile: config.profile,
        ...(stores.limiter ? { limiter: stores.limiter } : {}),
        ...(stores.usage ? { usage: stores.usage } : {}),
        ...(stores.audit ? { audit: stores.audit } : {}),
        ...(stores.onAudit ? { onAudit: stores.onAudit } : {}),
        budget: {
          dailyTokens: settings['budget.dailyTokens'],
          monthlyTokens: settings['budget.monthlyTokens'],
          monthlyCostUsd: settings['budget.monthlyCostUsd'],
        },
        moderation: settings.moderation,
        includePrompts: settings['audit.includePrompts'],
      },
      log ? { logger: log } : {},
    ),
  );
}
