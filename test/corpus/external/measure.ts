import { scan } from '../../../src/core/detect/scanner';
import { looksRandom } from '../../../src/core/detect/recall/tokenShape';
import { redactText } from '../../../src/core/pipeline/redact';
import { PLACEHOLDER_PATTERN, RedactionMap } from '../../../src/core/pipeline/redactionMap';
import type { ExternalCase, PlacedSecret, Source } from './externalCorpus';
import { NEGATIVE_CLASSES, classifyNegative, type NegativeClass } from './negativeClass';

/** The targets issue 9 sets for sets this project does not hold. */
export const TARGETS = {
  scanRecall: 0.97,
  scanFalsePositiveRate: 0.02,
  redactLeakRate: 0.01,
  overRedactionRate: 0.1,
  foundButNotRedacted: 0,
} as const;

/** Counts for one source (or all of them). Rates are derived by `rates`. */
export interface SourceFigures {
  readonly source: Source | 'all';
  secrets: number;
  negatives: number;
  scanFound: number;
  scanFlaggedNegatives: number;
  leaked: number;
  overRedacted: number;
  /** Negatives and changed negatives per class of the peer's reason (`negativeClass.ts`). */
  readonly byClass: Record<NegativeClass, { negatives: number; overRedacted: number }>;
  /** Of class `other`, the negatives whose peer gives no words at all (gitleaks' false positives). */
  readonly unnamed: { negatives: number; overRedacted: number };
  /**
   * Changed negatives in which every hidden value looks generated (`looksRandom`): what a live key of a
   * format no rule knows looks like, so a recall-first redactor cannot leave them without leaking such keys.
   */
  generatedOnly: number;
  /** Secrets the report tier finds that the redactor still lets through: must stay 0. */
  foundButNotRedacted: number;
  dropped: number;
  /** Samples (source, peer kind, file; never a value) for the report. */
  readonly missed: string[];
  readonly leaks: string[];
  readonly falsePositives: string[];
  /** Hard negatives the redactor changed: where, and which rule ids fired (names no value). */
  readonly overRedactions: string[];
  /**
   * The same negatives with the changed lines before and after, for `--verbose` only: the corpus values
   * are fakes generated on load, and a reader needs them to tell a word from a token.
   */
  readonly overRedactionDiffs: string[];
  /** Leaked secrets with the template line (markers, no value) and the line as sent, for `--verbose` only. */
  readonly leakDiffs: string[];
}

/** Rates of one row; NaN where a source has no case of that label. */
export function rates(f: SourceFigures): {
  recall: number;
  fpr: number;
  leak: number;
  over: number;
} {
  return {
    recall: f.scanFound / f.secrets,
    fpr: f.scanFlaggedNegatives / f.negatives,
    leak: f.leaked / f.secrets,
    over: f.overRedacted / f.negatives,
  };
}

/**
 * Whether any 8-character piece of the secret (all of it when shorter) survives in `redacted`. Pieces
 * that also occur in the text outside the secret (a literal prefix, a repeated word) do not count.
 */
export function leaks(
  secret: PlacedSecret,
  original: string,
  redacted: string,
  all: readonly PlacedSecret[],
): boolean {
  let context = original;
  for (const s of all) {
    context = context.split(s.value).join('\u0000');
  }
  // A placeholder names its rule (`‹secret:rubygems-api-key#1›`): that is not the secret coming back.
  const sent = redacted.replace(PLACEHOLDER_PATTERN, '\u0000');
  const width = Math.min(8, secret.value.length);
  for (let i = 0; i + width <= secret.value.length; i++) {
    const piece = secret.value.slice(i, i + width);
    if (!context.includes(piece) && sent.includes(piece)) {
      return true;
    }
  }
  return false;
}

/**
 * The redaction the report tier alone would make (`redactText` with `recall: false`): how many secrets it
 * leaks and how many negatives it changes. Beside the redact tier's figures, it shows what each target costs
 * the other on the same cases.
 */
export function reportOnlyRedaction(cases: readonly ExternalCase[]): {
  secrets: number;
  leaked: number;
  negatives: number;
  changed: number;
} {
  const out = { secrets: 0, leaked: 0, negatives: 0, changed: 0 };
  for (const c of cases) {
    const { text } = redactText(c.text, new RedactionMap(), { recall: false });
    if (c.label === 'negative') {
      out.negatives++;
      out.changed += text === c.text ? 0 : 1;
      continue;
    }
    for (const s of c.secrets) {
      out.secrets++;
      out.leaked += leaks(s, c.text, text, c.secrets) ? 1 : 0;
    }
  }
  return out;
}

