import type { Clock } from './clock';
import { systemClock } from './clock';

/** Per-minute limits; 0 or undefined means no limit. */
export interface RateLimits {
  readonly requestsPerMinute?: number;
  readonly tokensPerMinute?: number;
}

/** Told while a request waits in the queue: how long and at which place. */
export type WaitListener = (waitMs: number, position: number) => void;

/** A bucket that refills continuously at `perMinute` and holds at most a minute's worth. */
class Bucket {
  private level: number;
  private updated: number;

  constructor(
    readonly perMinute: number,
    now: number,
  ) {
    this.level = perMinute;
    this.updated = now;
  }

  private refill(now: number): void {
    this.level = Math.min(this.perMinute, this.level + ((now - this.updated) * this.perMinute) / 60_000);
    this.updated = now;
  }

  /** Milliseconds until `amount` is available (0: now). An amount above capacity waits for a full bucket. */
  waitFor(amount: number, now: number): number {
    this.refill(now);
    const need = Math.min(amount, this.perMinute) - this.level;
    return need <= 0 ? 0 : Math.ceil((need * 60_000) / this.perMinute);
  }

  take(amount: number, now: number): void {
    this.refill(now);
    this.level -= Math.min(amount, this.perMinute);
  }
}

/**
 * Client-side request and token limits. Requests over the limit wait in a FIFO queue, visible through
 * `queueLength` and the wait listener; nothing is dropped. Cancelling a waiting request removes it.
 */
export class RateLimiter {
  private requests: Bucket | undefined;
  private tokens: Bucket | undefined;
  private readonly queue: object[] = [];

  constructor(
    limits: RateLimits,
    private readonly clock: Clock = systemClock,
  ) {
    this.configure(limits);
  }

  /** Applies new limits (settings changed); buckets start full. */
  configure(limits: RateLimits): void {
    const now = this.clock.now();
    this.requests = limits.requestsPerMinute ? new Bucket(limits.requestsPerMinute, now) : undefined;
    this.tokens = limits.tokensPerMinute ? new Bucket(limits.tokensPerMinute, now) : undefined;
  }

  get queueLength(): number {
    return this.queue.length;
  }

  /** Waits until one request of about `tokens` tokens may go, then takes it from the buckets. */
  async acquire(
    tokens: number,
    options: { signal?: AbortSignal; onWait?: WaitListener } = {},
  ): Promise<void> {
    const ticket = {};
    this.queue.push(ticket);
    try {
      for (;;) {
        options.signal?.throwIfAborted();
        const position = this.queue.indexOf(ticket);
        const now = this.clock.now();
        const wait =
          position > 0
            ? 50
            : Math.max(this.requests?.waitFor(1, now) ?? 0, this.tokens?.waitFor(tokens, now) ?? 0);
        if (wait === 0) {
          this.requests?.take(1, now);
          this.tokens?.take(tokens, now);
          return;
        }
        if (position === 0) {
          options.onWait?.(wait, position + 1);
        }
        await this.clock.sleep(wait, options.signal);
      }
    } finally {
      this.queue.splice(this.queue.indexOf(ticket), 1);
    }
  }
}

/** A rough token estimate for a text (about four characters a token), used before the real count is known. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
