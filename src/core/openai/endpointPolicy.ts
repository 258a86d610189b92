import { egressRoute, isLoopbackHost } from '../net/egress';

/**
 * Decides whether a URL may be connected to; the refusal text says why and how to fix it. Issue 6
 * composes more of these (host allowlist) in front of the transport.
 */
export interface EndpointPolicy {
  /** Undefined when `url` is allowed, else a message for the user. */
  check(url: URL): string | undefined;
}

/** Refused before any connection is made. The message holds no credential (user info is stripped). */
export class EndpointRefusedError extends Error {
  override readonly name = 'EndpointRefusedError';
}

/**
 * Whether a hostname may be this machine: a loopback address, or `localhost` / `*.localhost`, which the
 * egress fetch (`core/net/proxyFetch.ts`) connects to only if the name resolves to loopback.
 */
export function isLoopback(hostname: string): boolean {
  return isLoopbackHost(hostname);
}

/** A URL as safe to show: no user info, no query (Azure keys can ride in either). */
export function displayUrl(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}

/** HTTPS everywhere except loopback: the egress rule of `core/net/egress.ts`, checked before connecting. */
export const httpsOnlyPolicy: EndpointPolicy = {
  check(url) {
    const route = egressRoute(url);
    return route.kind === 'refused' ? route.reason : undefined;
  },
};

/** Parses and checks an endpoint URL; throws `EndpointRefusedError` with the policy's message. */
export function checkEndpoint(raw: string, policy: EndpointPolicy = httpsOnlyPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new EndpointRefusedError(`'${raw.replace(/\/\/[^/@]*@/, '//…@')}' is not a URL.`);
  }
  const refusal = policy.check(url);
  if (refusal !== undefined) {
    throw new EndpointRefusedError(refusal);
  }
  return url;
}
