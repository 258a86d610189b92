import { AzureOpenAI, OpenAI } from 'openai';
import type { Profile } from '../keys/profiles';
import type { Logger } from '../log';
import { Scrubber } from '../scrub';
import type { EndpointPolicy } from './endpointPolicy';
import { checkEndpoint } from './endpointPolicy';

/** The public OpenAI endpoint; passed explicitly so `OPENAI_BASE_URL` in the environment cannot redirect. */
export const OPENAI_BASE_URL = 'https://api.openai.com/v1';

/** Where a profile sends, without its key. */
export type Endpoint =
  | { readonly kind: 'openai' | 'compatible'; readonly baseUrl?: string }
  | {
      readonly kind: 'azure';
      /** `https://RESOURCE.openai.azure.com/` */
      readonly endpoint: string;
      readonly apiVersion: string;
      readonly deployment?: string;
    };

/**
 * An endpoint and the key read for it just now (empty for a keyless compatible server). It lives only
 * for the call that read the key: nothing keeps one.
 */
export type EndpointProfile = Endpoint & { readonly apiKey: string };

/**
 * The endpoint a profile sends to, with the key that goes with it; undefined for dry-run, which sends
 * nothing. This is where a profile (settings) meets the transport.
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

/** The endpoint's URL, checked against the policy; throws `EndpointRefusedError` before anything connects. */
export function endpointUrl(endpoint: Endpoint, policy: EndpointPolicy): URL {
  return checkEndpoint(
    endpoint.kind === 'azure' ? endpoint.endpoint : (endpoint.baseUrl ?? OPENAI_BASE_URL),
    policy,
  );
}

/** How one client behaves; the SDK's own defaults otherwise. */
export interface ClientOptions {
  /** SDK retries on 408/409/429/5xx and connection errors. Default 0. */
  readonly maxRetries?: number;
  /** Per attempt, in milliseconds. */
  readonly timeoutMs?: number;
  /** Where the SDK's warnings go, scrubbed of the key; without one the SDK logs nothing. */
  readonly logger?: Logger;
}

/**
 * The one place an SDK client is made (the key test, every request, moderation, `/models`). The endpoint
 * is checked against the policy here, and again on every URL the SDK builds, so neither a setting nor a
 * redirect can carry the key elsewhere. The base URL and `adminAPIKey` are explicit, so the environment
 * (`OPENAI_BASE_URL`, `OPENAI_ADMIN_KEY`) cannot redirect a request or add a credential to it.
 */
export function createOpenAIClient(
  endpoint: Endpoint,
  key: string,
  policy: EndpointPolicy,
  fetch: typeof globalThis.fetch,
  options: ClientOptions = {},
): OpenAI {
  endpointUrl(endpoint, policy);
  const checkedFetch = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    checkEndpoint(input instanceof Request ? input.url : String(input), policy);
    return fetch(input, init);
  };
  const logger = options.logger;
  const scrubber = new Scrubber(key ? [{ value: key, label: 'api-key' }] : []);
  const line = (args: unknown[]): string => scrubber.scrub(args.map(String).join(' '));
  const common = {
    // A keyless compatible server (a local model) still needs some bearer value for the SDK.
    apiKey: key || 'no-key',
    adminAPIKey: null,
    maxRetries: options.maxRetries ?? 0,
    fetch: checkedFetch,
    ...(options.timeoutMs !== undefined ? { timeout: options.timeoutMs } : {}),
    ...(logger
      ? {
          logLevel: 'warn' as const,
          logger: {
            error: (...args: unknown[]) => logger.error(line(args)),
            warn: (...args: unknown[]) => logger.warn(line(args)),
            info: (...args: unknown[]) => logger.info(line(args)),
            debug: (...args: unknown[]) => logger.debug(line(args)),
          },
        }
      : { logLevel: 'off' as const }),
  };
  if (endpoint.kind === 'azure') {
    return new AzureOpenAI({
      ...common,
      endpoint: endpoint.endpoint,
      apiVersion: endpoint.apiVersion,
      ...(endpoint.deployment !== undefined ? { deployment: endpoint.deployment } : {}),
    });
  }
  return new OpenAI({ ...common, baseURL: endpoint.baseUrl ?? OPENAI_BASE_URL });
}