function blank(source: Source | 'all', dropped: number): SourceFigures {
  return {
    source,
    secrets: 0,
    negatives: 0,
    scanFound: 0,
    scanFlaggedNegatives: 0,
    leaked: 0,
    overRedacted: 0,
    byClass: {
      context: { negatives: 0, overRedacted: 0 },
      nearMiss: { negatives: 0, overRedacted: 0 },
      other: { negatives: 0, overRedacted: 0 },
    },
    unnamed: { negatives: 0, overRedacted: 0 },
    generatedOnly: 0,
    foundButNotRedacted: 0,
    dropped,
    missed: [],
    leaks: [],
    falsePositives: [],
    overRedactions: [],
    overRedactionDiffs: [],
    leakDiffs: [],
  };
}

function add(into: SourceFigures, c: ExternalCase): void {
  const findings = scan(c.text);
  const { text: redacted, redactions } = redactText(c.text, new RedactionMap());
  const where = `${c.source} ${c.kind} (${c.from})`;
  if (c.label === 'negative') {
    into.negatives++;
    const cls = classifyNegative(c.source, c.case);
    into.byClass[cls].negatives++;
    into.unnamed.negatives += c.case === undefined ? 1 : 0;
    if (findings.length > 0) {
      into.scanFlaggedNegatives++;
      into.falsePositives.push(`${where} by ${[...new Set(findings.map((f) => f.ruleId))].join(', ')}`);
    }
    if (redacted !== c.text) {
      into.overRedacted++;
      into.byClass[cls].overRedacted++;
      into.unnamed.overRedacted += c.case === undefined ? 1 : 0;
      into.generatedOnly += redactions.every((r) => looksRandom(c.text.slice(r.start, r.end))) ? 1 : 0;
      const rules = [...new Set(redactions.map((r) => r.ruleId))].join(', ');
      // The peer's name for the case is its words, never a value.
      const named = `${where} [${cls}${c.case === undefined ? '' : `: ${JSON.stringify(c.case)}`}] by ${rules}`;
      into.overRedactions.push(named);
      into.overRedactionDiffs.push(`${named}\n${changedLines(c.text, redacted)}`);
    }
    return;
  }
  for (const s of c.secrets) {
    into.secrets++;
    const found = findings.some((f) => f.start < s.end && f.end > s.start);
    const leaked = leaks(s, c.text, redacted, c.secrets);
    into.scanFound += found ? 1 : 0;
    into.leaked += leaked ? 1 : 0;
    into.foundButNotRedacted += found && leaked ? 1 : 0;
    if (!found) {
      into.missed.push(where);
    }
    if (leaked) {
      into.leaks.push(where);
      into.leakDiffs.push(`${where}\n${leakedLines(c, s, redacted)}`);
    }
  }
}

const CLIP = 160;
const clip = (line: string): string => (line.length > CLIP ? `${line.slice(0, CLIP)}…` : line);

/** The lines of `before` that differ in `after`, each as a `-`/`+` pair, clipped: a short diff. */
export function changedLines(before: string, after: string): string {
  const a = before.split('\n');
  const b = after.split('\n');
  if (a.length !== b.length) {
    // A span across a line break: show both texts whole, clipped.
    return `    - ${clip(before.replace(/\n/g, '⏎'))}\n    + ${clip(after.replace(/\n/g, '⏎'))}`;
  }
  const out: string[] = [];
  a.forEach((line, i) => {
    if (line !== b[i]) {
      out.push(`    - ${clip(line.trim())}`, `    + ${clip(b[i]!.trim())}`);
    }
  });
  return out.join('\n');
}

/** The template lines that hold the secret's marker, and the lines at the same index as sent. */
function leakedLines(c: ExternalCase, s: PlacedSecret, redacted: string): string {
  const line = c.text.slice(0, s.start).split('\n').length - 1;
  const lines = c.text.slice(s.start, s.end).split('\n').length;
  const sent = redacted.split('\n');
  const template = c.template.split('\n');
  const out: string[] = [];
  for (let i = line; i < line + lines && i < sent.length; i++) {
    out.push(`    sent: ${clip(sent[i]!.trim())}`);
  }
  const marked = template.filter((l) => l.includes('⟦!'));
  out.unshift(...marked.slice(0, 3).map((l) => `    case: ${clip(l.trim())}`));
  return out.join('\n');
}

