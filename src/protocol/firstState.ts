// Shared by the chat view's page (written by the host) and the webview script that reads it. No imports.

/** Id of the `<script type="application/json">` that holds the chat's first state in its page, if any. */
export const FIRST_STATE_ELEMENT_ID = 'secure-gpt-first-state';

/**
 * Id of the element that holds the saved turns the host drew into the page as static HTML, shown before any
 * script runs: the script moves them into its own list, or replaces them with the first state's.
 */
export const PAGE_TURNS_ELEMENT_ID = 'secure-gpt-page-turns';

/** Id of the `<script type="application/json">` that holds the host's load marks (`LoadMarks`) in the page. */
export const LOAD_MARKS_ELEMENT_ID = 'secure-gpt-load-marks';

/**
 * When the host did each step that leads to the chat's page, as epoch milliseconds (`Date.now()`): written
 * into the page so that the load can be laid on one clock with the browser's (the e2e prints the timeline).
 * Times only, nothing about the user. Filled in as the steps happen (so not readonly).
 */
export interface LoadMarks {
  /** The extension host process started (`performance.timeOrigin` there). */
  hostStarted?: number;
  /** The extension's entry bundle began to run. */
  moduleLoaded?: number;
  /** `activate` began. */
  activated?: number;
  /** The heavy bundles began to load (held back until the page is set, or a second). */
  featuresLoading?: number;
  /** The chat session and commands had started. */
  featuresStarted?: number;
  /** The saved turns were in memory. */
  historyLoaded?: number;
  /** VS Code called `resolveWebviewView`: it handed the view to the extension. */
  resolved?: number;
  /** The page's HTML was assigned. */
  htmlSet?: number;
}

/** Names of the `performance.mark`s the chat's script sets, for the same timeline. */
export const SCRIPT_MARKS = {
  /** The bundle's first statement (a banner esbuild.js puts before everything, the libraries' code included). */
  started: 'secureGpt.scriptStarted',
  /** The script has drawn the first state's turns. */
  drawn: 'secureGpt.turnsDrawn',
} as const;
