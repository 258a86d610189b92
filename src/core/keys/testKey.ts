import { AzureOpenAI, OpenAI } from 'openai';
import type { EndpointPolicy } from '../openai/endpointPolicy';
import { createFetch } from '../net/proxyFetch';
import { checkEndpoint, httpsOnlyPolicy } from '../openai/endpointPolicy';
import { describeFailure } from '../openai/errors';
import type { EndpointProfile } from '../openai/openaiProvider';
import { OPENAI_BASE_URL } from '../openai/openaiProvider';
import { Scrubber } from '../scrub';
import type { Profile } from './profiles';

/**
 * The endpoint a profile sends to, with the key that goes with it; undefined for dry-run, which sends
 * nothing. This is where a profile (settings) meets the transport (`createOpenAiProvider`).
 */
export function endpointFor(profile: Profile, key: string | undefined): EndpointProfile | undefined {
  const apiKey = key ?? '';
  switch (profile.kind) {
    case 'openai':
      return { kind: 'openai', apiKey, baseUrl: OPENAI_BASE_URL };
    case 'compatible':
      return { kind: 'compatible', apiKey, baseUrl: profile.baseUrl };
    case 'azure':
      return {
        kind: 'azure',
        apiKey,
        endpoint: profile.endpoint,
        apiVersion: profile.apiVersion,
        deployment: profile.deployment,
      };
    case 'dry-run':
      return undefined;
  }
}

/** What one test call found. The message never holds the key. */
export type KeyTestResult =
  | { readonly ok: true; readonly models: number; readonly endpoint: string }
  | { readonly ok: false; readonly message: string };

/** Options for `testKey`: the endpoint policy (HTTPS and host allowlist), a fetch, a timeout. */
export interface KeyTestOptions {
  readonly policy?: EndpointPolicy;
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

/**
 * Tests a key with one `models` list call through the official SDK (no retries). The result says how
 * many models the key can see, or why the call failed, scrubbed of the key.
 */
export async function testKey(
  profile: Profile,
  key: string,
  options: KeyTestOptions = {},
): Promise<KeyTestResult> {
  const endpoint = endpointFor(profile, key);
  if (!endpoint) {
    return { ok: false, message: 'A dry-run profile sends nothing, so there is no key to test.' };
  }
  const scrubber = new Scrubber([{ value: key, label: 'api-key' }]);
  const policy = options.policy ?? httpsOnlyPolicy;
  let host = '?';
  try {
    const raw = endpoint.kind === 'azure' ? endpoint.endpoint : (endpoint.baseUrl ?? OPENAI_BASE_URL);
    host = checkEndpoint(raw, policy).host;
    const baseFetch = options.fetch ?? createFetch();
    const common = {
      apiKey: key,
      adminAPIKey: null,
      maxRetries: 0,
      timeout: options.timeoutMs ?? 15_000,
      // Every URL the SDK builds is checked again, so a redirect cannot carry the key elsewhere.
      fetch: (input: string | URL | Request, init?: RequestInit) => {
        checkEndpoint(input instanceof Request ? input.url : String(input), policy);
        return baseFetch(input, init);
      },
      logLevel: 'off' as const,
    };
    const client =
      endpoint.kind === 'azure'
        ? new AzureOpenAI({ ...common, endpoint: endpoint.endpoint, apiVersion: endpoint.apiVersion })
        : new OpenAI({ ...common, baseURL: endpoint.baseUrl ?? OPENAI_BASE_URL });
    const page = await client.models.list(options.signal ? { signal: options.signal } : {});
    return { ok: true, models: page.data.length, endpoint: host };
  } catch (error) {
    const failure = describeFailure(error, { scrubber, received: 0, endpoint: host, signal: options.signal });
    return { ok: false, message: scrubber.scrub(failure.message) };
  }
}
