import type { OpenAI } from 'openai';
import type { ChatCompletion, ChatCompletionChunk } from 'openai/resources/chat/completions';
import type { Logger } from '../log';
import { silentLogger } from '../log';
import { createFetch } from '../net/proxyFetch';
import { Scrubber } from '../scrub';
import type { EndpointPolicy } from './endpointPolicy';
import { httpsOnlyPolicy } from './endpointPolicy';
import type { EndpointProfile } from './openaiClient';
import { createOpenAIClient, endpointUrl } from './openaiClient';
import { describeFailure } from './errors';
import { retryable, retryAfter } from './retryAfter';
import type {
  CompletionRequest,
  CompletionResult,
  ModerationVerdict,
  Provider,
  TokenUsage,
  WaitNotice,
} from './provider';
import { holdSecrets } from './provider';

/** How the transport behaves, independent of the profile. */
export interface TransportOptions {
  /** Default: HTTPS only, except loopback. */
  readonly endpointPolicy?: EndpointPolicy;
  /** SDK retries on 408/409/429/5xx and connection errors; it honors `Retry-After`. Default 2. */
  readonly maxRetries?: number;
  /** A longer `Retry-After` fails at once (saying how long) instead of sleeping. Default 60 s. */
  readonly maxRetryWaitSeconds?: number;
  /** Per attempt, in milliseconds. Default 10 minutes, as the SDK. */
  readonly timeoutMs?: number;
  readonly logger?: Logger;
  /** The fetch to send with; default `createFetch()`, the egress rule without a proxy. */
  readonly fetch?: typeof fetch;
}

/**
 * A provider over the official SDK: OpenAI, Azure OpenAI (`AzureOpenAI`) or any OpenAI-compatible base
 * URL. The endpoint is checked against the policy here, before anything connects.
 */
