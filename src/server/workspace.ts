import { readTextFileSync } from '../core/fs/decodeText';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Allowlist } from '../core/detect/allowlist';
import { ALLOWLIST_FILE, allowlistMatcher, emptyAllowlist, parseAllowlist } from '../core/detect/allowlist';
import type { Finding } from '../core/detect/finding';
import { isNotebook, withNotebookCells } from '../core/detect/notebookView';
import { scan, scanRange } from '../core/detect/scanner';
import type { Logger } from '../core/log';
import type { DetectionSettings } from '../protocol/lsp';
import type { DocumentScanner } from './incremental';
import type { SkipReason } from './pathFilter';
import { PathFilter } from './pathFilter';
import { defaultDetectionSettings, scanOptionsFor } from './settings';

type AllowlistMatcher = ReturnType<typeof allowlistMatcher>;

/** The file system path of a `file:` URI; undefined for untitled and other schemes. */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) {
    return undefined;
  }
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined; // A malformed URI is treated like an untitled document.
  }
}

/**
 * What the server knows about the workspace beyond the open documents: its folders, the detection
 * settings, each folder's allowlist file and the path filter. Every scan goes through `scannerFor`, so
 * open documents and the workspace scan apply the same rules.
 */
export class WorkspaceState {
  private settingsValue: DetectionSettings = defaultDetectionSettings;
  private roots: readonly string[] = [];
  private readonly allowlists = new Map<string, { list: Allowlist; matches: AllowlistMatcher }>();
  readonly paths: PathFilter;

  constructor(
    private readonly openText: (fsPath: string) => string | undefined,
    private readonly log: Logger,
  ) {
    this.paths = new PathFilter((p) => this.readText(p));
  }

  get settings(): DetectionSettings {
    return this.settingsValue;
  }

  get folders(): readonly string[] {
    return this.roots;
  }

  /** Workspace folders as file system paths. */
  setFolders(roots: readonly string[]): void {
    this.roots = roots;
    this.paths.setRoots(roots);
    this.reloadAllowlists();
  }

  setSettings(settings: DetectionSettings): void {
    this.settingsValue = settings;
    this.updateIgnorePaths();
  }

  /** Re-reads every folder's allowlist file (an open editor's unsaved text first). A broken file counts as empty and is logged. */
  reloadAllowlists(): void {
    this.allowlists.clear();
    for (const root of this.roots) {
      const file = join(root, ALLOWLIST_FILE);
      const text = this.readText(file);
      if (text === undefined || text.trim() === '') {
        continue;
      }
      try {
        const list = parseAllowlist(text, file);
        this.allowlists.set(root, { list, matches: allowlistMatcher(list) });
      } catch (error) {
        // The parser's message names the file and field, never a value from it.
        this.log.warn(error instanceof Error ? error.message : `${file}: invalid allowlist`);
      }
    }
    this.updateIgnorePaths();
  }

  /** The workspace folder a document belongs to: the one holding it, else (untitled, outside) the first. */
  folderFor(uri: string): string | undefined {
    const path = uriToPath(uri);
    return (path !== undefined ? this.paths.rootOf(path) : undefined) ?? this.roots[0];
  }

  /** The allowlist of `folder` (empty when it has none or it is broken). */
  allowlistOf(folder: string): Allowlist {
    return this.allowlists.get(folder)?.list ?? emptyAllowlist;
  }

  /** Whether `fsPath` is a file whose change means re-reading state: an allowlist or an ignore file. */
  kindOf(fsPath: string): 'allowlist' | 'gitignore' | undefined {
    if (this.roots.some((root) => fsPath === join(root, ALLOWLIST_FILE))) {
      return 'allowlist';
    }
    return /(^|[\\/])\.gitignore$|[\\/]\.git[\\/]info[\\/]exclude$/.test(fsPath) ? 'gitignore' : undefined;
  }

  /** Why the document at `uri` gets no diagnostics, if it gets none. */
  skipReason(uri: string): SkipReason | undefined {
    const path = uriToPath(uri);
    return path === undefined ? undefined : this.paths.skipReason(path);
  }

  /** A scanner for the document at `uri` under the current settings and allowlist (read at each call). */
  scannerFor(uri: string): DocumentScanner {
    const notebook = isNotebook(uri);
    return {
      scan: (text) => this.scan(uri, text),
      scanRange: (text, startLine, endLine, starts) => {
        if (notebook) {
          // A notebook's decoded cells are read whole (see notebookView.ts): the whole document again.
          return { startLine: 0, endLine: starts.length - 1, findings: this.scan(uri, text) };
        }
        const options = scanOptionsFor(this.settingsValue, new Set());
        const range = scanRange(text, startLine, endLine, options, starts);
        return { ...range, findings: this.withoutAllowlisted(uri, range.findings) };
      },
    };
  }

  /** Findings of `text` as the document at `uri`, allowlisted ones dropped. */
  scan(uri: string, text: string): Finding[] {
    const options = scanOptionsFor(this.settingsValue, new Set());
    const direct = scan(text, options);
    return this.withoutAllowlisted(uri, isNotebook(uri) ? withNotebookCells(text, options, direct) : direct);
  }

  /** The findings the allowlist of the document's folder does not cover (entries can be scoped to a rule or path). */
  private withoutAllowlisted(uri: string, findings: Finding[]): Finding[] {
    const folder = this.folderFor(uri);
    const allow = folder === undefined ? undefined : this.allowlists.get(folder);
    if (!allow || findings.length === 0) {
      return findings;
    }
    const path = uriToPath(uri);
    const rel = path === undefined ? undefined : this.paths.relativePath(path);
    return findings.filter((f) => !allow.matches(f, rel));
  }

  /** A file's text: the open editor's (unsaved edits count), else the disk's; undefined when unreadable. */
  readText(fsPath: string): string | undefined {
    const open = this.openText(fsPath);
    if (open !== undefined) {
      return open;
    }
    try {
      return readTextFileSync(fsPath);
    } catch {
      return undefined; // Missing, unreadable or binary: callers treat it as absent.
    }
  }

  private updateIgnorePaths(): void {
    const fromAllowlists = [...this.allowlists.values()].flatMap((a) => a.list.paths);
    this.paths.setIgnorePaths([...this.settingsValue.ignorePaths, ...fromAllowlists]);
  }
}
