import * as assert from 'node:assert/strict';
import { engineRule } from '../../../test/support/engineRule';
import { builtinRules } from './catalog';
import { ALNUM, randomToken } from './random';
import type { Rule } from './rule';
import { findSecrets } from './scanner';
import { newStats } from './scanStats';

/** [ruleId, secret] of each finding, in order. */
function found(text: string, rules: readonly Rule[] = builtinRules): string[][] {
  return findSecrets(text, { rules }).map((m) => [m.finding.ruleId, m.secret]);
}

/** The bare values that `id`'s own positives hold, found by the rule alone. */
function valuesOf(id: string): string[] {
  const rule = builtinRules.find((r) => r.id === id)!;
  return rule.tests.positives().flatMap((text) => findSecrets(text, { rules: [rule] }).map((m) => m.secret));
}

describe('ShapeChecks (shape checks once per rule and value)', () => {
  it('checks a value a line repeats once, and reports or refuses each occurrence as alone', () => {
    let validated = 0;
    const rule: Rule = {
      ...engineRule('counted', ['tkv_'], /(?<![A-Za-z0-9_])tkv_[A-Za-z0-9]{24}(?![A-Za-z0-9])/, 28),
      validate: () => {
        validated++;
        return true;
      },
    };
    const values = [1, 2, 3].map(() => `tkv_${randomToken(ALNUM, 24)}`);
    // A placeholder's shape (one letter repeated) is refused at each of its occurrences.
    const filler = `tkv_${'x'.repeat(24)}`;
    const line = Array.from({ length: 40 }, () => [...values, filler].join(' ')).join(' ');
    const stats = newStats();
    const findings = findSecrets(line, { rules: [rule], stats });
    assert.equal(findings.length, 120);
    assert.deepEqual(
      findings.map((m) => line.slice(m.finding.start, m.finding.end)),
      Array.from({ length: 40 }, () => values).flat(),
    );
    assert.equal(validated, 4);
    assert.equal(stats.shapeChecks, 4);
    assert.equal(stats.matches, 160);
  });

  it('finds on one long line of bot tokens and JWTs what it finds with each on a line of its own', () => {
    // The two rules alone: the catalogue's context rules read a bare token on a line of its own apart
    // from one among others (`discord-bot-token-bare` and `-inline`), which is not what this compares.
    const rules = builtinRules.filter((r) => r.id === 'discord-bot-token' || r.id === 'jwt');
    // Those reported bare (an older bot token needs its name before it). Eight rounds of the rules' own
    // positives: two rounds held no bare bot token under one seed (`SECURE_GPT_TEST_SEED=q`).
    const bare = (id: string): string[] =>
      Array.from({ length: 8 }, () => valuesOf(id))
        .flat()
        .filter((v) => found(v, rules).length === 1);
    const values = [...new Set([...bare('discord-bot-token'), ...bare('jwt')])];
    assert.ok(
      values.some((v) => v.startsWith('MT')) && values.some((v) => v.startsWith('eyJ')),
      values.join(' '),
    );
    const units = Array.from({ length: 30 }, () => values).flat();
    const oneLine = units.join(' ');
    assert.deepEqual(found(oneLine, rules), found(units.join('\n'), rules));
    assert.equal(found(oneLine, rules).length, units.length);
    // Over the whole catalogue, each distinct value is checked once per rule that matched it, not at each
    // of its 30 occurrences.
    const stats = newStats();
    findSecrets(oneLine, { stats });
    assert.ok(stats.shapeChecks <= values.length * 4, `${stats.shapeChecks} shape checks`);
  });
});
