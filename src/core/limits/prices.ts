/** USD per million tokens, input and output. */
export interface ModelPrice {
  readonly input: number;
  readonly output: number;
}

/**
 * Defaults for the cost cap, as published by OpenAI when this table was written. Prices change: users
 * override or extend them with the `secureGpt.budget.prices` setting (CLI: `prices` in its config file).
 */
export const defaultPrices: Readonly<Record<string, ModelPrice>> = {
  'gpt-4o': { input: 2.5, output: 10 },
  'gpt-4o-mini': { input: 0.15, output: 0.6 },
  'gpt-4.1': { input: 2, output: 8 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6 },
  'gpt-4.1-nano': { input: 0.1, output: 0.4 },
  'o4-mini': { input: 1.1, output: 4.4 },
};

/** Cost in USD of a request, or undefined when the model has no price (the cost cap then cannot apply). */
export function costOf(
  prices: Readonly<Record<string, ModelPrice>>,
  model: string,
  prompt: number,
  completion: number,
): number | undefined {
  // Dated snapshots ("gpt-4o-2024-08-06") are priced as their family.
  const price = prices[model] ?? prices[model.replace(/-\d{4}-\d{2}-\d{2}$/, '')];
  return price ? (prompt * price.input + completion * price.output) / 1_000_000 : undefined;
}
