import type { EgressReply } from '../net/egressRequest';
import type { CompletionRequest, CompletionResult, Failure, TokenUsage } from '../openai/provider';
import { connectionCause } from '../openai/errors';
import { errorBody, sseEvent, startEventStream } from './httpReply';
import type { Exchange } from './upstreamExchange';
import { sseData } from './upstream';

type Json = Record<string, unknown>;

/** Relays an SSE answer; a stream that stops before its end becomes an OpenAI error event, scrubbed. */
export async function relayStream(
  exchange: Exchange,
  host: string,
  response: EgressReply,
  request: CompletionRequest,
): Promise<CompletionResult> {
  const { res, rewriter } = exchange;
  startEventStream(res);
  let text = '';
  let usage: TokenUsage | undefined;
  let finished = false;
  let template: Json = {};
  let failure: Failure | undefined;
  try {
    for await (const data of sseData(response.body)) {
      if (data === '[DONE]') {
        finished = true;
        break;
      }
      const chunk = parseEvent(data, host);
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
    failure = relayFailure(error, request, exchange, host);
  }
  failure ??= finished ? undefined : relayFailure(undefined, request, exchange, host);
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

/**
 * Relays a Responses API event stream. It has no `[DONE]`: a terminal `response.*` event ends it, and
 * one that stops before that is a cut.
 */
export async function relayResponses(
  exchange: Exchange,
  host: string,
  response: EgressReply,
  request: CompletionRequest,
): Promise<CompletionResult> {
  const { res, responses } = exchange;
  startEventStream(res);
  let text = '';
  let usage: TokenUsage | undefined;
  let failure: Failure | undefined;
  let finished = false;
  try {
    for await (const data of sseData(response.body)) {
      const event = parseEvent(data, host);
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
      for (const out of responses!.event(event)) {
        if (!res.destroyed) {
          res.write(
            `event: ${typeof out['type'] === 'string' ? out['type'] : 'message'}\ndata: ${JSON.stringify(out)}\n\n`,
          );
        }
      }
    }
  } catch (error) {
    failure = relayFailure(error, request, exchange, host);
  }
  failure ??= finished ? undefined : relayFailure(undefined, request, exchange, host);
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

/** Usage in the Chat Completions (`prompt_tokens`) or Responses (`input_tokens`) shape. */
export function usageOf(body: Json): { usage?: TokenUsage } {
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

/** One SSE payload; a parse error says so without quoting the payload (a SyntaxError would). */
function parseEvent(data: string, host: string): Json {
  try {
    return JSON.parse(data) as Json;
  } catch {
    throw new Error(`${host} sent a stream event that is not valid JSON`);
  }
}

/** Why a relay ended early: the client went away, or the upstream connection broke (with its cause, scrubbed). */
function relayFailure(error: unknown, request: CompletionRequest, exchange: Exchange, host: string): Failure {
  if (request.signal?.aborted) {
    return { kind: 'cancelled', message: 'Cancelled by the client.' };
  }
  const cause = error === undefined ? '' : `: ${exchange.scrubber.scrub(connectionCause(error))}`;
  return { kind: 'cut', message: `The connection to ${host} closed in the middle of the answer${cause}.` };
}
