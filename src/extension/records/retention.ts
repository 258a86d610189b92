import type { AuditLog } from '../../core/audit/auditLog';
import type { UsageStore } from '../../core/limits/usage';
import type { ChatHistory } from '../chat/history';

const DAY_MS = 86_400_000;

/** The stores retention prunes; the history is the one the open chat writes, so memory ages with the disk. */
export interface RetainedData {
  readonly audit: Pick<AuditLog, 'prune'>;
  readonly usage: Pick<UsageStore, 'prune'>;
  readonly history: Pick<ChatHistory, 'expire'>;
}

/** What one retention run removed. */
export interface Pruned {
  readonly auditRecords: number;
  readonly chatTurns: number;
}

/**
 * Drops audit records, usage days and chat turns older than `days` (0 keeps everything). Each chat turn ages by
 * when it was asked: an active user's old turns go even though the history file is written every day.
 */
export async function pruneOlderThan(data: RetainedData, days: number, now = Date.now()): Promise<Pruned> {
  if (days === 0) {
    return { auditRecords: 0, chatTurns: 0 };
  }
  const cutoff = new Date(now - days * DAY_MS);
  const auditRecords = await data.audit.prune(cutoff);
  await data.usage.prune(cutoff);
  const chatTurns = await data.history.expire(cutoff);
  return { auditRecords, chatTurns };
}
