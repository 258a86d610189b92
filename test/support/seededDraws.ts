// Mocha root hooks for the unit tests (.mocharc.unit.json `require`): every test draws its generated keys
// and samples (src/core/detect/random.ts) from a seed made of its full title, so a run draws what the last
// one drew and a failure replays. `SECURE_GPT_TEST_SEED=<anything>` gives every test other draws, to look
// for a rule that misses some of its own format's values.
import { createHash } from 'node:crypto';
import { seedDraws } from '../../src/core/detect/random';

const base = process.env.SECURE_GPT_TEST_SEED ?? '';

/** A 32-bit seed for `label`, under the run's base seed. */
export function seedOf(label: string): number {
  return createHash('sha256').update(`${base}\0${label}`).digest().readUInt32LE(0);
}

// What modules draw as they load (a rule's generated negatives) is seeded too.
seedDraws(seedOf('module load'));

export const mochaHooks = {
  beforeEach(this: Mocha.Context): void {
    seedDraws(seedOf(this.currentTest?.fullTitle() ?? ''));
  },
};
