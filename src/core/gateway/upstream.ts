import type { EgressReply, EgressRequest } from '../net/egressRequest';
import type { EndpointPolicy } from '../openai/endpointPolicy';
import { checkEndpoint } from '../openai/endpointPolicy';
import type { FailureKind, Provider, ProviderKind } from '../openai/provider';

/** Where the gateway forwards to, and with which key: the client never holds it. */
export interface UpstreamTarget {
  readonly kind: ProviderKind;
  /** `https://api.openai.com/v1`, a compatible base URL, or an Azure resource endpoint. */
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly policy: EndpointPolicy;
  /** The egress-rule request (`createEgress`): loopback direct and checked, proxies for TLS only. */
  readonly request: EgressRequest;
  /** Azure OpenAI: deployment-based URLs, `api-version`, and the key in `api-key`. */
  readonly azure?: AzureTarget;
  /** The profile's moderation endpoint, where it has one. */
  readonly moderate?: Provider['moderate'];
}

/** An Azure OpenAI resource as its profile names it. */
export interface AzureTarget {
  readonly apiVersion: string;
  /** Chat completions go to this deployment, whatever model the client names. */
  readonly deployment: string;
}

/** What Azure allows in a deployment name, and never a dot segment. */
const DEPLOYMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * The URL of `path` (`/chat/completions`, `/models`...) upstream. Azure serves chat under the profile's
 * deployment and embeddings under the deployment the request names (an embedding model is a deployment
 * of its own), with the API version in the query, as the SDK's `AzureOpenAI` builds them.
 */
export function upstreamUrl(target: UpstreamTarget, path: string, model?: string): string {
  const base = target.baseUrl.replace(/\/+$/, '');
  const azure = target.azure;
  if (!azure) {
    return `${base}${path}`;
  }
  // The client names an embeddings deployment; one that is not a plain name (`..`, a slash) is not followed.
  const named = model !== undefined && DEPLOYMENT_NAME.test(model) ? model : azure.deployment;
  const deployment =
    path === '/chat/completions' ? azure.deployment : path === '/embeddings' ? named : undefined;
  const where = deployment !== undefined ? `/deployments/${encodeURIComponent(deployment)}` : '';
  return `${base}/openai${where}${path}?api-version=${encodeURIComponent(azure.apiVersion)}`;
}

/**
 * One request upstream: the endpoint policy is checked on the exact URL before connecting, and the
 * upstream key replaces whatever credential the client used. The body goes byte for byte as guarded.
 */
export function callUpstream(
  target: UpstreamTarget,
  path: string,
  init: {
    readonly method: 'GET' | 'POST';
    readonly body?: string;
    readonly model?: string;
    readonly signal?: AbortSignal;
  },
): Promise<EgressReply> {
  const url = checkEndpoint(upstreamUrl(target, path, init.model), target.policy);
  const headers: Record<string, string> = { accept: 'application/json, text/event-stream' };
  if (target.apiKey) {
    headers[target.azure ? 'api-key' : 'authorization'] = target.azure
      ? target.apiKey
      : `Bearer ${target.apiKey}`;
  }
  if (init.body !== undefined) {
    headers['content-type'] = 'application/json';
  }
  return target.request(url, {
    method: init.method,
    headers,
    ...(init.body !== undefined ? { body: init.body } : {}),
    ...(init.signal ? { signal: init.signal } : {}),
  });
}

/** The failure kind of an upstream status, for the record. */
export function failureKindOf(status: number): FailureKind {
  if (status === 401) {
    return 'auth';
  }
  if (status === 403) {
    return 'forbidden';
  }
  if (status === 404) {
    return 'not-found';
  }
  if (status === 429) {
    return 'rate-limit';
  }
  return status >= 500 ? 'server' : status === 400 ? 'bad-request' : 'other';
}

/** The `data:` payloads of an SSE body, one per event, as they complete. */
export async function* sseData(body: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const bytes of body) {
    buffer += decoder.decode(bytes, { stream: true });
    let end = eventEnd(buffer);
    while (end !== undefined) {
      const data = dataOf(buffer.slice(0, end.at));
      buffer = buffer.slice(end.at + end.length);
      if (data !== undefined) {
        yield data;
      }
      end = eventEnd(buffer);
    }
  }
  const data = dataOf(buffer + decoder.decode());
  if (data !== undefined) {
    yield data;
  }
}

function eventEnd(buffer: string): { at: number; length: number } | undefined {
  const match = /\r?\n\r?\n/.exec(buffer);
  return match ? { at: match.index, length: match[0].length } : undefined;
}

function dataOf(event: string): string | undefined {
  const lines = event
    .split(/\r?\n/)
    .filter((line) => line.startsWith('data:'))
    .map((line) => line.slice(line[5] === ' ' ? 6 : 5));
  return lines.length > 0 ? lines.join('\n') : undefined;
}
