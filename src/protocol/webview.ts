// Messages between the chat webview and the extension host. Both sides compile against these types; the
// host also validates every incoming message at runtime against the same zod schemas. Imports neither
// vscode nor any Node module. Three kinds, as in GitLens: commands (fire and forget), notifications
// (host -> webview), and nothing the webview can use to reach the network.
import { z } from 'zod';

const text = (max: number) => z.string().max(max);

/** The commands the welcome state may run. */
export const WELCOME_COMMANDS = ['secureGpt.setApiKey', 'secureGpt.switchProfile'] as const;

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
  /** A button of the welcome state; only these commands, never one the webview names freely. */
  z.object({ type: z.literal('runCommand'), command: z.enum(WELCOME_COMMANDS) }).strict(),
  /** New Chat: the current conversation goes to the history list and a fresh one (new placeholders) starts. */
  z.object({ type: z.literal('newChat') }).strict(),
  /** Shows an earlier conversation of this workspace, read-only. */
  z.object({ type: z.literal('openPastChat'), id: z.string().regex(/^c[0-9a-z]{1,24}$/) }).strict(),
  /** Back from an earlier conversation to the current one. */
  z.object({ type: z.literal('closePastChat') }).strict(),
  /** Attach the active editor's selection, or a file the host asks for; the host keeps the text. */
  z.object({ type: z.enum(['attachSelection', 'attachFile']) }).strict(),
  /** Removes a pending attachment chip before sending. */
  z.object({ type: z.literal('removeAttachment'), id: z.string().regex(/^a[0-9]{1,9}$/) }).strict(),
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
  /** What the question was about: the action and the files ("Ask about: config.js"); shown under it. */
  readonly about?: string;
  /** Answered by the dry-run provider: the answer is the exact payload, so it gets no code actions. */
  readonly dryRun?: boolean;
}

/**
 * Where the active profile's key comes from, as the header badge shows it. Never the key or a mask of it.
 * `missing`: needed but not set, so answers are dry runs; `not-needed`: a dry-run or keyless profile.
 */
export type KeyState = 'set' | 'env' | 'missing' | 'not-needed' | 'unknown';

/** The active profile and its key state. */
export interface ProfileState {
  readonly profile: string;
  readonly key: KeyState;
  /** The profile is the built-in dry-run profile: answers are dry runs whatever the key. */
  readonly dryRunProfile: boolean;
}

/** An earlier conversation of this workspace in the history list. */
export interface PastChat {
  readonly id: string;
  /** Its first question, redacted as shown. */
  readonly title: string;
  readonly turns: number;
  /** ISO time it was put away. */
  readonly ended: string;
}

/** A pending attachment as the webview shows it: a label only; its text stays in the host. */
export interface AttachmentChip {
  readonly id: string;
  readonly label: string;
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
      readonly state?: ProfileState;
      readonly past?: readonly PastChat[];
      readonly attachments?: readonly AttachmentChip[];
      /** Set while an earlier conversation is shown instead of the current one (read-only). */
      readonly viewing?: PastChat;
    }
  /** The active profile or its key changed. */
  | { readonly type: 'profileState'; readonly state: ProfileState }
  /** The history list changed. */
  | { readonly type: 'pastChats'; readonly past: readonly PastChat[] }
  /** The pending attachments changed. */
  | { readonly type: 'attachments'; readonly attachments: readonly AttachmentChip[] }
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
