import * as assert from 'node:assert/strict';
import { builtinRules } from './catalog';
import { scan } from './scanner';

// Every rule carries its own cases (beside the rule, in its `tests`); this suite runs them all.
describe('rule catalogue', () => {
  it('has unique kebab-case ids', () => {
    const seen = new Set<string>();
    for (const rule of builtinRules) {
      assert.match(rule.id, /^[a-z0-9]+(-[a-z0-9]+)*$/, rule.id);
      assert.ok(!seen.has(rule.id), `duplicate id ${rule.id}`);
      seen.add(rule.id);
    }
  });

  for (const rule of builtinRules) {
    describe(rule.id, () => {
      it('finds each generated positive, and never leaks it in the finding', () => {
        const positives = rule.tests.positives();
        assert.ok(positives.length > 0, 'a rule needs at least one positive');
        for (const text of positives) {
          const found = scan(text).filter((f) => f.ruleId === rule.id);
          assert.equal(found.length, 1, `expected one ${rule.id} finding in a generated sample`);
          const secret = text.slice(found[0]!.start, found[0]!.end);
          assert.ok(!JSON.stringify(found[0]).includes(secret), 'a finding must not hold the secret');
        }
      });

      it('ignores each negative', () => {
        assert.ok(rule.tests.negatives.length > 0, 'a rule needs at least one negative');
        for (const text of rule.tests.negatives) {
          const found = scan(text).filter((f) => f.ruleId === rule.id);
          assert.deepEqual(found, [], `negative matched: ${JSON.stringify(text)}`);
        }
      });
    });
  }
});
