import * as assert from 'node:assert';
import { seededFloats } from '../../test/support/seededRandom';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { githubToken } from '../core/detect/checksum';
import { ALNUM, randomToken } from '../core/detect/random';
import type { ScanStats } from '../core/detect/scanner';
import { scan, scanRange } from '../core/detect/scanner';
import { newStats } from '../core/detect/matcher';
import type { TrackedFinding } from './incremental';
import { IncrementalFindings } from './incremental';

const key = (): string => githubToken('ghp', randomToken(ALNUM, 30));

function sourceLines(count: number): string[] {
  return Array.from({ length: count }, (_, i) =>
    i % 25 === 3 ? `const token${i} = "${key()}";` : `export const value${i} = compute(${i}, "text ${i}");`,
  );
}

/** What a full scan sees, in the tracked form (positions only) for comparison. */
function full(text: string): TrackedFinding[] {
  return scan(text).map(({ start: _s, end: _e, ...rest }) => rest);
}

class Doc {
  document: TextDocument;
  readonly findings: IncrementalFindings;
  /** The engine's work counters since the last `apply`: characters the rule patterns ran over. */
  stats: ScanStats = newStats();
  fullScans = 0;

  constructor(text: string) {
    this.document = TextDocument.create('file:///t.ts', 'typescript', 1, text);
    this.findings = new IncrementalFindings({
      scan: (t) => {
        this.fullScans++;
        return scan(t, { stats: this.stats });
      },
      scanRange: (t, a, b, starts) => scanRange(t, a, b, { stats: this.stats }, starts),
    });
    this.findings.refresh(this.document);
  }

  apply(...changes: TextDocumentContentChangeEvent[]): void {
    for (const change of changes) {
      this.findings.noteChange(change);
      this.document = TextDocument.update(this.document, [change], this.document.version + 1);
    }
    this.stats = newStats();
    this.fullScans = 0;
    this.findings.refresh(this.document);
  }
}

function randomEdit(doc: TextDocument, r: () => number): TextDocumentContentChangeEvent {
  const text = doc.getText();
  const a = Math.floor(r() * text.length);
  const b = Math.min(text.length, a + Math.floor(r() * 80));
  const kinds = [
    `"${key()}"`,
    '\n',
    `\n// secure-gpt-ignore\n`,
    'x',
    '',
    `\nlet k = "${key()}";\n`,
    text.slice(Math.floor(r() * text.length), Math.floor(r() * text.length) + 120),
  ];
  const insert = kinds[Math.floor(r() * kinds.length)]!;
  return { range: { start: doc.positionAt(a), end: doc.positionAt(b) }, text: insert };
}

describe('IncrementalFindings', function () {
  this.timeout(120_000); // whole processes: a loaded machine can be slow; correctness, not speed, is checked
  it('matches a full scan after every random edit (incl. several changes per event, ignore comments)', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const r = seededFloats(seed);
      const doc = new Doc(sourceLines(200).join('\n'));
      for (let step = 0; step < 60; step++) {
        const count = 1 + Math.floor(r() * 3);
        const changes: TextDocumentContentChangeEvent[] = [];
        let probe = doc.document;
        for (let c = 0; c < count; c++) {
          const change = randomEdit(probe, r);
          changes.push(change);
          probe = TextDocument.update(
            TextDocument.create(probe.uri, probe.languageId, probe.version, probe.getText()),
            [change],
            probe.version + 1,
          );
        }
        doc.apply(...changes);
        assert.deepStrictEqual(
          doc.findings.current,
          full(doc.document.getText()),
          `seed ${seed}, step ${step}`,
        );
      }
    }
  });

  it('runs the rules over a few lines, not the document, for a one-line edit in a 1 MB document', () => {
    const lines = sourceLines(20_000);
    const doc = new Doc(lines.join('\n'));
    assert.ok(doc.document.getText().length > 1_000_000);
    const whole = newStats();
    scan(doc.document.getText(), { stats: whole });
    const line = 12_345;
    const length = lines[line]!.length;
    doc.apply({
      range: { start: { line, character: 0 }, end: { line, character: length } },
      text: `const k = "${key()}";`,
    });
    assert.strictEqual(doc.fullScans, 0);
    assert.ok(
      doc.stats.windowChars * 500 < whole.windowChars,
      `one edit: ${doc.stats.windowChars} window characters; whole document: ${whole.windowChars}`,
    );
    assert.deepStrictEqual(doc.findings.current, full(doc.document.getText()));
    assert.ok(doc.findings.current.some((f) => f.startPos.line === line));
  });

  it('scans everything again after invalidateAll or a change without a range', () => {
    const doc = new Doc(sourceLines(50).join('\n'));
    const text = `a = "${key()}"\n`;
    doc.apply({ text });
    assert.strictEqual(doc.fullScans, 1);
    assert.deepStrictEqual(doc.findings.current, full(text));
    doc.findings.invalidateAll();
    doc.findings.refresh(doc.document);
    assert.strictEqual(doc.fullScans, 2);
    assert.deepStrictEqual(doc.findings.current, full(text));
  });

  it('shifts findings below an edit without re-scanning them', () => {
    const doc = new Doc(sourceLines(4000).join('\n'));
    const before = doc.findings.current.filter((f) => f.startPos.line > 3000);
    doc.apply({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n\n' });
    const after = doc.findings.current.filter((f) => f.startPos.line > 3002);
    assert.deepStrictEqual(
      after.map((f) => f.startPos.line),
      before.map((f) => f.startPos.line + 2),
    );
    assert.strictEqual(doc.fullScans, 0);
  });
});
