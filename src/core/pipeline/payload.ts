import type {
  ChatCompletionCreateParams,
  ChatCompletionMessageParam,
} from 'openai/resources/chat/completions';
import type { Attachment } from './exclude';
import type { SentMessage } from './conversation';

/** A code fence longer than any backtick run in `text`, so attached code cannot close it early. */
export function fenceFor(text: string): string {
  let longest = 2;
  for (const run of text.match(/`{3,}/g) ?? []) {
    longest = Math.max(longest, run.length);
  }
  return '`'.repeat(longest + 1);
}

/** How many `\n` a text holds: counted, not split, since a large selection has thousands of lines. */
function lineBreaks(text: string): number {
  let n = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
    n++;
  }
  return n;
}

/** One attachment as the model reads it: its path, the lines it covers, and the code in a fence. */
export function formatAttachment(attachment: Attachment): string {
  const fence = fenceFor(attachment.text);
  const where =
    attachment.startLine !== undefined
      ? `${attachment.path} (lines ${attachment.startLine}-${attachment.startLine + lineBreaks(attachment.text)})`
      : attachment.path;
  return `${where}:\n${fence}${attachment.language ?? ''}\n${attachment.text}\n${fence}`;
}

/** The user message: the prompt, then each (already redacted) attachment. */
export function composeUserMessage(prompt: string, attachments: readonly Attachment[]): string {
  return [prompt, ...attachments.map(formatAttachment)].join('\n\n');
}

/** What the Chat Completions body is built from. */
export interface ChatInput {
  readonly model: string;
  readonly system?: string;
  readonly history: readonly SentMessage[];
  readonly user: string;
  readonly stream: boolean;
}

/** The Chat Completions request body. Streaming asks for usage in the last chunk. */
export function buildChatParams(input: ChatInput): ChatCompletionCreateParams {
  const messages: ChatCompletionMessageParam[] = [];
  if (input.system !== undefined && input.system.length > 0) {
    messages.push({ role: 'system', content: input.system });
  }
  for (const m of input.history) {
    messages.push({ role: m.role, content: m.content });
  }
  messages.push({ role: 'user', content: input.user });
  return input.stream
    ? { model: input.model, messages, stream: true, stream_options: { include_usage: true } }
    : { model: input.model, messages };
}
