import type { ServerResponse } from 'node:http';
import type { Scrubber } from '../scrub';
import type { CompletionRequest, CompletionResult, Failure, Provider, TokenUsage } from '../openai/provider';
import type { AnswerRewriter } from './answerRewriter';
import { mapStrings } from './answerRewriter';
import type { ResponsesRewriter } from './responsesRewriter';
import { errorBody, sendJson, sseEvent } from './httpReply';
import type { UpstreamTarget } from './upstream';
import { callUpstream, failureKindOf, sseData } from './upstream';

type Json = Record<string, unknown>;

/** One forwarded request: where it goes, how its answer is rewritten, and where the answer is written. */
export interface Exchange {
  readonly upstream: UpstreamTarget;
  readonly path: '/chat/completions' | '/embeddings' | '/responses';
  readonly res: ServerResponse;
  readonly rewriter: AnswerRewriter;
  readonly responses: ResponsesRewriter;
  /** Masks the key, the token and detected secrets: for error messages. */
  readonly scrubber: Scrubber;
  readonly stream: boolean;
  /** Whether the client asked for the usage chunk (the gateway always asks, for the budget). */
  readonly clientWantsUsage: boolean;
}

/**
 * A provider for one exchange, so the forward runs inside `Pipeline.send` (limits, budget, moderation,
 * record) while the answer goes to the client chunk by chunk, rewritten, in the OpenAI wire shape.
 */
export function exchangeProvider(exchange: Exchange): Provider {
  const host = new URL(exchange.upstream.baseUrl).host;
  return {
    kind: exchange.upstream.kind,
    endpoint: host,
    secrets: exchange.upstream.apiKey ? [exchange.upstream.apiKey] : [],
    ...(exchange.upstream.moderate ? { moderate: exchange.upstream.moderate } : {}),
    complete: (request) => forward(exchange, host, request),
  };
}

async function forward(
  exchange: Exchange,
  host: string,
  request: CompletionRequest,
): Promise<CompletionResult> {
  const { res, scrubber } = exchange;
  let response: Response;
  try {
    response = await callUpstream(exchange.upstream, exchange.path, {
      method: 'POST',
      body: request.serialized,
      ...(request.signal ? { signal: request.signal } : {}),
    });
  } catch (error) {
    const message = `Could not reach ${host}: ${scrubber.scrub(causeOf(error))}`;
    sendJson(res, 502, errorBody(message, 'server_error', 'upstream_unreachable'));
    return { text: '', failure: { kind: request.signal?.aborted ? 'cancelled' : 'network', message } };
  }
  const requestId = response.headers.get('x-request-id') ?? undefined;
  const ids = requestId ? { requestId: scrubber.scrub(requestId) } : {};
  if (!response.ok) {
    return { text: '', ...ids, failure: await passError(exchange, response) };
  }
  if (!exchange.stream) {
    const body = (await response.json()) as Json;
    const out =
      exchange.path === '/chat/completions'
        ? exchange.rewriter.completion(body)
        : exchange.path === '/responses'
          ? exchange.responses.response(body)
          : exchange.rewriter.maskAll(body);
    sendJson(res, 200, out, requestId ? { 'x-request-id': ids.requestId! } : {});
    return { text: answerText(body), ...ids, ...usageOf(body), finishReason: 'stop' };
  }
  const relay = exchange.path === '/responses' ? relayResponses : relayStream;
  return { ...ids, ...(await relay(exchange, host, response, request)) };
}

/** Relays an SSE answer; a stream that stops before its end becomes an OpenAI error event, scrubbed. */
async function relayStream(
  exchange: Exchange,
  host: string,
  response: Response,
  request: CompletionRequest,
): Promise<CompletionResult> {
  const { res, rewriter } = exchange;
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  let text = '';
  let usage: TokenUsage | undefined;
  let finished = false;
  let template: Json = {};
  let failure: Failure | undefined;
  try {
    for await (const data of sseData(response.body!)) {
      if (data === '[DONE]') {
        finished = true;
        break;
      }
      const chunk = JSON.parse(data) as Json;
      if (chunk['error'] !== undefined) {
        sseEvent(res, rewriter.maskAll({ error: chunk['error'] }));
        failure = { kind: 'server', message: exchange.scrubber.scrub(JSON.stringify(chunk['error'])) };
        break;
      }
      template = {
        id: chunk['id'],
        object: chunk['object'],
        created: chunk['created'],
        model: chunk['model'],
      };
      const choices = Array.isArray(chunk['choices']) ? (chunk['choices'] as Json[]) : [];
      const piece = (choices[0]?.['delta'] as Json | undefined)?.['content'];
      text += typeof piece === 'string' ? piece : '';
      usage = usageOf(chunk).usage ?? usage;
      if (choices.length === 0 && chunk['usage'] && !exchange.clientWantsUsage) {
        continue; // asked for by the gateway (budgets), not by the client
      }
      sseEvent(res, rewriter.chunk(chunk));
    }
  } catch (error) {
    failure = request.signal?.aborted
      ? { kind: 'cancelled', message: 'Cancelled by the client.' }
      : {
          kind: 'cut',
          message: `The connection to ${host} closed in the middle of the answer: ${exchange.scrubber.scrub(causeOf(error))}`,
        };
  }
  if (!finished && !failure) {
    failure = { kind: 'cut', message: `The connection to ${host} closed in the middle of the answer.` };
  }
  const rest = rewriter.rest(template);
  if (rest) {
    sseEvent(res, rest);
  }
  if (failure && failure.kind !== 'server') {
    sseEvent(
      res,
      errorBody(failure.message, 'server_error', failure.kind === 'cut' ? 'upstream_cut' : 'cancelled'),
    );
  } else if (!failure) {
    sseEvent(res, '[DONE]');
  }
  res.end();
  return { text, ...(usage ? { usage } : {}), ...(failure ? { failure } : { finishReason: 'stop' }) };
}

