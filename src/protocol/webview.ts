// Messages between the chat webview and the extension host. Imports neither vscode nor any Node module:
// both sides compile against these types, and the host validates every incoming message at runtime.

/** Sent by the webview once its script runs; the host holds its messages until then. */
export interface ReadyMessage {
  readonly type: 'ready';
}

/** Sent by the host: the state the webview renders first. */
export interface InitMessage {
  readonly type: 'init';
  readonly profile: string;
  readonly model: string;
}

export type WebviewToHost = ReadyMessage;
export type HostToWebview = InitMessage;

/** Runtime check of a message from the webview: anything else is dropped. */
export function isWebviewToHost(value: unknown): value is WebviewToHost {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'ready';
}
