import { z } from 'zod';
import { DEFAULT_EXCLUDE_GLOBS } from '../pipeline/exclude';
import { DEFAULT_ALLOWED_HOSTS } from '../policy/hostAllowlist';

const count = (max: number) => z.number().int().min(0).max(max);
const modelName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}$/, 'a model name such as gpt-4o-mini');
const hostPattern = z.string().regex(/^(\*\.)?[A-Za-z0-9.-]{1,253}$/, 'a host name, or *.domain');
const price = z
  .object({ input: z.number().min(0).max(10_000), output: z.number().min(0).max(10_000) })
  .strict();

/**
 * Every `secureGpt.*` setting that shapes what leaves the machine, with its schema, default and the
 * words used when a value is rejected. package.json's `contributes.configuration` mirrors the defaults
 * (a unit test holds them equal).
 */
export const settingSpecs = {
  model: { schema: modelName, default: 'gpt-4o-mini', expected: 'a model name such as gpt-4o-mini' },
  models: {
    schema: z.array(modelName).min(1).max(50),
    default: ['gpt-4o-mini', 'gpt-4o', 'gpt-4.1', 'gpt-4.1-mini'],
    expected: 'a list of model names',
  },
  'redaction.policy': {
    schema: z.enum(['redact', 'block', 'ask']),
    default: 'redact',
    expected: 'redact, block or ask',
  },
  'redaction.restoreOnInsert': { schema: z.boolean(), default: true, expected: 'true or false' },
  'redaction.excludeGlobs': {
    schema: z.array(z.string().min(1).max(256)).max(500),
    default: [...DEFAULT_EXCLUDE_GLOBS],
    expected: 'a list of glob patterns',
  },
  'endpoint.allowedHosts': {
    schema: z.array(hostPattern).max(100),
    default: [...DEFAULT_ALLOWED_HOSTS],
    expected: 'a list of host names or *.domain patterns',
  },
  'limits.requestsPerMinute': {
    schema: count(10_000),
    default: 20,
    expected: 'a whole number from 0 (no limit) to 10000',
  },
  'limits.tokensPerMinute': {
    schema: count(100_000_000),
    default: 100_000,
    expected: 'a whole number from 0 (no limit) to 100000000',
  },
  'budget.dailyTokens': {
    schema: count(1_000_000_000),
    default: 0,
    expected: 'a whole number of tokens, 0 for none',
  },
  'budget.monthlyTokens': {
    schema: count(100_000_000_000),
    default: 0,
    expected: 'a whole number of tokens, 0 for none',
  },
  'budget.monthlyCostUsd': {
    schema: z.number().min(0).max(1_000_000),
    default: 0,
    expected: 'an amount in USD, 0 for none',
  },
  'budget.prices': {
    schema: z.record(modelName, price),
    default: {} as Record<string, { input: number; output: number }>,
    expected: 'an object of model -> { input, output } USD per million tokens',
  },
  'audit.includePrompts': { schema: z.boolean(), default: false, expected: 'true or false' },
  'retention.days': {
    schema: count(3650),
    default: 30,
    expected: 'a whole number of days from 0 (keep forever) to 3650',
  },
  moderation: {
    schema: z.enum(['off', 'input', 'input+output']),
    default: 'off',
    expected: 'off, input or input+output',
  },
} as const;

type Specs = typeof settingSpecs;
export type SettingKey = keyof Specs;
/** The validated value of every setting. */
export type Settings = { -readonly [K in SettingKey]: z.infer<Specs[K]['schema']> };

/** A rejected value: the message says what was expected and which default is used instead. */
export interface SettingProblem {
  readonly key: string;
  readonly message: string;
}

/**
 * Reads every setting through `get` (undefined = not set), validates it, and falls back to the default
 * with a problem message for each bad value. Values are never echoed: a bad value may be a pasted key.
 */
export function readSettings(get: (key: SettingKey) => unknown): {
  settings: Settings;
  problems: SettingProblem[];
} {
  const problems: SettingProblem[] = [];
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(settingSpecs) as SettingKey[]) {
    const spec = settingSpecs[key];
    const raw = get(key);
    if (raw === undefined) {
      out[key] = spec.default;
      continue;
    }
    const parsed = (spec.schema as z.ZodType).safeParse(raw);
    if (parsed.success) {
      out[key] = parsed.data;
    } else {
      out[key] = spec.default;
      problems.push({
        key: `secureGpt.${key}`,
        message: `secureGpt.${key}: expected ${spec.expected}; using the default (${JSON.stringify(spec.default)}).`,
      });
    }
  }
  return { settings: out as Settings, problems };
}