/** An upstream error, passed on with its status in the OpenAI shape, every string masked. */
async function passError(exchange: Exchange, response: Response): Promise<Failure> {
  const raw = await response.text().catch(() => '');
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = undefined;
  }
  const upstreamError = (parsed as { error?: Json } | undefined)?.error;
  const body =
    upstreamError && typeof upstreamError === 'object'
      ? { error: exchange.rewriter.maskAll(upstreamError) }
      : errorBody(
          exchange.scrubber.scrub(raw.slice(0, 500)) || `upstream status ${response.status}`,
          'server_error',
          null,
        );
  // The masks cover the known values; the scrubber adds detection, for a key of a shape we know but were not given.
  const scrubbed = mapStrings(body, (s) => exchange.scrubber.scrub(s)) as Json;
  const retry = response.headers.get('retry-after');
  sendJson(
    exchange.res,
    response.status,
    scrubbed,
    retry && /^[\d.]+$/.test(retry) ? { 'retry-after': retry } : {},
  );
  const message = (scrubbed['error'] as { message?: unknown } | undefined)?.message;
  return {
    kind: failureKindOf(response.status),
    status: response.status,
    message: `upstream ${response.status}: ${typeof message === 'string' ? message.slice(0, 300) : ''}`,
  };
}

/**
 * Relays a Responses API event stream. It has no `[DONE]`: a terminal `response.*` event ends it, and
 * one that stops before that is a cut.
 */
async function relayResponses(
  exchange: Exchange,
  host: string,
  response: Response,
  request: CompletionRequest,
): Promise<CompletionResult> {
  const { res, responses } = exchange;
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  let text = '';
  let usage: TokenUsage | undefined;
  let failure: Failure | undefined;
  let finished = false;
  try {
    for await (const data of sseData(response.body!)) {
      const event = JSON.parse(data) as Json;
      const type = typeof event['type'] === 'string' ? event['type'] : '';
      if (type === 'response.output_text.delta' && typeof event['delta'] === 'string') {
        text += event['delta'];
      }
      if (/^response\.(completed|incomplete|failed)$/.test(type)) {
        finished = true;
        usage = usageOf((event['response'] as Json | undefined) ?? {}).usage;
      }
      if (type === 'error' || event['error']) {
        failure = {
          kind: 'server',
          message: exchange.scrubber.scrub(JSON.stringify(event['error'] ?? event)),
        };
      }
      for (const out of responses.event(event)) {
        if (!res.destroyed) {
          res.write(
            `event: ${typeof out['type'] === 'string' ? out['type'] : 'message'}\ndata: ${JSON.stringify(out)}\n\n`,
          );
        }
      }
    }
  } catch (error) {
    failure = request.signal?.aborted
      ? { kind: 'cancelled', message: 'Cancelled by the client.' }
      : {
          kind: 'cut',
          message: `The connection to ${host} closed in the middle of the answer: ${exchange.scrubber.scrub(causeOf(error))}`,
        };
  }
  if (!finished && !failure) {
    failure = { kind: 'cut', message: `The connection to ${host} closed in the middle of the answer.` };
  }
  if (failure && failure.kind !== 'server') {
    const error = errorBody(
      failure.message,
      'server_error',
      failure.kind === 'cut' ? 'upstream_cut' : 'cancelled',
    );
    sseEvent(res, { type: 'error', ...error });
  }
  res.end();
  return { text, ...(usage ? { usage } : {}), ...(failure ? { failure } : { finishReason: 'stop' }) };
}

/** The answer's text as the upstream sent it (placeholders kept): the first choice, or the output messages. */
function answerText(body: Json): string {
  const first = (body['choices'] as Array<{ message?: { content?: unknown } }> | undefined)?.[0];
  if (typeof first?.message?.content === 'string') {
    return first.message.content;
  }
  const output = Array.isArray(body['output']) ? (body['output'] as Json[]) : [];
  return output
    .flatMap((item) => (Array.isArray(item['content']) ? (item['content'] as Json[]) : []))
    .map((part) => (typeof part['text'] === 'string' ? part['text'] : ''))
    .join('');
}

/** Usage in the Chat Completions (`prompt_tokens`) or Responses (`input_tokens`) shape. */
function usageOf(body: Json): { usage?: TokenUsage } {
  const u = body['usage'] as Record<string, unknown> | undefined;
  const prompt = u?.['prompt_tokens'] ?? u?.['input_tokens'];
  if (!u || typeof prompt !== 'number') {
    return {};
  }
  const out = u['completion_tokens'] ?? u['output_tokens'];
  const completion = typeof out === 'number' ? out : 0;
  const total = typeof u['total_tokens'] === 'number' ? u['total_tokens'] : prompt + completion;
  return { usage: { prompt, completion, total } };
}

/** A fetch failure's useful part: an error code, never a body. */
function causeOf(error: unknown): string {
  let e: unknown = error;
  for (let depth = 0; depth < 4 && e instanceof Error; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') {
      return code;
    }
    e = e.cause;
  }
  return error instanceof Error ? (error.message.split('\n')[0] ?? 'failed') : 'failed';
}
