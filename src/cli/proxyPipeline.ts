import { AuditLog } from '../core/audit/auditLog';
import type { Settings } from '../core/config/settings';
import { defaultPrices } from '../core/limits/prices';
import { RateLimiter } from '../core/limits/rateLimiter';
import { UsageStore } from '../core/limits/usage';
import type { Logger } from '../core/log';
import { buildPipeline } from '../core/pipeline/buildPipeline';
import type { KnownValue } from '../core/pipeline/knownValues';
import type { Pipeline } from '../core/pipeline/pipeline';
import type { RequestRecord } from '../core/pipeline/record';

/** The gateway's pipeline, and where it records the requests it blocks before sending. */
export interface ProxyPipeline {
  readonly pipeline: Pipeline;
  readonly recordBlocked: (record: RequestRecord) => Promise<void>;
}

/**
 * The gateway's pipeline, from the one shared builder (as `ask`, the chat and the preview): the same
 * controls (budget, rate limit, moderation, audit) on the CLI's state directory (the audit log where
 * `SECURE_GPT_AUDIT_DIR` says: the editor's, for the gateway it starts). Unlike `ask`, the
 * gateway lives long, so one rate limiter spans its requests. `ask` cannot be asked over HTTP: the
 * pipeline blocks under it, as under `block`.
 */
export function buildProxyPipeline(
  settings: Settings,
  known: readonly KnownValue[],
  profile: string,
  dirs: { readonly state: string; readonly audit: string },
  logger: Logger,
): ProxyPipeline {
  const pipeline = buildPipeline(
    { settings, profile, known },
    {
      limiter: new RateLimiter({
        requestsPerMinute: settings['limits.requestsPerMinute'],
        tokensPerMinute: settings['limits.tokensPerMinute'],
      }),
      usage: new UsageStore(dirs.state, () => ({ ...defaultPrices, ...settings['budget.prices'] })),
      audit: new AuditLog(dirs.audit),
    },
    logger,
  );
  return { pipeline, recordBlocked: (record) => pipeline.recordRefused(record) };
}
