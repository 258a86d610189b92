import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { Connection, Diagnostic } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { builtinRules } from '../core/detect/catalog';
import type { FindingData, SeverityOverride } from '../protocol/lsp';
import { DIAGNOSTIC_SOURCE } from '../protocol/lsp';
import type { DocumentStore, OpenDocument } from './documents';
import type { TrackedFinding } from './incremental';
import type { WorkspaceState } from './workspace';
import { uriToPath } from './workspace';

/** Timing of the re-scan after edits. */
export interface DebounceOptions {
  /**
   * A fixed quiet time after the last edit before re-scanning; 0 re-scans synchronously on each change.
   * Absent: the quiet time follows the document's last re-scan (see `quietDelay`).
   */
  readonly debounceMs?: number;
  /** Longest an edit waits while edits keep coming, so continuous typing still updates. */
  readonly maxWaitMs: number;
}

/** The quiet time follows the scan cost; a paste skips the wait (see `PASTE_CHARS`). */
export const defaultDebounce: DebounceOptions = { maxWaitMs: 250 };

/** Bounds of the adaptive quiet time, and its value before a document's first re-scan. */
export const QUIET_MS = { min: 10, max: 100, initial: 20 } as const;

/**
 * The quiet time after an edit, from how long the document's last re-scan took: twice that, within
 * [10, 100] ms. Re-scanning only the touched lines of even a large file takes a few milliseconds, so the
 * warning follows the keystroke by ~20 ms; twice the cost keeps re-scans to at most a third of the time
 * of steady typing when a scan is slow (a huge line, a slow machine), and the 100 ms ceiling is the old
 * fixed debounce. Before any re-scan (or with a nonsense figure) it is `QUIET_MS.initial`.
 */
export function quietDelay(lastScanMs: number | undefined): number {
  if (lastScanMs === undefined || !Number.isFinite(lastScanMs) || lastScanMs < 0) {
    return QUIET_MS.initial;
  }
  return Math.min(QUIET_MS.max, Math.max(QUIET_MS.min, Math.ceil(2 * lastScanMs)));
}

/**
 * A change inserting at least this many characters at once is a paste (or a snippet): it is scanned at
 * once, since a pasted key should show immediately, and an incremental re-scan costs a millisecond or two.
 * The shortest key formats are longer than this; typing and most completions are shorter.
 */
export const PASTE_CHARS = 16;

const SEVERITY: Readonly<Record<SeverityOverride, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

const revokeUrls = new Map(builtinRules.flatMap((r) => (r.revokeUrl ? [[r.id, r.revokeUrl] as const] : [])));

/**
 * What to do next, appended to the message: the hover shows the message and, as a link, the rule id, so
 * the text says that the link revokes and where it goes, then points at the quick fixes.
 */
export function nextStep(
  finding: Pick<TrackedFinding, 'provider' | 'ruleId'>,
  href: string | undefined,
): string {
  const host = href !== undefined && URL.canParse(href) ? new URL(href).host : undefined;
  const revoke =
    host !== undefined
      ? ` Revoke at ${finding.provider}: the ${finding.ruleId} link opens ${host}.`
      : ' Revoke or rotate it with its issuer if it was ever shared or committed.';
  return `${revoke} Then Quick Fix (Ctrl+. / Cmd+.) moves it out of the file or ignores it.`;
}

/** The diagnostic for one finding: names provider and risk, carries the rule id, never the secret. */
export function toDiagnostic(
  finding: TrackedFinding,
  overrides: Readonly<Record<string, SeverityOverride>>,
): Diagnostic {
  const data: FindingData = {
    fingerprint: finding.fingerprint,
    provider: finding.provider,
    description: finding.description,
  };
  const href = revokeUrls.get(finding.ruleId);
  return {
    range: {
      start: { line: finding.startPos.line, character: finding.startPos.column },
      end: { line: finding.endPos.line, character: finding.endPos.column },
    },
    severity: SEVERITY[overrides[finding.ruleId] ?? finding.severity],
    code: finding.ruleId,
    // Where to revoke the key: clicking the rule id in the hover or the Problems panel opens it.
    ...(href ? { codeDescription: { href } } : {}),
    source: DIAGNOSTIC_SOURCE,
    message: `${finding.message}${nextStep(finding, href)}`,
    data,
  };
}

/**
 * Publishes diagnostics for open documents (debounced after edits, at once on open and save) and for
 * files a workspace scan found while they are not open. Those stay in the Problems panel after their
 * editor closes: closing re-scans them from disk instead of clearing.
 */
