import { AuditLog } from '../core/audit/auditLog';
import type { Settings } from '../core/config/settings';
import { controlHooks } from '../core/controls';
import { defaultPrices } from '../core/limits/prices';
import { RateLimiter } from '../core/limits/rateLimiter';
import { UsageStore } from '../core/limits/usage';
import type { Logger } from '../core/log';
import type { KnownValue } from '../core/pipeline/knownValues';
import { Pipeline } from '../core/pipeline/pipeline';
import type { RequestRecord } from '../core/pipeline/record';

/** The gateway's pipeline, and where it records the requests it blocks before sending. */
export interface ProxyPipeline {
  readonly pipeline: Pipeline;
  readonly recordBlocked: (record: RequestRecord) => Promise<void>;
}

/**
 * Builds the gateway's pipeline from the CLI settings as `ask` builds its own: the same controls (budget,
 * rate limit, moderation, audit) on the same state directory. The one place to switch to the shared
 * builder of issue 12 once it lands.
 */
export function buildProxyPipeline(
  settings: Settings,
  known: readonly KnownValue[],
  profile: string,
  stateDir: string,
  logger: Logger,
): ProxyPipeline {
  const hooks = controlHooks(
    {
      profile,
      // Unlike `ask`, the gateway lives long, so the per-minute limits hold across its requests.
      limiter: new RateLimiter({
        requestsPerMinute: settings['limits.requestsPerMinute'],
        tokensPerMinute: settings['limits.tokensPerMinute'],
      }),
      usage: new UsageStore(stateDir, () => ({ ...defaultPrices, ...settings['budget.prices'] })),
      budget: {
        dailyTokens: settings['budget.dailyTokens'],
        monthlyTokens: settings['budget.monthlyTokens'],
        monthlyCostUsd: settings['budget.monthlyCostUsd'],
      },
      audit: new AuditLog(stateDir),
      // Requests run concurrently, so no single "last prompt" closure can say which prompt a record is for:
      // `audit.includePrompts` is not honoured by the gateway yet.
      includePrompt: () => undefined,
      moderation: settings.moderation,
    },
    { logger },
  );
  const pipeline = new Pipeline(
    {
      // `ask` cannot be asked over HTTP: the gateway blocks under it, as under `block`.
      policy: settings['redaction.policy'],
      known,
      excludeGlobs: settings['redaction.excludeGlobs'],
    },
    hooks,
  );
  return { pipeline, recordBlocked: async (record) => hooks.onRecord?.(record) };
}
