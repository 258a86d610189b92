import type { Candidate } from '../../src/core/detect/matcher';
import type { Rule } from '../../src/core/detect/rule';

/** A rule for engine tests only: the engine reads id, severity, keywords, pattern and maxLength. */
export function engineRule(id: string, keywords: string[], pattern: RegExp, maxLength: number): Rule {
  return {
    id,
    provider: 'Test',
    description: id,
    risk: 'none',
    severity: 'error',
    keywords,
    pattern,
    maxLength,
    tests: { positives: () => [], negatives: [] },
  };
}

/** One rule's overlapping matches folded the way the scanner folds them: earlier start, then longer, wins. */
export function foldOverlaps(candidates: readonly Candidate[]): Candidate[] {
  const sorted = [...candidates].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Candidate[] = [];
  for (const c of sorted) {
    const last = kept[kept.length - 1];
    if (!last || c.start >= last.end) {
      kept.push(c);
    }
  }
  return kept;
}

/** The rules with `field` removed from each: the engine without one of its guards, to compare findings with. */
export function withoutField(rules: readonly Rule[], field: 'mayStartAt' | 'endsBefore'): readonly Rule[] {
  return rules.map((rule) => {
    if (rule[field] === undefined) {
      return rule;
    }
    const copy = { ...rule };
    delete copy[field];
    return copy;
  });
}
