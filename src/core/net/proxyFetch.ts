import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import type { Dispatcher } from 'undici';
import { Agent, fetch as undiciFetch } from 'undici';
import { EndpointRefusedError } from '../openai/endpointPolicy';
import type { EgressRequest } from './egressRequest';
import { dispatcherRequest } from './egressRequest';
import type { LookupFunction } from './egress';
import { egressRoute, loopbackOnlyLookup } from './egress';
import type { ProxyTarget } from './proxyTunnel';
import { parseProxy, ProxyError, tunnelConnector } from './proxyTunnel';

/** How requests reach the endpoint: directly or through a proxy, with which certificates. */
export interface NetworkOptions {
  /** `http://proxy:3128`; credentials in it are used but never shown. */
  readonly proxyUrl?: string | undefined;
  /** Hosts that bypass the proxy: `NO_PROXY` syntax (comma-separated, `.domain`, `*`). */
  readonly noProxy?: string | undefined;
  /** Verify TLS certificates (VS Code's `http.proxyStrictSSL`); default true. */
  readonly strictSSL?: boolean | undefined;
  /** PEM files of extra CA certificates (a corporate TLS-inspecting proxy), added to the system roots. */
  readonly caFiles?: readonly string[] | undefined;
  /** The resolver behind the loopback check (tests inject one); default `dns.lookup`. */
  readonly lookup?: LookupFunction | undefined;
}

/** Whether `host` is covered by a `NO_PROXY` value. */
export function bypassesProxy(host: string, noProxy: string | undefined): boolean {
  if (!noProxy) {
    return false;
  }
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return noProxy
    .split(/[,\s]+/)
    .map((entry) => entry.trim().toLowerCase().replace(/:\d+$/, ''))
    .filter(Boolean)
    .some(
      (entry) =>
        entry === '*' ||
        h === entry.replace(/^\*?\./, '') ||
        h.endsWith(entry.startsWith('.') ? entry : `.${entry.replace(/^\*\./, '')}`),
    );
}

/**
 * The proxy settings of a CLI environment: `HTTPS_PROXY`/`https_proxy` (then `ALL_PROXY`), `NO_PROXY`.
 * `HTTP_PROXY` is read by nothing: plain http only ever goes to loopback, which never takes a proxy.
 */
export function networkFromEnv(env: NodeJS.ProcessEnv): NetworkOptions {
  return {
    proxyUrl: env['HTTPS_PROXY'] ?? env['https_proxy'] ?? env['ALL_PROXY'] ?? env['all_proxy'],
    noProxy: env['NO_PROXY'] ?? env['no_proxy'],
    caFiles: env['SECURE_GPT_CA_FILE'] ? [env['SECURE_GPT_CA_FILE']] : [],
  };
}

/** VS Code's `http.*` settings that bear on egress, as the extension reads them. */
export interface EditorHttpSettings {
  readonly proxy?: string | undefined;
  readonly noProxy?: readonly string[] | undefined;
  readonly proxyStrictSSL?: boolean | undefined;
}

/**
 * The editor's network options: `http.proxy` / `http.noProxy` / `http.proxyStrictSSL` first, then the
 * extension host's environment as the CLI reads it. Kept apart from `vscode` so the rule is testable in Node.
 */
export function networkFromEditor(http: EditorHttpSettings, env: NodeJS.ProcessEnv): NetworkOptions {
  const fromEnv = networkFromEnv(env);
  const noProxy = (http.noProxy ?? []).join(',');
  return {
    proxyUrl: http.proxy || fromEnv.proxyUrl || undefined,
    noProxy: noProxy || fromEnv.noProxy || undefined,
    strictSSL: http.proxyStrictSSL ?? true,
  };
}

/** Which dispatcher a URL goes by; exported so the rule can be tested without a network. */
export type Route = 'loopback' | 'direct' | 'proxy';

/** The route of `url` under the egress rule and these settings; throws `EndpointRefusedError`. */
export function routeFor(url: URL, options: Pick<NetworkOptions, 'proxyUrl' | 'noProxy'>): Route {
  const route = egressRoute(url);
  if (route.kind === 'refused') {
    throw new EndpointRefusedError(route.reason);
  }
  if (route.kind === 'loopback') {
    return 'loopback';
  }
  return options.proxyUrl && !bypassesProxy(url.hostname, options.noProxy) ? 'proxy' : 'direct';
}

/** The two ways out, on the same dispatchers (so the same egress rule and connection pools). */
export interface Egress {
  /** For the SDK. */
  readonly fetch: typeof fetch;
  /** For the local gateway's relay, which needs no web streams (see `dispatcherRequest`). */
  readonly request: EgressRequest;
}

/**
 * The fetch every request to a model endpoint goes through (CLI, extension, key test). It applies the
 * egress rule (see `egress.ts`) to each URL: loopback goes direct with a lookup that refuses a
 * non-loopback answer, remote https goes through the proxy (CONNECT + TLS only) unless NO_PROXY covers
 * it, and anything else is refused before a socket opens. It never retries: the SDK's bounded retries
 * with backoff are the only ones, so the two cannot multiply.
 */
export function createFetch(options: NetworkOptions = {}): typeof fetch {
  return createEgress(options).fetch;
}

/** `createFetch`, and a plain request on the same rule and dispatchers. */
export function createEgress(options: NetworkOptions = {}): Egress {
  const ca = (options.caFiles ?? []).map((file) => readFileSync(file, 'utf8'));
  const tlsOptions = {
    rejectUnauthorized: options.strictSSL ?? true,
    ...(ca.length > 0 ? { ca: [...rootCertificates, ...ca] } : {}),
  };
  const loopback: Dispatcher = new Agent({
    connect: { ...tlsOptions, lookup: loopbackOnlyLookup(options.lookup) },
  });
  const direct: Dispatcher = new Agent({ connect: tlsOptions });
  let proxy: ProxyTarget | ProxyError | undefined;
  try {
    proxy = options.proxyUrl ? parseProxy(options.proxyUrl) : undefined;
  } catch (error) {
    proxy = error instanceof ProxyError ? error : new ProxyError('The proxy setting cannot be used.');
  }
  const proxied: Dispatcher | undefined =
    proxy && !(proxy instanceof ProxyError)
      ? new Agent({ connect: tunnelConnector(proxy, tlsOptions) })
      : undefined;
  const dispatcherFor = (url: URL): Dispatcher => {
    const route = routeFor(url, options);
    if (route === 'proxy' && proxy instanceof ProxyError) {
      throw proxy;
    }
    return route === 'loopback' ? loopback : route === 'proxy' && proxied ? proxied : direct;
  };
  const egressFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const dispatcher = dispatcherFor(new URL(input instanceof Request ? input.url : String(input)));
    // undici's own fetch takes its own dispatcher; its Response is the standard one at runtime. The casts
    // matter where the DOM's fetch types are loaded (the test project) and not under Node's alone.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
    return (await undiciFetch(input as Parameters<typeof undiciFetch>[0], {
      ...(init as Parameters<typeof undiciFetch>[1]),
      dispatcher,
    })) as unknown as Response;
  };
  return { fetch: egressFetch, request: dispatcherRequest(dispatcherFor) };
}
