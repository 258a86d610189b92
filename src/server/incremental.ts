import type { Finding, Position } from '../core/detect/finding';
import { builtinRules } from '../core/detect/catalog';

/** A finding kept between edits: its offsets would go stale, so it holds line/column positions only. */
export type TrackedFinding = Omit<Finding, 'start' | 'end'>;

/** The part of a text document this module reads (vscode-languageserver-textdocument's `TextDocument` has it). */
export interface LineDocument {
  readonly lineCount: number;
  offsetAt(position: { line: number; character: number }): number;
  positionAt(offset: number): { line: number; character: number };
  getText(): string;
}

/** A content change as LSP sends it: with a range (incremental) or without (the whole text). */
export interface ContentChange {
  readonly range?: { readonly start: { readonly line: number }; readonly end: { readonly line: number } };
  readonly text: string;
}

/** Scans a piece of text; positions in the result are relative to that piece. */
export type TextScanner = (text: string) => readonly Finding[];

/** Characters of context kept around an edit: the longest match any rule can produce, so a secret an edit touches is always whole. */
export function contextMargin(): number {
  return builtinRules.reduce((max, rule) => Math.max(max, rule.maxLength ?? 512), 512);
}

/**
 * The findings of one open document, kept current by re-scanning only the lines an edit touched.
 *
 * Edits only record a dirty line interval and shift the findings below it; `refresh` then re-scans that
 * interval widened by one line each side (ignore comments act on the next line) and by `margin` characters
 * (so a secret that overlaps the edit is scanned whole), and splices the result in. A one-line edit in a
 * 1 MB document thus scans a few KB instead of the whole text.
 */
export class IncrementalFindings {
  private findings: TrackedFinding[] = [];
  /** Lines (inclusive, current coordinates) whose findings are unknown; undefined when none are. */
  private dirty: { start: number; end: number } | undefined;
  private needsFullScan = true;

  constructor(
    private readonly scanText: TextScanner,
    private readonly margin: number = contextMargin(),
  ) {}

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
      this.findings = this.scanText(document.getText()).map((f) => tracked(f, 0));
      this.needsFullScan = false;
      this.dirty = undefined;
      return true;
    }
    if (!this.dirty) {
      return false;
    }
    const lastLine = document.lineCount - 1;
    let lo = Math.max(0, this.dirty.start - 1);
    let hi = Math.min(lastLine, this.dirty.end + 1);
    lo = document.positionAt(Math.max(0, lineStart(document, lo) - this.margin)).line;
    hi = document.positionAt(lineStart(document, hi + 1) + this.margin).line;
    // A kept finding that straddles the window is re-scanned whole rather than cut in two.
    for (let grew = true; grew;) {
      grew = false;
      for (const f of this.findings) {
        if (f.startPos.line <= hi && f.endPos.line >= lo && (f.startPos.line < lo || f.endPos.line > hi)) {
          lo = Math.min(lo, f.startPos.line);
          hi = Math.max(hi, f.endPos.line);
          grew = true;
        }
      }
    }
    // One line above the window is read as context only: an ignore comment there applies to line `lo`.
    const from = Math.max(0, lo - 1);
    const text = document.getText().slice(lineStart(document, from), lineStart(document, hi + 1));
    const fresh = this.scanText(text)
      .map((f) => tracked(f, from))
      .filter((f) => f.startPos.line >= lo);
    const before = this.findings.filter((f) => f.endPos.line < lo);
    const after = this.findings.filter((f) => f.startPos.line > hi);
    this.findings = [...before, ...fresh, ...after];
    this.dirty = undefined;
    return true;
  }
}

function lineStart(document: LineDocument, line: number): number {
  return document.offsetAt({ line, character: 0 });
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    n++;
  }
  return n;
}

function tracked(finding: Finding, lineOffset: number): TrackedFinding {
  const { start: _start, end: _end, ...rest } = finding;
  return lineOffset === 0 ? rest : shiftLines(rest, lineOffset);
}

function shiftLines(finding: TrackedFinding, delta: number): TrackedFinding {
  const move = (p: Position): Position => ({ line: p.line + delta, column: p.column });
  return { ...finding, startPos: move(finding.startPos), endPos: move(finding.endPos) };
}
