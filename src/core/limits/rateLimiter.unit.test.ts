import * as assert from 'node:assert/strict';
import type { Clock } from './clock';
import { RateLimiter } from './rateLimiter';

/** A clock whose sleeps advance virtual time at once. */
function fakeClock(): Clock & { slept: number[] } {
  let t = 1_000_000;
  const slept: number[] = [];
  return {
    slept,
    now: () => t,
    sleep: (ms, signal) => {
      signal?.throwIfAborted();
      slept.push(ms);
      t += ms;
      return Promise.resolve();
    },
  };
}

describe('RateLimiter', () => {
  it('lets requests through up to the per-minute limit, then makes the next wait', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ requestsPerMinute: 3 }, clock);
    for (let i = 0; i < 3; i++) {
      await limiter.acquire(10);
    }
    assert.deepEqual(clock.slept, []);
    const waits: number[] = [];
    await limiter.acquire(10, { onWait: (ms) => waits.push(ms) });
    assert.deepEqual(waits, [20_000], 'a third of a minute refills one request');
  });

  it('limits tokens per minute, and a request larger than the bucket waits for a full one', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ tokensPerMinute: 1000 }, clock);
    await limiter.acquire(800);
    const waits: number[] = [];
    await limiter.acquire(500, { onWait: (ms) => waits.push(ms) });
    assert.deepEqual(waits, [18_000]);
    await limiter.acquire(5000, { onWait: (ms) => waits.push(ms) });
    assert.equal(waits.length, 2);
  });

  it('queues in order and drops nothing', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ requestsPerMinute: 1 }, clock);
    const order: number[] = [];
    await Promise.all([1, 2, 3].map((n) => limiter.acquire(1).then(() => order.push(n))));
    assert.deepEqual(order, [1, 2, 3]);
    assert.equal(limiter.queueLength, 0);
  });

  it('removes a cancelled request from the queue', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ requestsPerMinute: 1 }, clock);
    await limiter.acquire(1);
    const controller = new AbortController();
    controller.abort(new Error('Stopped by the user'));
    await assert.rejects(limiter.acquire(1, { signal: controller.signal }), /Stopped by the user/);
    assert.equal(limiter.queueLength, 0);
  });

  it('does not limit when no limit is set', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({}, clock);
    for (let i = 0; i < 100; i++) {
      await limiter.acquire(100_000);
    }
    assert.deepEqual(clock.slept, []);
  });
});