export function createOpenAiProvider(profile: EndpointProfile, options: TransportOptions = {}): Provider {
  const policy = options.endpointPolicy ?? httpsOnlyPolicy;
  const endpoint = endpointUrl(profile, policy).host;
  const scrubber = new Scrubber([{ value: profile.apiKey, label: 'api-key' }]);
  const logger = options.logger ?? silentLogger;
  const maxRetries = options.maxRetries ?? 2;
  const maxWait = options.maxRetryWaitSeconds ?? 60;
  // The egress rule (loopback direct and checked, proxies for TLS only) unless a caller brings its own.
  const baseFetch = options.fetch ?? createFetch();

  function client(onWait: ((notice: WaitNotice) => void) | undefined): OpenAI {
    let attempt = 0;
    // The SDK waits for Retry-After itself; this wrapper only tells the caller that a wait is coming, so
    // a user sees "waiting N s" rather than a frozen answer (the client re-checks the policy per URL).
    const watchingFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
      const response = await baseFetch(input, init);
      if (!retryable(response) || attempt >= maxRetries) {
        return response;
      }
      const seconds = retryAfter(response.headers);
      if (seconds !== undefined && seconds > maxWait) {
        // The SDK would sleep as long as told, deaf to cancellation: fail now and say how long instead.
        const headers = new Headers(response.headers);
        headers.set('x-should-retry', 'false');
        const { status, statusText } = response;
        return new Response(response.body, { status, statusText, headers });
      }
      attempt += 1;
      onWait?.({ seconds, status: response.status, attempt });
      return response;
    };
    return createOpenAIClient(profile, profile.apiKey, policy, watchingFetch, {
      maxRetries,
      logger,
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    });
  }

  /** The moderation endpoint; its failures are scrubbed like any other. */
  async function moderate(text: string, signal?: AbortSignal): Promise<ModerationVerdict> {
    try {
      const result = await client(undefined).moderations.create(
        { model: 'omni-moderation-latest', input: text },
        signal ? { signal } : {},
      );
      const flagged = result.results.filter((r) => r.flagged);
      const categories = new Set<string>();
      for (const r of flagged) {
        for (const [name, hit] of Object.entries(r.categories)) {
          if (hit === true) {
            categories.add(name);
          }
        }
      }
      return { flagged: flagged.length > 0, categories: [...categories].sort() };
    } catch (error) {
      throw new Error(`Moderation check failed: ${scrubber.scrubError(error)}`);
    }
  }

  /** One `GET /models`; a listing is a convenience, so it neither retries nor waits long. */
  async function listModels(signal?: AbortSignal): Promise<string[]> {
    try {
      const page = await client(undefined).models.list({
        maxRetries: 0,
        timeout: 5000,
        ...(signal ? { signal } : {}),
      });
      return page.data.map((m) => m.id).filter((id) => typeof id === 'string' && id.length > 0);
    } catch (error) {
      const failure = describeFailure(error, { scrubber, received: 0, endpoint, signal, attempts: 1 });
      throw new Error(`Listing models failed: ${scrubber.scrub(failure.message)}`);
    }
  }

  // The key is held off the provider object: only the pipeline's guard and scrubbers read it.
  return holdSecrets<Provider>(
    {
      kind: profile.kind,
      endpoint,
      listModels,
      // Only OpenAI itself has a moderation endpoint; Azure filters content on its own side.
      ...(profile.kind === 'openai' ? { moderate } : {}),
      async complete(request: CompletionRequest): Promise<CompletionResult> {
        let text = '';
        let usage: TokenUsage | undefined;
        let finishReason: string | undefined;
        let requestId: string | undefined;
        let model: string | undefined;
        const onDelta = (piece: string | null | undefined): void => {
          if (piece) {
            text += piece;
            request.onDelta?.(piece);
          }
        };
        const signalOption = request.signal ? { signal: request.signal } : {};
        try {
          const chat = client(request.onWait).chat.completions;
          // The params go as they are: the SDK's JSON.stringify of them is the body the pipeline hashed.
          const params = request.params;
          if (params.stream === true) {
            const { data: stream, request_id } = await chat.create(params, signalOption).withResponse();
            requestId = request_id ?? undefined;
            for await (const chunk of stream) {
              model = reportedModel(chunk.model, scrubber) ?? model;
              onDelta(chunk.choices[0]?.delta?.content);
              finishReason = chunk.choices[0]?.finish_reason ?? finishReason;
              usage = usageOf(chunk) ?? usage;
            }
            if (finishReason === undefined) {
              // The body ended cleanly but the model never said it was done: still an interrupted answer.
              throw new Error('terminated: the stream ended before the model finished');
            }
          } else {
            const { data, request_id } = await chat.create(params, signalOption).withResponse();
            requestId = request_id ?? undefined;
            model = reportedModel(data.model, scrubber);
            onDelta(data.choices[0]?.message.content);
            finishReason = data.choices[0]?.finish_reason ?? undefined;
            usage = usageOf(data);
          }
        } catch (error) {
          const failure = describeFailure(error, {
            scrubber,
            received: text.length,
            endpoint,
            signal: request.signal,
            attempts: maxRetries + 1,
          });
          return {
            text,
            ...opt('usage', usage),
            ...opt('requestId', requestId),
            ...opt('model', model),
            failure,
          };
        }
        return {
          text,
          ...opt('usage', usage),
          ...opt('finishReason', finishReason),
          ...opt('requestId', requestId),
          ...opt('model', model),
        };
      },
    },
    [profile.apiKey],
  );
}

function usageOf(reply: ChatCompletion | ChatCompletionChunk): TokenUsage | undefined {
  const u = reply.usage;
  return u ? { prompt: u.prompt_tokens, completion: u.completion_tokens, total: u.total_tokens } : undefined;
}

/** The model a reply names, if it names a plausible one: it goes into records, so it is bounded and scrubbed. */
function reportedModel(value: unknown, scrubber: Scrubber): string | undefined {
  return typeof value === 'string' && value.length > 0 && value.length <= 200
    ? scrubber.scrub(value)
    : undefined;
}

/** `{ key: value }` when value is defined, else `{}`: exactOptionalPropertyTypes-friendly spreading. */
function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}
