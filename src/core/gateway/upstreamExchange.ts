import type { ServerResponse } from 'node:http';
import type { EgressReply } from '../net/egressRequest';
import type { Scrubber } from '../scrub';
import { holdSecrets } from '../openai/provider';
import type { CompletionRequest, CompletionResult, Failure, Provider } from '../openai/provider';
import type { AnswerRewriter } from './answerRewriter';
import { mapStrings } from './answerRewriter';
import type { ResponsesRewriter } from './responsesRewriter';
import { errorBody, sendJson } from './httpReply';
import { connectionCause } from '../openai/errors';
import { relayResponses, relayStream, usageOf } from './streamRelay';
import type { UpstreamTarget } from './upstream';
import { callUpstream, failureKindOf } from './upstream';

type Json = Record<string, unknown>;

/** One forwarded request: where it goes, how its answer is rewritten, and where the answer is written. */
export interface Exchange {
  readonly upstream: UpstreamTarget;
  readonly path: '/chat/completions' | '/embeddings' | '/responses';
  readonly res: ServerResponse;
  readonly rewriter: AnswerRewriter;
  /** Present for `/responses` only. */
  readonly responses?: ResponsesRewriter;
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
  const provider: Provider = {
    kind: exchange.upstream.kind,
    endpoint: host,
    ...(exchange.upstream.moderate ? { moderate: exchange.upstream.moderate } : {}),
    complete: (request) => forward(exchange, host, request),
  };
  return holdSecrets(provider, exchange.upstream.apiKey ? [exchange.upstream.apiKey] : []);
}

async function forward(
  exchange: Exchange,
  host: string,
  request: CompletionRequest,
): Promise<CompletionResult> {
  const { res, scrubber } = exchange;
  let response: EgressReply;
  try {
    response = await callUpstream(exchange.upstream, exchange.path, {
      method: 'POST',
      body: request.serialized,
      model: request.params.model,
      ...(request.signal ? { signal: request.signal } : {}),
    });
  } catch (error) {
    const message = `Could not reach ${host}: ${scrubber.scrub(connectionCause(error))}`;
    sendJson(res, 502, errorBody(message, 'server_error', 'upstream_unreachable'));
    return { text: '', failure: { kind: request.signal?.aborted ? 'cancelled' : 'network', message } };
  }
  const requestId = response.header('x-request-id') ?? undefined;
  const ids = requestId ? { requestId: scrubber.scrub(requestId) } : {};
  if (!response.ok) {
    return { text: '', ...ids, failure: await passError(exchange, response) };
  }
  if (!exchange.stream) {
    let body: Json;
    try {
      body = (await response.json()) as Json;
    } catch {
      const message = `${host} sent a reply that is not valid JSON.`;
      sendJson(res, 502, errorBody(message, 'server_error', 'upstream_malformed'));
      return { text: '', ...ids, failure: { kind: 'malformed', message } };
    }
    const out =
      exchange.path === '/chat/completions'
        ? exchange.rewriter.completion(body)
        : exchange.path === '/responses'
          ? exchange.responses!.response(body)
          : exchange.rewriter.maskAll(body);
    sendJson(res, 200, out, requestId ? { 'x-request-id': ids.requestId! } : {});
    return { text: answerText(body), ...ids, ...usageOf(body), finishReason: 'stop' };
  }
  const relay = exchange.path === '/responses' ? relayResponses : relayStream;
  return { ...ids, ...(await relay(exchange, host, response, request)) };
}

/** An upstream error, passed on with its status in the OpenAI shape, every string masked. */
async function passError(exchange: Exchange, response: EgressReply): Promise<Failure> {
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
  const retry = response.header('retry-after');
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
