import type { EndpointPolicy } from '../openai/endpointPolicy';
import { createFetch } from '../net/proxyFetch';
import { httpsOnlyPolicy } from '../openai/endpointPolicy';
import { describeFailure } from '../openai/errors';
import { createOpenAIClient, endpointFor, endpointUrl } from '../openai/openaiClient';
import { Scrubber } from '../scrub';
import type { Profile } from './profiles';

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
    host = endpointUrl(endpoint, policy).host;
    const client = createOpenAIClient(endpoint, key, policy, options.fetch ?? createFetch(), {
      maxRetries: 0,
      timeoutMs: options.timeoutMs ?? 15_000,
    });
    const page = await client.models.list(options.signal ? { signal: options.signal } : {});
    return { ok: true, models: page.data.length, endpoint: host };
  } catch (error) {
    const failure = describeFailure(error, { scrubber, received: 0, endpoint: host, signal: options.signal });
    return { ok: false, message: scrubber.scrub(failure.message) };
  }
}
