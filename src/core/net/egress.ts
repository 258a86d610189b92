import { lookup as dnsLookup } from 'node:dns';
import type { LookupAddress, LookupOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/*
 * The one egress rule, shared by the CLI, the extension and the key test:
 * - plain http goes only to this machine: a literal loopback address, or `localhost` / `*.localhost` whose
 *   answer is checked to be loopback on the connection itself (a lookup that refuses anything else), so
 *   neither DNS nor a rebinding answer can carry the request off the machine;
 * - loopback never goes through a proxy, whatever HTTPS_PROXY, NO_PROXY or `http.proxy` say;
 * - a proxy only tunnels TLS (CONNECT to an https origin); plain http is never handed to one.
 * `*.localhost` is treated like any other name: it is loopback only if it resolves to loopback when the
 * connection is made.
 */

const loopbackRanges = new BlockList();
loopbackRanges.addSubnet('127.0.0.0', 8, 'ipv4');
loopbackRanges.addAddress('::1', 'ipv6');

/** Whether `address` is an IP literal of this machine: 127.0.0.0/8 or ::1 (IPv4-mapped forms too). */
export function isLoopbackAddress(address: string): boolean {
  const ip = address.replace(/^\[|\]$/g, '');
  const family = isIP(ip);
  return family !== 0 && loopbackRanges.check(ip, family === 4 ? 'ipv4' : 'ipv6');
}

/** `localhost` and the RFC 6761 `*.localhost` names: loopback only once the resolver's answer says so. */
export function isLoopbackName(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return host === 'localhost' || host.endsWith('.localhost');
}

/** A loopback address, or a name that may only be connected to if it resolves to one. */
export function isLoopbackHost(hostname: string): boolean {
  return isLoopbackAddress(hostname) || isLoopbackName(hostname);
}

/** How one URL may leave the process. */
export type EgressRoute =
  /** Direct to this machine, never proxied; `checkAtConnect` when a name must resolve to loopback. */
  | { readonly kind: 'loopback'; readonly checkAtConnect: boolean }
  /** TLS to a remote host: through the proxy when one is set and NO_PROXY does not cover the host. */
  | { readonly kind: 'remote' }
  | { readonly kind: 'refused'; readonly reason: string };

/** The route `url` takes under the egress rule. The reason holds no user info or query. */
export function egressRoute(url: URL): EgressRoute {
  const shown = `${url.protocol}//${url.host}${url.pathname}`;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return {
      kind: 'refused',
      reason: `Refusing to connect to ${shown}: only https:// endpoints are supported.`,
    };
  }
  if (isLoopbackHost(url.hostname)) {
    return { kind: 'loopback', checkAtConnect: !isLoopbackAddress(url.hostname) };
  }
  if (url.protocol === 'http:') {
    return {
      kind: 'refused',
      reason:
        `Refusing to connect to ${shown}: a remote endpoint must use HTTPS, or the key and every prompt ` +
        `would cross the network in clear text. Use an https:// URL (plain http is allowed only for ` +
        `loopback addresses such as 127.0.0.1).`,
    };
  }
  return { kind: 'remote' };
}

/** A connection the egress rule stopped, or a proxy that failed; the message names no credential. */
export class EgressError extends Error {
  override readonly name: string = 'EgressError';
  /** Not undici's recoverable `UND_ERR_SOCKET`, so a failed connect fails the request instead of looping. */
  readonly code: string = 'ESECUREGPT_EGRESS';
}

/** The callback shape of `dns.lookup`, as `net.connect` calls it (one address, or all of them). */
export type LookupFunction = (
  hostname: string,
  options: LookupOptions,
  callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
) => void;

/**
 * A `lookup` for a connection that must stay on this machine: it resolves through `resolve` (default
 * `dns.lookup`) and refuses the connection unless every answer is a loopback address. Checking here, on
 * the connection, rather than before it, leaves no gap between the check and the connect.
 */
export function loopbackOnlyLookup(resolve: LookupFunction = dnsLookup): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (error, answer) => {
      if (error) {
        callback(error, options.all === true ? [] : '');
        return;
      }
      const all = typeof answer === 'string' ? [{ address: answer, family: isIP(answer) }] : answer;
      const foreign = all.find((a) => !isLoopbackAddress(a.address));
      if (all.length === 0 || foreign !== undefined) {
        const what = foreign ? `${foreign.address}, which is not a loopback address` : 'no address';
        const refusal = new EgressError(
          `Refusing to connect to ${hostname}: it resolved to ${what}. Plain http and loopback-only ` +
            `endpoints must stay on this machine.`,
        );
        callback(refusal, options.all === true ? [] : '');
        return;
      }
      if (options.all === true) {
        callback(null, all);
      } else {
        const first = all[0]!;
        callback(null, first.address, first.family);
      }
    });
  };
}
