import { isIP } from 'node:net';

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

/** Whether a hostname is this machine: `localhost`, 127.0.0.0/8, `::1` (also IPv4-mapped). */
export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) {
    return true;
  }
  if (isIP(host) === 4) {
    return host.startsWith('127.');
  }
  if (isIP(host) === 6) {
    return host === '::1' || /^::ffff:127\./.test(host) || /^0{0,4}(:0{0,4}){6}:0{0,3}1$/.test(host);
  }
  return false;
}

/** A URL as safe to show: no user info, no query (Azure keys can ride in either). */
export function displayUrl(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}

/** HTTPS everywhere except loopback, where a local server (a test double, a local model) may use http. */
export const httpsOnlyPolicy: EndpointPolicy = {
  check(url) {
    if (url.protocol === 'https:') {
      return undefined;
    }
    if (url.protocol === 'http:') {
      if (isLoopback(url.hostname)) {
        return undefined;
      }
      return (
        `Refusing to connect to ${displayUrl(url)}: a remote endpoint must use HTTPS, or the key and ` +
        `every prompt would cross the network in clear text. Use an https:// URL (plain http is allowed ` +
        `only for loopback addresses such as 127.0.0.1).`
      );
    }
    return `Refusing to connect to ${displayUrl(url)}: only https:// endpoints are supported.`;
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