export class DiagnosticsPublisher {
  private readonly pending = new Map<string, { timer: NodeJS.Timeout; since: number }>();
  /** How long each open document's last re-scan after an edit took, in ms: sets its quiet time. */
  private readonly rescanMs = new Map<string, number>();
  /** File system path to the URI its workspace-scan diagnostics were published under. */
  private readonly workspaceResults = new Map<string, string>();

  constructor(
    private readonly connection: Pick<Connection, 'sendDiagnostics'>,
    private readonly state: WorkspaceState,
    private readonly documents: DocumentStore,
    /** Settable once the client's `initializationOptions` are known. */
    public timing: DebounceOptions = defaultDebounce,
  ) {}

  /** Re-scans `entry` once edits pause, or at once after a paste (`inserted` characters in one change). */
  schedule(entry: OpenDocument, inserted = 0): void {
    const uri = entry.document.uri;
    const quiet = this.timing.debounceMs ?? quietDelay(this.rescanMs.get(uri));
    if (quiet <= 0 || inserted >= PASTE_CHARS) {
      this.rescan(entry);
      return;
    }
    const now = Date.now();
    const previous = this.pending.get(uri);
    if (previous) {
      clearTimeout(previous.timer);
    }
    const since = previous?.since ?? now;
    const delay = Math.max(0, Math.min(quiet, since + this.timing.maxWaitMs - now));
    const timer = setTimeout(() => {
      this.pending.delete(uri);
      const current = this.documents.get(uri);
      if (current) {
        this.rescan(current);
      }
    }, delay);
    this.pending.set(uri, { timer, since });
  }

  /** `publishOpen` after an edit, timed for the next quiet delay. */
  private rescan(entry: OpenDocument): void {
    const start = performance.now();
    this.publishOpen(entry);
    this.rescanMs.set(entry.document.uri, performance.now() - start);
  }

  /** Scans what changed in `entry` (everything after `invalidateAll`) and publishes now. */
  publishOpen(entry: OpenDocument): void {
    this.cancel(entry.document.uri);
    const { document, findings } = entry;
    if (this.state.skipReason(document.uri) !== undefined) {
      findings.invalidateAll();
      this.send(document.uri, [], document.version);
      return;
    }
    findings.refresh(document);
    this.send(document.uri, findings.current, document.version);
  }

  /** A document closed: its diagnostics go, unless a workspace scan reported the file (then the disk copy is re-scanned). */
  closed(uri: string): void {
    this.cancel(uri);
    this.rescanMs.delete(uri);
    const path = uriToPath(uri);
    if (path !== undefined && this.workspaceResults.has(path)) {
      this.publishFromDisk(path);
    } else {
      this.send(uri, []);
    }
  }

  /** Publishes a workspace scan's findings for a file; an open document keeps its live diagnostics. */
  publishScanned(fsPath: string, findings: readonly TrackedFinding[]): void {
    if (this.documents.byPath(fsPath)) {
      return;
    }
    const uri = pathToFileURL(fsPath).href;
    if (findings.length > 0) {
      this.workspaceResults.set(fsPath, uri);
    } else if (this.workspaceResults.delete(fsPath)) {
      this.send(uri, []);
    }
    if (findings.length > 0) {
      this.send(uri, findings);
    }
  }

  /** Clears the previous workspace scan's diagnostics (a new scan starts). */
  clearWorkspaceResults(): void {
    for (const [path, uri] of this.workspaceResults) {
      if (!this.documents.byPath(path)) {
        this.send(uri, []);
      }
    }
    this.workspaceResults.clear();
  }

  /** Settings, allowlist or ignore files changed: re-scan every open document and every file a workspace scan reported. */
  republishAll(): void {
    for (const entry of this.documents.all()) {
      entry.findings.invalidateAll();
      this.publishOpen(entry);
    }
    for (const path of [...this.workspaceResults.keys()]) {
      if (!this.documents.byPath(path)) {
        this.publishFromDisk(path);
      }
    }
  }

  private publishFromDisk(fsPath: string): void {
    const uri = pathToFileURL(fsPath).href;
    const text = this.state.readText(fsPath);
    const skipped = text === undefined || this.state.paths.skipReason(fsPath) !== undefined;
    this.publishScanned(fsPath, skipped ? [] : this.state.scan(uri, text));
  }

  private cancel(uri: string): void {
    const previous = this.pending.get(uri);
    if (previous) {
      clearTimeout(previous.timer);
      this.pending.delete(uri);
    }
  }

  private send(uri: string, findings: readonly TrackedFinding[], version?: number): void {
    const overrides = this.state.settings.severityOverrides;
    const diagnostics = findings.map((f) => toDiagnostic(f, overrides));
    void this.connection.sendDiagnostics(
      version === undefined ? { uri, diagnostics } : { uri, version, diagnostics },
    );
  }
}
