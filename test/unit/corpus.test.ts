import * as assert from 'node:assert/strict';
import { builtinRules } from '../../src/core/detect/catalog';
import { scan } from '../../src/core/detect/scanner';
import type { Negative, Positive } from '../corpus/corpus';
import { generatePositives, loadNegatives } from '../corpus/corpus';

// Quality gates on the labelled corpus (recall on generated positives in realistic files, false
// positives on hard negatives). They are counts, not timings. The report names rules and samples only,
// never a secret.
describe('labelled corpus', function () {
  this.timeout(60_000);

  const { positives, unlabelled } = generatePositives(builtinRules);
  const negatives = loadNegatives();

  const found = (p: Positive): boolean => scan(p.file).some((f) => f.start < p.end && f.end > p.start);
  const flagged = (n: Negative): string[] => scan(n.text).map((f) => f.ruleId);

  it('has at least 300 positives and 300 hard negatives', () => {
    assert.ok(positives.length >= 300, `${positives.length} positives`);
    assert.ok(negatives.length >= 300, `${negatives.length} negatives`);
  });

  it('finds at least 97% of the positives and flags at most 2% of the hard negatives', () => {
    const missed = positives.filter((p) => !found(p));
    const falsePositives = negatives.map((n) => ({ n, rules: flagged(n) })).filter((x) => x.rules.length > 0);
    const total = positives.length + unlabelled.length;
    const recall = (positives.length - missed.length) / total;
    const fpr = falsePositives.length / negatives.length;

    const byContext = new Map<string, [number, number]>();
    for (const p of positives) {
      const [hit, all] = byContext.get(p.context) ?? [0, 0];
      byContext.set(p.context, [hit + (missed.includes(p) ? 0 : 1), all + 1]);
    }
    const lines = [
      `corpus: ${builtinRules.length} rules, ${total} positives, ${negatives.length} hard negatives`,
      `recall ${(recall * 100).toFixed(2)}% (${total - missed.length - unlabelled.length}/${total}), ` +
        `false-positive rate ${(fpr * 100).toFixed(2)}% (${falsePositives.length}/${negatives.length})`,
      `by file kind: ${[...byContext].map(([k, [h, a]]) => `${k} ${h}/${a}`).join(', ')}`,
      ...missed.map((p) => `  missed: ${p.ruleId} in ${p.context}`),
      ...unlabelled.map((u) => `  unlabelled: ${u.ruleId}: ${u.reason}`),
      ...falsePositives.map((x) => `  false positive: ${x.n.source} / ${x.n.name} by ${x.rules.join(', ')}`),
    ];
    console.log(lines.map((l) => `      ${l}`).join('\n'));

    assert.ok(recall >= 0.97, `recall ${recall.toFixed(4)} < 0.97`);
    assert.ok(fpr <= 0.02, `false-positive rate ${fpr.toFixed(4)} > 0.02`);
  });
});
