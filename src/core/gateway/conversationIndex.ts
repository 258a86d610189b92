import { createHash } from 'node:crypto';
import { Conversation } from '../pipeline/conversation';

/** Prefixes remembered at most; the oldest go first, and a conversation no prefix points to is freed. */
const MAX_PREFIXES = 20_000;
/** Response ids remembered at most, for `previous_response_id`. */
const MAX_RESPONSES = 2_000;

/**
 * Finds the conversation a client request continues. OpenAI clients are stateless: each request resends
 * the whole history. Two requests belong to one conversation when one's messages start with the
 * other's, so the longest remembered prefix names it, and its placeholders keep their numbers. Leading
 * system messages alone do not count: every chat of a tool starts with the same ones.
 * Prefixes are kept as hashes of the client's messages, never as text.
 */
export class ConversationIndex {
  private readonly byPrefix = new Map<string, Conversation>();
  private readonly responses = new Map<string, Conversation>();

  /** The conversation `messages` continue, or a new one. */
  find(messages: readonly unknown[]): Conversation {
    const hashes = prefixHashes(messages);
    for (let k = hashes.length - 1; k >= leadingSystem(messages); k--) {
      const found = this.byPrefix.get(hashes[k]!);
      if (found) {
        return found;
      }
    }
    return new Conversation();
  }

  /** Remembers every prefix of `messages` (past the leading system ones) as `conversation`'s. */
  remember(messages: readonly unknown[], conversation: Conversation): void {
    const hashes = prefixHashes(messages);
    for (let k = leadingSystem(messages); k < hashes.length; k++) {
      this.byPrefix.delete(hashes[k]!);
      this.byPrefix.set(hashes[k]!, conversation);
    }
    for (const oldest of this.byPrefix.keys()) {
      if (this.byPrefix.size <= MAX_PREFIXES) {
        break;
      }
      this.byPrefix.delete(oldest);
    }
  }

  /** The conversation of an earlier Responses API answer (`previous_response_id`), if remembered. */
  byResponseId(id: unknown): Conversation | undefined {
    return typeof id === 'string' ? this.responses.get(id) : undefined;
  }

  /** Remembers the conversation a Responses API answer belongs to. */
  rememberResponse(id: string, conversation: Conversation): void {
    this.responses.set(id, conversation);
    for (const oldest of this.responses.keys()) {
      if (this.responses.size <= MAX_RESPONSES) {
        break;
      }
      this.responses.delete(oldest);
    }
  }

  /** How many prefixes are remembered (for tests). */
  get size(): number {
    return this.byPrefix.size;
  }
}

/** The hashes of the request being handled, which `find` and then `remember` both need (one parsed body). */
const hashed = new WeakMap<readonly unknown[], string[]>();

function prefixHashes(messages: readonly unknown[]): string[] {
  const known = hashed.get(messages);
  if (known && known.length === messages.length) {
    return known;
  }
  const out = hashPrefixes(messages);
  hashed.set(messages, out);
  return out;
}

/** `hashes[k]` covers messages 0..k. */
function hashPrefixes(messages: readonly unknown[]): string[] {
  const out: string[] = [];
  let previous = '';
  for (const message of messages) {
    previous = createHash('sha256').update(previous).update('\0').update(canonical(message)).digest('hex');
    out.push(previous);
  }
  return out;
}

/** What identifies a message whatever the client's formatting: role, text, tool calls and their ids. */
function canonical(message: unknown): string {
  if (typeof message !== 'object' || message === null) {
    return JSON.stringify(message);
  }
  const m = message as Record<string, unknown>;
  const calls = Array.isArray(m['tool_calls'])
    ? (m['tool_calls'] as unknown[]).map((c) => {
        const f = (c as { function?: { name?: unknown; arguments?: unknown } }).function;
        return [f?.name, f?.arguments];
      })
    : [];
  return JSON.stringify([m['role'], textOf(m['content']), calls, m['tool_call_id'] ?? null]);
}

function textOf(content: unknown): string {
  if (typeof content === 'string') {
    return content;
  }
  if (Array.isArray(content)) {
    return content
      .map((part) => (part as { text?: unknown }).text)
      .filter((t) => typeof t === 'string')
      .join('\n');
  }
  return '';
}

function leadingSystem(messages: readonly unknown[]): number {
  let n = 0;
  while (n < messages.length) {
    const role = (messages[n] as { role?: unknown } | null)?.role;
    if (role !== 'system' && role !== 'developer') {
      break;
    }
    n++;
  }
  return n;
}
