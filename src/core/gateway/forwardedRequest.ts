import { createHash } from 'node:crypto';
import type { ChatCompletionCreateParams } from 'openai/resources/chat/completions';
import type { Conversation } from '../pipeline/conversation';
import { guardPayload } from '../pipeline/guard';
import { normalizeKnownValues } from '../pipeline/knownValues';
import type { BlockedRequest, PipelineSettings, ReadyRequest, SourcedRedaction } from '../pipeline/prepare';
import { describeCounts } from '../pipeline/prepare';
import type { RedactedText } from '../pipeline/redact';
import { redactText } from '../pipeline/redact';
import { anyStandsIn } from '../pipeline/standing';
import type { RedactionMap } from '../pipeline/redactionMap';
import type { RedactionCache } from './redactionCache';

/** The client-request fields that carry what the user and the tools wrote (and so may carry secrets). */
const TEXT_FIELDS = ['messages', 'input', 'instructions', 'prompt'] as const;

/**
 * Keys whose strings are structure or encoded media, not text: redacting them would only break the
 * request. An image given by URL is text (a token can ride in its query); one inlined as `data:` is not.
 */
const STRUCTURAL = new Set(['role', 'type', 'id', 'tool_call_id', 'call_id', 'input_audio', 'file']);
const INLINE_MEDIA = /^data:[\w.+-]+\/[\w.+-]+;base64,/;

/**
 * The gateway's counterpart of `prepareRequest`: the client brings a whole OpenAI body (history, tool
 * calls, tool results) instead of a prompt, so every string of its text fields is redacted with the
 * conversation's map; the redact/block policy and the final guard over the exact serialized body are
 * the pipeline's. `ask` cannot be asked over HTTP, so it blocks like `block`. `secrets` are the upstream
 * key and the client token: both are known values, so neither can ride up in a body. `cache`, when
 * given, must live no longer than these settings and secrets (the gateway's do not change).
 */
export function prepareForwarded(
  body: Readonly<Record<string, unknown>>,
  conversation: Conversation,
  settings: PipelineSettings,
  secrets: readonly string[],
  cache?: RedactionCache,
): ReadyRequest | BlockedRequest {
  const known = normalizeKnownValues([
    ...secrets.map((value) => ({ kind: 'api-key' as const, value })),
    ...(settings.known ?? []),
  ]);
  const model = typeof body['model'] === 'string' ? body['model'] : '';
  const build = (map: RedactionMap): { params: Record<string, unknown>; redactions: SourcedRedaction[] } => {
    const options = { known, ...(settings.scan ? { scan: settings.scan } : {}) };
    // Each string leaf, in walk order: first redacted alone (through the cache), then again below if it
    // still holds a value hidden elsewhere.
    const leaves: Array<{ value: string; source: string; result: RedactedText }> = [];
    const walk = (
      value: unknown,
      source: string,
      key: string,
      leaf: (value: string, source: string) => string,
    ): unknown => {
      if (STRUCTURAL.has(key)) {
        return value;
      }
      if (typeof value === 'string') {
        return INLINE_MEDIA.test(value.slice(0, 100)) ? value : leaf(value, source);
      }
      if (Array.isArray(value)) {
        return value.map((item, i) => walk(item, `${source}[${i}]`, '', leaf));
      }
      if (typeof value === 'object' && value !== null) {
        return Object.fromEntries(
          Object.entries(value).map(([k, v]) => [k, walk(v, `${source}.${k}`, k, leaf)] as const),
        );
      }
      return value;
    };
    const walkFields = (leaf: (value: string, source: string) => string): Record<string, unknown> => {
      const params: Record<string, unknown> = { ...body };
      for (const field of TEXT_FIELDS) {
        if (field in body) {
          params[field] = walk(body[field], field, field, leaf);
        }
      }
      return params;
    };
    walkFields((value, source) => {
      const result = cache
        ? cache.redact(value, map, () => redactText(value, map, options))
        : redactText(value, map, options);
      leaves.push({ value, source, result });
      return result.text;
    });
    // A value hidden in one string (or an earlier turn) is hidden in every string, under one placeholder.
    // Outside the cache: which hidden values apply to a string depends on the rest of the request.
    const hidden = map.secrets();
    if (hidden.length > 0) {
      const hiddenValues = hidden.map((s) => s.value);
      for (const leaf of leaves) {
        if (anyStandsIn(leaf.result.text, hiddenValues)) {
          leaf.result = redactText(leaf.value, map, { ...options, hidden });
        }
      }
    }
    const redactions: SourcedRedaction[] = [];
    let next = 0;
    const params = walkFields(() => {
      const leaf = leaves[next++]!;
      redactions.push(...leaf.result.redactions.map((r) => ({ ...r, source: leaf.source })));
      return leaf.result.text;
    });
    return { params, redactions };
  };

  const policy = settings.policy ?? 'redact';
  if (policy !== 'redact') {
    const trial = build(conversation.map.clone());
    if (trial.redactions.length > 0) {
      return {
        kind: 'blocked',
        reason: 'policy',
        model,
        excluded: [],
        redactions: trial.redactions,
        prompt: lastUserText(trial.params),
        userMessage: lastUserText(trial.params),
        message: `Not sent: ${describeCounts(trial.redactions)} found, and the redaction policy is '${policy}'.`,
      };
    }
  }
  const { params, redactions } = build(conversation.map);
  const serialized = JSON.stringify(params);
  const verdict = guardPayload(serialized, known, conversation.map.values());
  if (!verdict.ok) {
    return {
      kind: 'blocked',
      reason: 'guard',
      model,
      excluded: [],
      redactions,
      prompt: lastUserText(params),
      userMessage: lastUserText(params),
      message: `Not sent: the final check found ${verdict.leaked.join(', ')} still in the request after redaction.`,
    };
  }
  const userMessage = lastUserText(params);
  return {
    kind: 'ready',
    model,
    excluded: [],
    redactions,
    // Not always a chat body (embeddings), but the pipeline only hashes, records and forwards it.
    params: params as unknown as ChatCompletionCreateParams,
    serialized,
    sha256: createHash('sha256').update(serialized, 'utf8').digest('hex'),
    userMessage,
    prompt: userMessage,
  };
}

/** The last user message as redacted: what input moderation checks and the audit may keep. */
function lastUserText(params: Readonly<Record<string, unknown>>): string {
  const messages = params['messages'];
  if (Array.isArray(messages)) {
    for (let i = messages.length - 1; i >= 0; i--) {
      const m = messages[i] as { role?: unknown; content?: unknown };
      if (m.role === 'user') {
        return typeof m.content === 'string' ? m.content : JSON.stringify(m.content ?? '');
      }
    }
  }
  const input = params['input'];
  return typeof input === 'string' ? input : JSON.stringify(input ?? '');
}
