// Custom LSP messages between the Secure GPT language client (extension) and server. Each has its own
// namespace and says who sends it. Imports neither vscode nor the server library: plain method names and
// payload types, so both sides agree without sharing runtime code.

/** The diagnostic `source` every Secure GPT diagnostic carries. */
export const DIAGNOSTIC_SOURCE = 'secure-gpt';

/** Sent by the server after each publish: how many findings each open document has. */
export namespace FindingCountNotification {
  export const method = 'secureGpt/findingCount';
  export interface Params {
    readonly uri: string;
    readonly count: number;
  }
}
