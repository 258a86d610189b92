import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultPrices } from './prices';
import { UsageStore } from './usage';

describe('UsageStore and budgets', () => {
  let dir: string;
  let now: Date;
  let store: UsageStore;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sgpt-usage-'));
    now = new Date(2026, 10, 27, 12);
    store = new UsageStore(
      dir,
      () => defaultPrices,
      () => now,
    );
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  it('adds usage per day and model and survives a reload', async () => {
    await store.record('openai', 'gpt-4o-mini', 1000, 200);
    await store.record('openai', 'gpt-4o-mini', 500, 100);
    await store.record('work', 'gpt-4o', 100, 10);
    const reloaded = new UsageStore(
      dir,
      () => defaultPrices,
      () => now,
    );
    const rows = await reloaded.perDay();
    const mini = rows.find((r) => r.model === 'gpt-4o-mini')!;
    assert.equal(mini.totals.prompt, 1500);
    assert.equal(mini.totals.requests, 2);
    assert.ok(Math.abs(mini.totals.costUsd - (1500 * 0.15 + 300 * 0.6) / 1e6) < 1e-12);
    assert.equal(await reloaded.tokensToday('openai'), 1800);
    assert.equal(await reloaded.tokensToday(), 1910);
  });

  it('refuses at the daily cap with the setting that raises it, and allows again the next day', async () => {
    await store.record('openai', 'gpt-4o-mini', 900, 50);
    const refusal = await store.check('openai', { dailyTokens: 1000 }, 100);
    assert.ok(refusal);
    assert.match(refusal.message, /Daily budget for profile 'openai' reached \(950 of 1,000 tokens\)/);
    assert.equal(refusal.setting, 'secureGpt.budget.dailyTokens');
    assert.equal(await store.check('other', { dailyTokens: 1000 }, 100), undefined, 'caps are per profile');
    now = new Date(2026, 10, 28, 9);
    assert.equal(await store.check('openai', { dailyTokens: 1000 }, 100), undefined);
  });

  it('refuses at the monthly token and cost caps', async () => {
    await store.record('openai', 'gpt-4o', 1_000_000, 100_000);
    now = new Date(2026, 10, 29);
    assert.match(
      (await store.check('openai', { monthlyTokens: 1_050_000 }, 1000))!.message,
      /Monthly budget/,
    );
    assert.match(
      (await store.check('openai', { monthlyCostUsd: 3 }, 1))!.message,
      /Monthly cost budget .*\$3\.50 of \$3\.00/,
    );
    now = new Date(2026, 11, 1);
    assert.equal(
      await store.check('openai', { monthlyTokens: 1_050_000, monthlyCostUsd: 3 }, 1000),
      undefined,
    );
  });

  it('prunes old days and purges', async () => {
    now = new Date(2026, 8, 1);
    await store.record('openai', 'gpt-4o-mini', 1, 1);
    now = new Date(2026, 10, 27);
    await store.record('openai', 'gpt-4o-mini', 2, 2);
    await store.prune(new Date(2026, 9, 28));
    assert.deepEqual(
      (await store.perDay()).map((r) => r.day),
      ['2026-11-27'],
    );
    await store.purge();
    assert.deepEqual(await store.perDay(), []);
  });
});
