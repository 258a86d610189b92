import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import type { Dispatcher } from 'undici';
import { Agent, fetch as undiciFetch, ProxyAgent } from 'undici';

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

/** The proxy settings of a CLI environment: `HTTPS_PROXY`/`https_proxy` (then `ALL_PROXY`), `NO_PROXY`. */
export function networkFromEnv(env: NodeJS.ProcessEnv): NetworkOptions {
  return {
    proxyUrl: env['HTTPS_PROXY'] ?? env['https_proxy'] ?? env['ALL_PROXY'] ?? env['all_proxy'],
    noProxy: env['NO_PROXY'] ?? env['no_proxy'],
    caFiles: env['SECURE_GPT_CA_FILE'] ? [env['SECURE_GPT_CA_FILE']] : [],
  };
}

/**
 * A fetch for the OpenAI SDK that honours the proxy, `NO_PROXY`, strict-SSL and extra CA settings.
 * Without any of them it is the plain global fetch.
 */
export function createFetch(options: NetworkOptions): typeof fetch {
  const ca = (options.caFiles ?? []).map((file) => readFileSync(file, 'utf8'));
  const strict = options.strictSSL ?? true;
  if (!options.proxyUrl && ca.length === 0 && strict) {
    return fetch;
  }
  const connect = {
    rejectUnauthorized: strict,
    ...(ca.length > 0 ? { ca: [...rootCertificates, ...ca] } : {}),
  };
  const direct: Dispatcher = new Agent({ connect });
  const proxied: Dispatcher | undefined = options.proxyUrl
    ? new ProxyAgent({ uri: options.proxyUrl, requestTls: connect, proxyTls: connect })
    : undefined;
  const chosen = (url: URL): Dispatcher =>
    proxied && !bypassesProxy(url.hostname, options.noProxy) ? proxied : direct;
  const proxyFetch = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    // undici's own fetch takes its own dispatcher; its Response is the standard one at runtime.
    return undiciFetch(input as Parameters<typeof undiciFetch>[0], {
      ...(init as Parameters<typeof undiciFetch>[1]),
      dispatcher: chosen(url),
    }) as unknown as Promise<Response>;
  };
  return proxyFetch;
}