function addRow(total: SourceFigures, row: SourceFigures): void {
  total.secrets += row.secrets;
  total.negatives += row.negatives;
  total.scanFound += row.scanFound;
  total.scanFlaggedNegatives += row.scanFlaggedNegatives;
  total.leaked += row.leaked;
  total.overRedacted += row.overRedacted;
  for (const cls of NEGATIVE_CLASSES) {
    total.byClass[cls].negatives += row.byClass[cls].negatives;
    total.byClass[cls].overRedacted += row.byClass[cls].overRedacted;
  }
  total.unnamed.negatives += row.unnamed.negatives;
  total.unnamed.overRedacted += row.unnamed.overRedacted;
  total.generatedOnly += row.generatedOnly;
  total.foundButNotRedacted += row.foundButNotRedacted;
}

/** The counts of several source rows together (their samples are left out), as a row named 'all'. */
export function combine(rows: readonly SourceFigures[]): SourceFigures {
  const total = blank(
    'all',
    rows.reduce((a, r) => a + r.dropped, 0),
  );
  for (const row of rows) {
    addRow(total, row);
  }
  return total;
}

/** Scans and redacts every case; one row per source, then the total. */
export function measure(
  cases: readonly ExternalCase[],
  dropped: ReadonlyMap<Source, number>,
): SourceFigures[] {
  const rows = new Map<Source, SourceFigures>();
  const total = blank(
    'all',
    [...dropped.values()].reduce((a, b) => a + b, 0),
  );
  for (const c of cases) {
    let row = rows.get(c.source);
    if (!row) {
      row = blank(c.source, dropped.get(c.source) ?? 0);
      rows.set(c.source, row);
    }
    add(row, c);
  }
  for (const row of rows.values()) {
    addRow(total, row);
  }
  return [...[...rows.values()].sort((a, b) => a.source.localeCompare(b.source)), total];
}

const pct = (x: number): string => (Number.isNaN(x) ? '   -  ' : `${(x * 100).toFixed(1).padStart(5)}%`);

/** The figures as a table, with issue 9's targets beside them. Names no value. */
export function formatTable(rows: readonly SourceFigures[]): string {
  const head =
    'source          secrets  neg  dropped | scan recall  scan FP | redact leak  over-redact  found-not-redacted';
  const lines = [head, '-'.repeat(head.length)];
  for (const r of rows) {
    const x = rates(r);
    lines.push(
      `${r.source.padEnd(15)} ${String(r.secrets).padStart(7)} ${String(r.negatives).padStart(4)} ` +
        `${String(r.dropped).padStart(8)} | ${pct(x.recall).padStart(11)} ${pct(x.fpr).padStart(8)} | ` +
        `${pct(x.leak).padStart(11)} ${pct(x.over).padStart(12)} ${String(r.foundButNotRedacted).padStart(19)}`,
    );
  }
  lines.push(
    `${'target'.padEnd(15)} ${''.padStart(22)} | ${`>= ${pct(TARGETS.scanRecall).trim()}`.padStart(11)} ` +
      `${`<= ${pct(TARGETS.scanFalsePositiveRate).trim()}`.padStart(8)} | ` +
      `${`<= ${pct(TARGETS.redactLeakRate).trim()}`.padStart(11)} ${`<= ${pct(TARGETS.overRedactionRate).trim()}`.padStart(12)} ` +
      `${String(TARGETS.foundButNotRedacted).padStart(19)}`,
  );
  lines.push('', formatOverRedactionSplit(rows[rows.length - 1]!));
  return lines.join('\n');
}

const CLASS_LABEL: Record<NegativeClass, string> = {
  context: '(a) value valid, refused for context',
  nearMiss: '(b) near miss of the format',
  other: '(c) the rest (no credential, or no reason given)',
};

/**
 * The over-redaction of one row split by the peer's reason for each negative: the raw figure over all
 * negatives (the one compared to the target), then each class's changed negatives over its negatives.
 */
export function formatOverRedactionSplit(row: SourceFigures): string {
  const of = (n: number, d: number): string => `${n} of ${d} (${pct(n / d).trim()})`;
  const lines = [
    `over-redacted negatives: ${of(row.overRedacted, row.negatives)}, target <= ${pct(TARGETS.overRedactionRate).trim()}; by the peer's reason:`,
  ];
  for (const cls of NEGATIVE_CLASSES) {
    const c = row.byClass[cls];
    lines.push(`  ${CLASS_LABEL[cls].padEnd(50)} ${of(c.overRedacted, c.negatives)}`);
  }
  lines.push(
    `    ${'of (c), the peer names no case'.padEnd(48)} ${of(row.unnamed.overRedacted, row.unnamed.negatives)}`,
    `  changed ones hiding only values that look generated ${of(row.generatedOnly, row.overRedacted)};`,
    `  the rest, over all negatives: ${of(row.overRedacted - row.generatedOnly, row.negatives)}`,
  );
  return lines.join('\n');
}
