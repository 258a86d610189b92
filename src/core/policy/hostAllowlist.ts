import type { EndpointPolicy } from '../openai/endpointPolicy';
import { displayUrl, httpsOnlyPolicy, isLoopback } from '../openai/endpointPolicy';

/** The hosts requests may go to when the user has not set `secureGpt.endpoint.allowedHosts`. */
export const DEFAULT_ALLOWED_HOSTS: readonly string[] = ['api.openai.com', '*.openai.azure.com'];

/** Whether `host` matches `pattern`: exact, or `*.domain` for any subdomain (not the domain itself). */
export function hostMatches(pattern: string, host: string): boolean {
  const p = pattern.trim().toLowerCase().replace(/\.$/, '');
  const h = host.toLowerCase().replace(/\.$/, '');
  if (p.startsWith('*.')) {
    return h.endsWith(p.slice(1)) && h.length > p.length - 1;
  }
  return p === h;
}

/**
 * HTTPS-only (loopback excepted) and then the host allowlist. Loopback hosts are always allowed: a local
 * model or test server never carries the request off the machine.
 */
export function allowlistPolicy(allowedHosts: readonly string[]): EndpointPolicy {
  return {
    check(url) {
      const https = httpsOnlyPolicy.check(url);
      if (https) {
        return https;
      }
      if (isLoopback(url.hostname) || allowedHosts.some((p) => hostMatches(p, url.hostname))) {
        return undefined;
      }
      return (
        `Refusing to connect to ${displayUrl(url)}: ${url.hostname} is not in secureGpt.endpoint.allowedHosts ` +
        `(${allowedHosts.join(', ') || 'empty'}). Add it there (user settings) if you trust it.`
      );
    },
  };
}
