// Custom LSP messages and shared payloads between the Secure GPT language client (extension) and server.
// Each message has its own namespace and says who sends it. Imports neither vscode nor the server library:
// plain method names and payload types, so both sides agree without sharing runtime code.

/** The diagnostic `source` every Secure GPT diagnostic carries. */
export const DIAGNOSTIC_SOURCE = 'secure-gpt';

/** The configuration section the client synchronises (`workspace/didChangeConfiguration` sends `{ secureGpt: … }`). */
export const CONFIGURATION_SECTION = 'secureGpt';

/** Severity a user may give a rule in `secureGpt.detection.severityOverrides`. */
export type SeverityOverride = 'error' | 'warning' | 'info';

/** The `secureGpt.detection.*` settings, as the client sends them. */
export interface DetectionSettings {
  readonly disabledRules: readonly string[];
  readonly severityOverrides: Readonly<Record<string, SeverityOverride>>;
  /** Globs relative to the workspace root; matching files get no diagnostics. */
  readonly ignorePaths: readonly string[];
}

/** The `secureGpt` section as it travels in `initializationOptions` and `didChangeConfiguration`. */
export interface SecureGptSettings {
  readonly detection?: Partial<DetectionSettings>;
}

/** Sent by the client in `initialize`: the settings at start, and test/bench knobs. */
export interface InitializationOptions {
  readonly settings?: SecureGptSettings;
  /**
   * A fixed delay between the last edit and the re-scan, in ms (default: twice the last re-scan, 10 to 100 ms).
   * Benches set 0 to time the server alone.
   */
  readonly debounceMs?: number;
  /** Set only by an extension running in a test host (see the extension's `testHooks.ts`): enables `TestLogRequest`. */
  readonly testHooks?: boolean;
}

/** `Diagnostic.data` of every Secure GPT diagnostic: what the code actions need, and never the secret. */
export interface FindingData {
  readonly fingerprint: string;
  readonly provider: string;
  readonly description: string;
}

/**
 * Sent by the client (the Scan Workspace command): scan every workspace folder from disk and publish each
 * file's diagnostics. The server walks the folders itself, honoring `.gitignore`, skipping binary and
 * oversized files and `ignorePaths`. Cancel it with the request's cancellation token.
 */
export namespace ScanWorkspaceRequest {
  export const method = 'secureGpt/scanWorkspace';
  /** Empty for now: the folders are the ones the server was initialised with. */
  export type Params = Record<string, never>;
  export interface Result {
    readonly scanned: number;
    /** Binary, oversized or unreadable files. */
    readonly skipped: number;
    readonly findings: number;
    readonly filesWithFindings: number;
    /** True when the scan stopped at a cancellation; the counts cover what was scanned. */
    readonly cancelled: boolean;
  }
}

/** Sent by the server while a workspace scan runs, at most every 100 ms: how far it got. */
export namespace ScanProgressNotification {
  export const method = 'secureGpt/scanProgress';
  export interface Params {
    readonly scanned: number;
    readonly findings: number;
  }
}

/**
 * Sent by the client in a test host only (the server answers it only when `InitializationOptions.testHooks` was
 * set): the server writes `line` to its console and to its stderr, the two ways a server's words reach the
 * extension's log, so a test can show that both arrive scrubbed.
 */
export namespace TestLogRequest {
  export const method = 'secureGpt/test/log';
  export interface Params {
    readonly line: string;
  }
  export type Result = null;
}

/** A range in a document, in LSP coordinates (0-based lines, UTF-16 characters). */
export interface PlainRange {
  readonly start: { readonly line: number; readonly character: number };
  readonly end: { readonly line: number; readonly character: number };
}

/**
 * Run by the client when the user picks "Store the key in the keychain" on an OpenAI key. The server sends
 * where the key is and its fingerprint, never the key: the client reads it from its own copy of the
 * document, checks the fingerprint, stores it, then applies `edits` (the env-var replacement).
 */
export namespace StoreKeyFromFileCommand {
  export const command = 'secureGpt.storeKeyFromFile';
  export interface Args {
    readonly uri: string;
    readonly range: PlainRange;
    readonly fingerprint: string;
    readonly ruleId: string;
    readonly edits: readonly { readonly range: PlainRange; readonly newText: string }[];
  }
}
