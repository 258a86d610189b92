import * as assert from 'node:assert/strict';
import { builtinRules } from '../../src/core/detect/catalog';
import type { Finding } from '../../src/core/detect/finding';
import { scan } from '../../src/core/detect/scanner';
import type { Negative, Positive } from '../corpus/corpus';
import { generatePositives, loadNegatives } from '../corpus/corpus';

// Quality gates on the generated corpus (each rule's own positives embedded in realistic files, and hard
// negatives). It is our own set, so it is a regression gate, not evidence: a positive counts only when
// the rule that generated it fires on it (the rule id must match), so a rule that stops matching goes
// red here even when another rule happens to cover the same text. The external corpus
// (externalCorpus.test.ts) is the independent measure. Counts, not timings; no secret is printed.
describe('labelled corpus (generated from our rules: a regression gate)', function () {
  this.timeout(120_000); // whole processes: a loaded machine can be slow; correctness, not speed, is checked

  const { positives, unlabelled } = generatePositives(builtinRules);
  const negatives = loadNegatives();

  const findings = new Map<Positive, Finding[]>(positives.map((p) => [p, scan(p.file)]));
  const overlaps = (p: Positive, f: Finding): boolean => f.start < p.end && f.end > p.start;
  const foundByOwnRule = (p: Positive): boolean =>
    findings.get(p)!.some((f) => f.ruleId === p.ruleId && overlaps(p, f));
  const foundByAny = (p: Positive): boolean => findings.get(p)!.some((f) => overlaps(p, f));
  const flagged = (n: Negative): string[] => scan(n.text).map((f) => f.ruleId);

  /** Per rule: positives its own id found, and all its positives (unlabelled ones count as misses). */
  const perRule = new Map<string, { hit: number; all: number }>(
    builtinRules.map((r) => [r.id, { hit: 0, all: 0 }]),
  );
  for (const p of positives) {
    const row = perRule.get(p.ruleId)!;
    row.all++;
    row.hit += foundByOwnRule(p) ? 1 : 0;
  }
  for (const u of unlabelled) {
    perRule.get(u.ruleId)!.all++;
  }

  it('has at least 300 positives and 300 hard negatives', () => {
    assert.ok(positives.length >= 300, `${positives.length} positives`);
    assert.ok(negatives.length >= 300, `${negatives.length} negatives`);
  });

  it('fires every rule on its own positives', () => {
    // Values and their placement are fresh on each draw, so a rule silent in this draw gets two more before
    // it counts as never firing: a broken rule is silent in all three, a rare unlucky placement is not.
    let silentIds = [...perRule].filter(([, r]) => r.hit === 0).map(([id]) => id);
    for (let draw = 0; draw < 2 && silentIds.length > 0; draw++) {
      const again = generatePositives(builtinRules.filter((r) => silentIds.includes(r.id))).positives;
      const fired = new Set(
        again
          .filter((p) =>
            scan(p.file).some((f) => f.ruleId === p.ruleId && f.start < p.end && f.end > p.start),
          )
          .map((p) => p.ruleId),
      );
      silentIds = silentIds.filter((id) => !fired.has(id));
    }
    const silent = silentIds.map((id) => `${id} (0/${perRule.get(id)!.all})`);
    assert.deepEqual(silent, [], `rules their own positives never fire: ${silent.join(', ')}`);
  });

  it('finds at least 97% of the positives by their own rule and flags at most 2% of the hard negatives', () => {
    const missed = positives.filter((p) => !foundByOwnRule(p));
    const falsePositives = negatives.map((n) => ({ n, rules: flagged(n) })).filter((x) => x.rules.length > 0);
    const total = positives.length + unlabelled.length;
    const recall = (positives.length - missed.length) / total;
    const fpr = falsePositives.length / negatives.length;

    const byContext = new Map<string, [number, number]>();
    for (const p of positives) {
      const [hit, all] = byContext.get(p.context) ?? [0, 0];
      byContext.set(p.context, [hit + (missed.includes(p) ? 0 : 1), all + 1]);
    }
    const partial = [...perRule].filter(([, r]) => r.hit < r.all);
    const lines = [
      `corpus: ${builtinRules.length} rules, ${total} positives, ${negatives.length} hard negatives`,
      `recall by own rule ${(recall * 100).toFixed(2)}% (${total - missed.length - unlabelled.length}/${total}), ` +
        `false-positive rate ${(fpr * 100).toFixed(2)}% (${falsePositives.length}/${negatives.length})`,
      `per-rule recall: ${perRule.size - partial.length} rules at 100%` +
        (partial.length ? `; below: ${partial.map(([id, r]) => `${id} ${r.hit}/${r.all}`).join(', ')}` : ''),
      `by file kind: ${[...byContext].map(([k, [h, a]]) => `${k} ${h}/${a}`).join(', ')}`,
      ...missed.map(
        (p) =>
          `  missed: ${p.ruleId} in ${p.context}` +
          (foundByAny(p)
            ? ` (found as ${findings
                .get(p)!
                .filter((f) => overlaps(p, f))
                .map((f) => f.ruleId)
                .join(', ')})`
            : ''),
      ),
      ...unlabelled.map((u) => `  unlabelled: ${u.ruleId}: ${u.reason}`),
      ...falsePositives.map((x) => `  false positive: ${x.n.source} / ${x.n.name} by ${x.rules.join(', ')}`),
    ];
    console.log(lines.map((l) => `      ${l}`).join('\n'));

    assert.ok(recall >= 0.97, `recall ${recall.toFixed(4)} < 0.97`);
    assert.ok(fpr <= 0.02, `false-positive rate ${fpr.toFixed(4)} > 0.02`);
  });
});
