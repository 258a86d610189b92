import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { ModelPrice } from './prices';
import { costOf } from './prices';

/** Totals for one model on one day. */
export interface UsageTotals {
  prompt: number;
  completion: number;
  requests: number;
  costUsd: number;
}

/** day (YYYY-MM-DD, local time) -> profile -> model -> totals. */
type UsageData = Record<string, Record<string, Record<string, UsageTotals>>>;

/** Caps per profile; 0 or undefined means none. */
export interface Budget {
  readonly dailyTokens?: number;
  readonly monthlyTokens?: number;
  readonly monthlyCostUsd?: number;
}

/** Why a request was refused by the budget, with the way out. */
export interface BudgetRefusal {
  readonly message: string;
  readonly setting: string;
}

export function dayKey(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Token and cost usage on disk (usage.json), per day, profile and model. */
export class UsageStore {
  private readonly file: string;
  private data: UsageData | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    dir: string,
    private readonly prices: () => Readonly<Record<string, ModelPrice>>,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.file = path.join(dir, 'usage.json');
  }

  /** Adds one request's usage. */
  record(profile: string, model: string, prompt: number, completion: number): Promise<void> {
    const next = this.queue.then(async () => {
      const data = await this.load();
      const day = (data[dayKey(this.now())] ??= {});
      const byModel = (day[profile] ??= {});
      const t = (byModel[model] ??= { prompt: 0, completion: 0, requests: 0, costUsd: 0 });
      t.prompt += prompt;
      t.completion += completion;
      t.requests += 1;
      t.costUsd += costOf(this.prices(), model, prompt, completion) ?? 0;
      await fs.mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 });
      const tmp = `${this.file}.tmp`;
      await fs.writeFile(tmp, JSON.stringify(data, null, 1), { mode: 0o600 });
      await fs.rename(tmp, this.file);
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Per-day totals per model (all profiles), newest day first: what "Show Usage" renders. */
  async perDay(): Promise<{ day: string; model: string; totals: UsageTotals }[]> {
    const data = await this.load();
    const rows: { day: string; model: string; totals: UsageTotals }[] = [];
    for (const day of Object.keys(data).sort().reverse()) {
      const merged: Record<string, UsageTotals> = {};
      for (const byModel of Object.values(data[day] ?? {})) {
        for (const [model, t] of Object.entries(byModel)) {
          const m = (merged[model] ??= { prompt: 0, completion: 0, requests: 0, costUsd: 0 });
          m.prompt += t.prompt;
          m.completion += t.completion;
          m.requests += t.requests;
          m.costUsd += t.costUsd;
        }
      }
      for (const [model, totals] of Object.entries(merged)) {
        rows.push({ day, model, totals });
      }
    }
    return rows;
  }

  /** Today's tokens for a profile (or all profiles): the status-bar figure. */
  async tokensToday(profile?: string): Promise<number> {
    return (await this.sum(profile, (d) => d === dayKey(this.now()))).tokens;
  }

  /** Refuses a request of about `estimate` tokens that would pass a cap, saying which and how to raise it. */
  async check(profile: string, budget: Budget, estimate: number): Promise<BudgetRefusal | undefined> {
    const today = dayKey(this.now());
    const month = today.slice(0, 7);
    const day = await this.sum(profile, (d) => d === today);
    const mon = await this.sum(profile, (d) => d.startsWith(month));
    const caps: readonly Cap[] = [
      ['Daily', day.tokens, budget.dailyTokens, estimate, 'tokens', 'dailyTokens'],
      ['Monthly', mon.tokens, budget.monthlyTokens, estimate, 'tokens', 'monthlyTokens'],
      // The cost of this request is not known before it runs: the cap stops the next one.
      ['Monthly cost', mon.cost, budget.monthlyCostUsd, 0, 'USD', 'monthlyCostUsd'],
    ];
    const passed = caps.find(
      ([, used, cap, after, unit]) => cap && (unit === 'USD' ? used >= cap : used + after > cap),
    );
    return passed ? refusal(passed, profile) : undefined;
  }

  /** Removes days older than `cutoff` (retention). */
  async prune(cutoff: Date): Promise<void> {
    const data = await this.load();
    const keep = dayKey(cutoff);
    for (const day of Object.keys(data)) {
      if (day < keep) {
        delete data[day];
      }
    }
    await fs.mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 });
    await fs.writeFile(this.file, JSON.stringify(data, null, 1), { mode: 0o600 });
  }

  async purge(): Promise<void> {
    this.data = {};
    await fs.rm(this.file, { force: true });
  }

  private async sum(
    profile: string | undefined,
    days: (day: string) => boolean,
  ): Promise<{ tokens: number; cost: number }> {
    const data = await this.load();
    let tokens = 0;
    let cost = 0;
    for (const [day, byProfile] of Object.entries(data)) {
      if (!days(day)) {
        continue;
      }
      for (const [p, byModel] of Object.entries(byProfile)) {
        if (profile !== undefined && p !== profile) {
          continue;
        }
        for (const t of Object.values(byModel)) {
          tokens += t.prompt + t.completion;
          cost += t.costUsd;
        }
      }
    }
    return { tokens, cost };
  }

  private async load(): Promise<UsageData> {
    if (!this.data) {
      try {
        this.data = JSON.parse(await fs.readFile(this.file, 'utf8')) as UsageData;
      } catch {
        this.data = {};
      }
    }
    return this.data;
  }
}

/** One budget cap: its name, the amount used so far, the cap (unset: none), what this request adds, unit, setting. */
type Cap = readonly [string, number, number | undefined, number, 'tokens' | 'USD', string];

function refusal([what, used, capped, , unit, name]: Cap, profile: string): BudgetRefusal {
  const cap = capped ?? 0;
  const setting = `secureGpt.budget.${name}`;
  const amount =
    unit === 'USD'
      ? `$${used.toFixed(2)} of $${cap.toFixed(2)}`
      : `${used.toLocaleString('en-US')} of ${cap.toLocaleString('en-US')} tokens`;
  const wait = what === 'Daily' ? ', or wait until tomorrow' : '';
  return {
    setting,
    message: `${what} budget for profile '${profile}' reached (${amount}). Raise ${setting} to continue${wait}.`,
  };
}
