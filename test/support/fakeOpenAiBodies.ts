// Wire shapes the fake server sends (Chat Completions bodies and chunks, Responses bodies and typed events)
// and the small HTTP helpers it answers with.
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';

/** Token usage the fake reports; defaults are computed from the request and the answer. */
export interface FakeUsage {
  readonly prompt_tokens: number;
  readonly completion_tokens: number;
  readonly total_tokens: number;
}

/** SSE `data:` events of a streamed chat completion, with a usage chunk when `stream_options.include_usage`. */
export function chatChunks(
  model: string,
  pieces: readonly string[],
  usage: FakeUsage,
  body: Record<string, unknown>,
): string[] {
  const base = { id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: 0, model };
  const data = (payload: object): string => `data: ${JSON.stringify({ ...base, ...payload })}\n\n`;
  const out = [
    data({ choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] }),
  ];
  for (const piece of pieces) {
    out.push(data({ choices: [{ index: 0, delta: { content: piece }, finish_reason: null }] }));
  }
  out.push(data({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] }));
  const options = body['stream_options'];
  if (isRecord(options) && options['include_usage'] === true) {
    out.push(data({ choices: [], usage }));
  }
  out.push('data: [DONE]\n\n');
  return out;
}

/** A whole (non-streamed) chat completion. */
export function chatBody(model: string, text: string, usage: FakeUsage): object {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 0,
    model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: text, refusal: null },
        finish_reason: 'stop',
        logprobs: null,
      },
    ],
    usage,
  };
}

/** A Responses API response object. */
export function responsesBody(model: string, text: string, usage: FakeUsage, status = 'completed'): object {
  return {
    id: 'resp_fake',
    object: 'response',
    created_at: 0,
    status,
    model,
    output: [
      {
        id: 'msg_fake',
        type: 'message',
        role: 'assistant',
        status,
        content: [{ type: 'output_text', text, annotations: [] }],
      },
    ],
    usage: {
      input_tokens: usage.prompt_tokens,
      output_tokens: usage.completion_tokens,
      total_tokens: usage.total_tokens,
    },
  };
}

/** Typed SSE events of a streamed Responses answer, in the order the SDK accumulator expects. */
export function responsesEvents(model: string, pieces: readonly string[], usage: FakeUsage): string[] {
  let sequence = 0;
  const event = (type: string, payload: object): string =>
    `event: ${type}\ndata: ${JSON.stringify({ type, sequence_number: sequence++, ...payload })}\n\n`;
  const text = pieces.join('');
  const item = { item_id: 'msg_fake', output_index: 0, content_index: 0 };
  const message = (status: string, content: object[]): object => ({
    id: 'msg_fake',
    type: 'message',
    role: 'assistant',
    status,
    content,
  });
  const part = (partText: string): object => ({ type: 'output_text', text: partText, annotations: [] });
  return [
    event('response.created', {
      response: { ...responsesBody(model, '', usage, 'in_progress'), output: [] },
    }),
    event('response.output_item.added', { output_index: 0, item: message('in_progress', []) }),
    event('response.content_part.added', { ...item, part: part('') }),
    ...pieces.map((delta) => event('response.output_text.delta', { ...item, delta })),
    event('response.output_text.done', { ...item, text }),
    event('response.content_part.done', { ...item, part: part(text) }),
    event('response.output_item.done', { output_index: 0, item: message('completed', [part(text)]) }),
    event('response.completed', { response: responsesBody(model, text, usage) }),
  ];
}

/** Splits an answer into stream pieces, one word and its trailing space each. */
export function splitWords(text: string): string[] {
  return text.match(/\S*\s*/g)?.filter((p) => p.length > 0) ?? [];
}

/** Rough usage: a token per four characters of the request, one per streamed piece. */
export function estimateUsage(rawBody: string, pieces: number): FakeUsage {
  const prompt = Math.max(1, Math.ceil(rawBody.length / 4));
  return { prompt_tokens: prompt, completion_tokens: pieces, total_tokens: prompt + pieces };
}

/** A plain JSON object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The key a request carried: `Authorization: Bearer …` (OpenAI) or `api-key` (Azure). */
export function keyOf(headers: IncomingHttpHeaders): string {
  const auth = headers.authorization ?? '';
  const apiKey = headers['api-key'];
  return auth.startsWith('Bearer ') ? auth.slice(7) : typeof apiKey === 'string' ? apiKey : '';
}

/** What the 401 message says about the key: nothing, the key itself, or OpenAI's masked form. */
export function echo(key: string, mode: 'full' | 'masked' | undefined): string {
  if (mode === 'full') {
    return key;
  }
  if (mode === 'masked' && key.length > 10) {
    return `${key.slice(0, 6)}${'*'.repeat(key.length - 10)}${key.slice(-4)}`;
  }
  return 'that key';
}

/** Ends `res` with a JSON body. */
export function sendJson(res: ServerResponse, body: object, status = 200): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** Ends `res` with an OpenAI-style error body. */
export function sendError(res: ServerResponse, status: number, error: object): void {
  sendJson(res, { error: { param: null, ...error } }, status);
}

/** Parses a request body; undefined when empty or not JSON. */
export function parseJson(text: string): unknown {
  if (text.length === 0) {
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
