// Messages between the chat webview and the extension host. Both sides compile against these types; the
// host also validates every incoming message at runtime against the same zod schemas. Imports neither
// vscode nor any Node module. Three kinds, as in GitLens: commands (fire and forget), notifications
// (host -> webview), and nothing the webview can use to reach the network.
import { z } from 'zod';

const text = (max: number) => z.string().max(max);

/** Messages the webview sends; anything that does not parse is dropped by the host. */
export const webviewToHostSchema = z.discriminatedUnion('type', [
  /** Sent once the webview's script runs; the host holds its messages until then. */
  z.object({ type: z.literal('ready') }).strict(),
  /** The user sends a chat message. */
  z.object({ type: z.literal('send'), text: text(200_000).min(1) }).strict(),
  /** The user presses Stop on the answer in progress. */
  z.object({ type: z.literal('stop') }).strict(),
  /** Copy / Insert at cursor / Apply a code block; the host restores placeholders locally if allowed. */
  z
    .object({
      type: z.enum(['copyCode', 'insertCode', 'applyCode']),
      code: text(1_000_000),
      language: text(64),
    })
    .strict(),
  /** The user picks a model. */
  z.object({ type: z.literal('setModel'), model: text(128).min(1) }).strict(),
  /** The user clears the conversation history of this workspace. */
  z.object({ type: z.literal('clearHistory') }).strict(),
  /** The user clicked a link in an answer; the host asks before opening it. */
  z.object({ type: z.literal('openLink'), url: text(4096) }).strict(),
]);

export type WebviewToHost = z.infer<typeof webviewToHostSchema>;

/** One turn as the webview renders it; `sent` is the exact redacted payload, never the original. */
export interface ChatTurn {
  readonly id: string;
  readonly question: string;
  readonly answer: string;
  /** The redacted message exactly as it went (or would go) to the model. */
  readonly sent: string;
  readonly redactions: number;
  readonly excluded: readonly string[];
  readonly model: string;
  readonly usage?: { readonly prompt: number; readonly completion: number };
  readonly outcome: 'streaming' | 'done' | 'stopped' | 'error' | 'blocked';
  /** Set when output moderation flagged the answer: the categories; the webview hides it behind a warning. */
  readonly flagged?: readonly string[];
  readonly error?: string;
}

/** Messages the host sends to the webview. */
export type HostToWebview =
  | {
      readonly type: 'init';
      readonly profile: string;
      readonly models: readonly string[];
      readonly model: string;
      readonly turns: readonly ChatTurn[];
      /** Why sending is disabled (restricted workspace...), or undefined when it is allowed. */
      readonly disabledReason?: string;
    }
  /** A turn started, or changed as a whole (done, stopped, error). */
  | { readonly type: 'turn'; readonly turn: ChatTurn }
  /** More of the answer of turn `id`. */
  | { readonly type: 'delta'; readonly id: string; readonly text: string }
  /** A transient status line: "waiting 3 s (rate limit)". Empty clears it. */
  | { readonly type: 'status'; readonly text: string }
  | { readonly type: 'cleared' };

/** Parses a message from the webview; undefined when it is not one we accept. */
export function parseWebviewMessage(value: unknown): WebviewToHost | undefined {
  const result = webviewToHostSchema.safeParse(value);
  return result.success ? result.data : undefined;
}
