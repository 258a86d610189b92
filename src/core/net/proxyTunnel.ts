import * as net from 'node:net';
import * as tls from 'node:tls';
import type { ConnectionOptions } from 'node:tls';
import type { buildConnector } from 'undici';
import { EgressError } from './egress';

/** A proxy as parsed from `HTTPS_PROXY` or `http.proxy`; `label` (host:port) is what messages show. */
export interface ProxyTarget {
  readonly protocol: 'http:' | 'https:';
  readonly host: string;
  readonly port: number;
  readonly label: string;
  /** `Basic …` from the URL's user info; never shown. */
  readonly authorization?: string;
}

/** A proxy failed or refused: the message names it by host:port, never with its credentials. */
export class ProxyError extends EgressError {
  override readonly name: string = 'ProxyError';
}

/** Parses a proxy URL (`http://user:pw@proxy:3128`, or `proxy:3128`); throws `ProxyError` if unusable. */
export function parseProxy(raw: string): ProxyTarget {
  const text = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ProxyError('The proxy setting is not a URL (expected http://host:port).');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ProxyError(
      `The proxy ${url.host} uses ${url.protocol.replace(/:$/, '')}; only http:// and https:// proxies are supported.`,
    );
  }
  const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const label = `${url.hostname}:${port}`;
  const user = decodeURIComponent(url.username);
  const authorization =
    user || url.password
      ? `Basic ${Buffer.from(`${user}:${decodeURIComponent(url.password)}`).toString('base64')}`
      : undefined;
  return { protocol: url.protocol, host, port, label, ...(authorization ? { authorization } : {}) };
}

/** Longest CONNECT response head we read before calling the proxy broken. */
const MAX_HEAD = 16 * 1024;

/**
 * An undici connector that reaches an https origin through `proxy` with CONNECT and then TLS. It never
 * tunnels plain http, and it reports every failure as a `ProxyError` naming the proxy, which undici
 * treats as final: undici's own ProxyAgent reports a proxy that hangs up as a recoverable socket error
 * and reconnects forever. Retrying is the SDK's job (bounded, with backoff).
 */
export function tunnelConnector(
  proxy: ProxyTarget,
  originTls: ConnectionOptions,
  timeoutMs = 10_000,
): buildConnector.connector {
  return (params, callback) => {
    const port = Number(params.port) || 443;
    if (params.protocol !== 'https:') {
      callback(new EgressError('Plain http is never sent through a proxy.'), null);
      return;
    }
    const target = `${net.isIP(params.hostname) === 6 ? `[${params.hostname}]` : params.hostname}:${port}`;
    let settled = false;
    const finish = (error: Error | null, socket?: net.Socket): void => {
      if (settled) {
        return;
      }
      settled = true;
      clearTimeout(timer);
      if (socket) {
        callback(null, socket);
      } else {
        callback(error ?? new ProxyError(`The proxy ${proxy.label} failed.`), null);
      }
    };
    const fail = (why: string): void => {
      raw.destroy();
      finish(new ProxyError(`The proxy ${proxy.label} ${why}.`));
    };
    const timer = setTimeout(
      () => fail(`did not set up a tunnel to ${target} within ${timeoutMs / 1000} s`),
      timeoutMs,
    );
    const raw: net.Socket =
      proxy.protocol === 'https:'
        ? tls.connect({ ...originTls, host: proxy.host, port: proxy.port, servername: sni(proxy.host) })
        : net.connect({ host: proxy.host, port: proxy.port });
    let head = Buffer.alloc(0);
    const onData = (chunk: Buffer): void => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) {
        if (head.length > MAX_HEAD) {
          fail('sent an oversized answer to CONNECT');
        }
        return;
      }
      raw.off('data', onData);
      const status = /^HTTP\/1\.[01] (\d{3})([^\r\n]*)/.exec(head.subarray(0, end).toString('latin1'));
      if (!status || status[1] !== '200') {
        const said = status ? `${status[1]}${status[2]?.slice(0, 60) ?? ''}` : 'a malformed answer';
        fail(`refused the tunnel to ${target} (${said.trim()})`);
        return;
      }
      const rest = head.subarray(end + 4);
      if (rest.length > 0) {
        raw.unshift(rest);
      }
      const secure = tls.connect({
        ...originTls,
        socket: raw,
        servername: params.servername || sni(params.hostname),
        ALPNProtocols: ['http/1.1'],
      });
      secure.once('secureConnect', () => finish(null, secure));
      secure.once('error', (error: NodeJS.ErrnoException) => {
        raw.destroy();
        const why = error.code ?? error.message.split('\n')[0] ?? 'error';
        finish(new ProxyError(`TLS with ${target} through the proxy ${proxy.label} failed (${why}).`));
      });
    };
    raw.once(proxy.protocol === 'https:' ? 'secureConnect' : 'connect', () => {
      const auth = proxy.authorization ? `Proxy-Authorization: ${proxy.authorization}\r\n` : '';
      raw.write(`CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\n${auth}\r\n`);
    });
    raw.on('data', onData);
    // `on`, not `once`: after the tunnel is up a late error must still find a listener.
    raw.on('error', (error: NodeJS.ErrnoException) =>
      fail(`could not be reached (${error.code ?? error.message.split('\n')[0] ?? 'error'})`),
    );
    raw.once('close', () => fail('closed the connection without answering CONNECT'));
  };
}

/** TLS server name for a host: none for an IP literal, which SNI does not allow. */
function sni(host: string): string | undefined {
  return net.isIP(host) === 0 ? host : undefined;
}
