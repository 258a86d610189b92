import * as fs from 'node:fs';
import * as path from 'node:path';
import { generate } from './generate';

/**
 * The external corpus: the peers' own published positive and negative test cases (gitleaks,
 * trufflehog, detect-secrets, secretlint, llm-guard, Nosey Parker), kept with their context as the peers wrote it.
 * No value is stored: each secret-looking token is a marker naming its format (`⟦re:…⟧`, `⟦@jwt⟧`), and
 * a marker opening with `!` is the case's secret. Values are re-generated on every load. The JSON-lines files
 * (a header line, then one case per line) were written by the extractors in `extract/`, which say which peer files each case comes from.
 */

export type Source =
  'gitleaks' | 'trufflehog' | 'detect-secrets' | 'secretlint' | 'llm-guard' | 'noseyparker' | 'kingfisher';

/** One secret in an instantiated case: where it is and its fresh value (in-process only). */
export interface PlacedSecret {
  readonly start: number;
  readonly end: number;
  readonly value: string;
}

/** One case, with fresh values in place of its markers. */
export interface ExternalCase {
  readonly source: Source;
  /** The peer's rule or detector the case was written for. */
  readonly kind: string;
  /** The peer's file (or snapshot) it comes from. */
  readonly from: string;
  /** The peer's own name for the case (trufflehog's `name:`, a test's comment), where it gives one. */
  readonly case?: string;
  readonly label: 'secret' | 'negative';
  readonly text: string;
  readonly secrets: readonly PlacedSecret[];
  /** The stored template (markers, no value). */
  readonly template: string;
}

interface StoredCase {
  readonly label: 'secret' | 'negative';
  readonly kind: string;
  readonly from: string;
  readonly case?: string;
  readonly text: string;
}

interface StoredHeader {
  readonly source: Source;
  readonly origin: string;
  readonly dropped: number;
  readonly unsupported?: number;
}

/** What a load gave: the cases, and per source how many peer cases the extractors dropped (README.md). */
export interface ExternalCorpus {
  readonly cases: readonly ExternalCase[];
  readonly dropped: ReadonlyMap<Source, number>;
  readonly origins: ReadonlyMap<Source, readonly string[]>;
}

/** test/corpus/external in the checkout: found upwards, so compiled (out/) and bundled copies both load it. */
function corpusDir(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'test', 'corpus', 'external');
    if (fs.existsSync(path.join(candidate, 'gitleaks1.jsonl'))) {
      return candidate;
    }
    if (path.dirname(dir) === dir) {
      throw new Error('test/corpus/external not found above ' + __dirname);
    }
  }
}
const MARKER = /⟦(!?)([^⟧]+)⟧/g;

/** Fills a template's markers with fresh values. */
export function instantiate(template: string): { text: string; secrets: PlacedSecret[] } {
  let text = '';
  const secrets: PlacedSecret[] = [];
  let cursor = 0;
  for (const m of template.matchAll(MARKER)) {
    text += template.slice(cursor, m.index);
    const value = generate(m[2]!);
    if (m[1] === '!') {
      secrets.push({ start: text.length, end: text.length + value.length, value });
    }
    text += value;
    cursor = m.index + m[0].length;
  }
  return { text: text + template.slice(cursor), secrets };
}

/** Loads every source file under test/corpus/external/ with fresh values. */
export function loadExternalCorpus(dir: string = corpusDir()): ExternalCorpus {
  const cases: ExternalCase[] = [];
  const dropped = new Map<Source, number>();
  const origins = new Map<Source, string[]>();
  for (const name of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()) {
    const [head, ...rest] = fs
      .readFileSync(path.join(dir, name), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '');
    const file = {
      ...(JSON.parse(head!) as StoredHeader),
      cases: rest.map((l) => JSON.parse(l) as StoredCase),
    };
    const { source } = file;
    const list = origins.get(source) ?? [];
    if (!list.includes(file.origin)) {
      list.push(file.origin);
      // Drops are counted once per source: every file of a source repeats its header.
      dropped.set(source, (dropped.get(source) ?? 0) + file.dropped + (file.unsupported ?? 0));
    }
    origins.set(source, list);
    // Every case is measured: the drop rules (README.md) are the extractors', so a format the sampler
    // cannot read is an extractor's fault, and fails the load rather than being left out of the figures.
    for (const c of file.cases) {
      cases.push({
        source,
        kind: c.kind,
        from: c.from,
        ...(c.case === undefined ? {} : { case: c.case }),
        label: c.label,
        template: c.text,
        ...instantiate(c.text),
      });
    }
  }
  return { cases, dropped, origins };
}
