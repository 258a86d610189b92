import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** A refused request: the status and an OpenAI-shaped error the client's SDK can read. */
export interface Refusal {
  readonly status: 401 | 403;
  readonly message: string;
  readonly code: string;
}

/** A fresh client token: 32 random bytes, base64url, with a prefix that says what it is for. */
export function newGatewayToken(): string {
  return `sgpt-gw-${randomBytes(32).toString('base64url')}`;
}

/**
 * Who may use the gateway. A browser page must not reach it (an `Origin` header, or a `Host` that is not
 * the loopback address and port it listens on, as in DNS rebinding), and a local process must hold the
 * token printed at start-up. Checked before the body is read, so a refused request forwards nothing.
 */
export function checkAccess(headers: IncomingHttpHeaders, token: string, port: number): Refusal | undefined {
  if (headers.origin !== undefined) {
    return {
      status: 403,
      code: 'origin_refused',
      message: 'The gateway does not answer browser requests (an Origin header was sent).',
    };
  }
  const host = headers.host?.toLowerCase();
  if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
    return {
      status: 403,
      code: 'host_refused',
      message: `The gateway answers only at 127.0.0.1:${port} or localhost:${port}.`,
    };
  }
  const match = /^Bearer (\S+)$/i.exec(headers.authorization?.trim() ?? '');
  if (!match || !sameToken(match[1]!, token)) {
    return {
      status: 401,
      code: 'invalid_api_key',
      message: 'Missing or wrong gateway token: use the token secure-gpt proxy printed as the API key.',
    };
  }
  return undefined;
}

/** Compares in constant time; hashing first makes the lengths equal without revealing the token's. */
function sameToken(given: string, token: string): boolean {
  const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(token));
}
