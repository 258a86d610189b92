import type { Finding, Position } from '../core/detect/finding';
import type { RangeScan } from '../core/detect/scanner';
import { lineStarts } from '../core/detect/scanner';

/** A finding kept between edits: its offsets would go stale, so it holds line/column positions only. */
export type TrackedFinding = Omit<Finding, 'start' | 'end'>;

/** The part of a text document this module reads (vscode-languageserver-textdocument's `TextDocument` has it). */
export interface LineDocument {
  readonly lineCount: number;
  getText(): string;
}

/** A content change as LSP sends it: with a range (incremental) or without (the whole text). */
export interface ContentChange {
  readonly range?: { readonly start: { readonly line: number }; readonly end: { readonly line: number } };
  readonly text: string;
}

/** The engine as a document sees it: a whole-text scan, and a re-scan of some lines (see core's `scanRange`). */
export interface DocumentScanner {
  scan(text: string): readonly Finding[];
  scanRange(text: string, startLine: number, endLine: number, starts: readonly number[]): RangeScan;
}

/**
 * The findings of one open document, kept current by re-scanning only the lines an edit touched.
 *
 * Edits only record a dirty line interval and shift the findings below it; `refresh` then has the engine
 * re-scan that interval (`scanRange` widens it by a line each side, for ignore comments, and over any
 * multi-line finding it meets) and splices the result in. A one-line edit in a 1 MB document thus runs
 * the rules over a few lines instead of the whole text.
 */
export class IncrementalFindings {
  private findings: TrackedFinding[] = [];
  /** Lines (inclusive, current coordinates) whose findings are unknown; undefined when none are. */
  private dirty: { start: number; end: number } | undefined;
  private needsFullScan = true;

  constructor(private readonly scanner: DocumentScanner) {}

  /** The findings as of the last `refresh`, in document order. */
  get current(): readonly TrackedFinding[] {
    return this.findings;
  }

  /** Forgets everything: the next `refresh` scans the whole text (settings or allowlist changed, or a save). */
  invalidateAll(): void {
    this.needsFullScan = true;
    this.dirty = undefined;
  }

  /** Records one content change, in the order the client sent them; call before applying the next. */
  noteChange(change: ContentChange): void {
    if (!change.range) {
      this.invalidateAll();
      return;
    }
    if (this.needsFullScan) {
      return;
    }
    const first = change.range.start.line;
    const last = change.range.end.line;
    const newLast = first + countNewlines(change.text);
    const delta = newLast - last;
    // Where a line of the old text lands in the new one; lines inside the replaced range fall on `inside`.
    const map = (line: number, inside: number): number =>
      line < first ? line : line > last ? line + delta : inside;
    let start = first;
    let end = newLast;
    if (this.dirty) {
      start = Math.min(start, map(this.dirty.start, first));
      end = Math.max(end, map(this.dirty.end, newLast));
    }
    const kept: TrackedFinding[] = [];
    for (const finding of this.findings) {
      if (finding.endPos.line < first) {
        kept.push(finding);
      } else if (finding.startPos.line > last) {
        kept.push(delta === 0 ? finding : shiftLines(finding, delta));
      } else {
        // Touched by the edit: dropped now, and its whole extent is re-scanned.
        start = Math.min(start, finding.startPos.line);
        end = Math.max(end, map(finding.endPos.line, newLast));
      }
    }
    this.findings = kept;
    this.dirty = { start, end };
  }

  /** Brings the findings up to date with `document`; returns whether anything was scanned. */
  refresh(document: LineDocument): boolean {
    if (this.needsFullScan) {
      this.findings = this.scanner.scan(document.getText()).map(tracked);
      this.needsFullScan = false;
      this.dirty = undefined;
      return true;
    }
    if (!this.dirty) {
      return false;
    }
    const text = document.getText();
    const last = document.lineCount - 1;
    const range = this.scanner.scanRange(
      text,
      Math.min(this.dirty.start, last),
      Math.min(this.dirty.end, last),
      lineStarts(text),
    );
    // Findings meeting the re-scanned lines are replaced by what the engine found there now.
    const before = this.findings.filter((f) => f.endPos.line < range.startLine);
    const after = this.findings.filter((f) => f.startPos.line > range.endLine);
    this.findings = [...before, ...range.findings.map(tracked), ...after];
    this.dirty = undefined;
    return true;
  }
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    n++;
  }
  return n;
}

function tracked(finding: Finding): TrackedFinding {
  const { start: _start, end: _end, ...rest } = finding;
  return rest;
}

function shiftLines(finding: TrackedFinding, delta: number): TrackedFinding {
  const move = (p: Position): Position => ({ line: p.line + delta, column: p.column });
  return { ...finding, startPos: move(finding.startPos), endPos: move(finding.endPos) };
}
