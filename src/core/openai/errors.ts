import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
} from 'openai';
import { EgressError } from '../net/egress';
import type { Scrubber } from '../scrub';
import { EndpointRefusedError } from './endpointPolicy';
import { retryAfter } from './retryAfter';
import type { Failure } from './provider';

/** What the transport knew when the error happened. */
export interface FailureContext {
  readonly scrubber: Scrubber;
  /** Characters of answer received before the error. */
  readonly received: number;
  readonly endpoint: string;
  readonly signal?: AbortSignal | undefined;
  /** How many times the request was tried, the SDK's retries included; said when more than one. */
  readonly attempts?: number | undefined;
}

/**
 * Turns anything the SDK or fetch throws into a short message a user can act on. The endpoint's own
 * words are kept (they say which model or quota) but pass through the scrubber, since some providers
 * echo the key in a 401.
 */
export function describeFailure(error: unknown, ctx: FailureContext): Failure {
  const detail = (e: unknown): string => {
    const text = ctx.scrubber.scrubError(e).replace(/^\d{3} /, '');
    return text.length > 300 ? `${text.slice(0, 300)}…` : text;
  };
  const partial = ctx.received > 0 ? ` The partial answer (${ctx.received} characters) is kept.` : '';
  if (error instanceof APIUserAbortError || ctx.signal?.aborted === true) {
    return { kind: 'cancelled', message: `Cancelled.${partial}` };
  }
  if (error instanceof EndpointRefusedError) {
    return { kind: 'endpoint', message: error.message };
  }
  const cause = error instanceof APIConnectionError ? error.cause : undefined;
  if (cause instanceof EndpointRefusedError) {
    return { kind: 'endpoint', message: cause.message };
  }
  if (error instanceof AuthenticationError) {
    return {
      kind: 'auth',
      status: 401,
      message: `${ctx.endpoint} rejected the API key (401): ${detail(error)} Check the key, or set a new one.`,
    };
  }
  if (error instanceof PermissionDeniedError) {
    return {
      kind: 'forbidden',
      status: 403,
      message: `${ctx.endpoint} refused the request (403): ${detail(error)}`,
    };
  }
  if (error instanceof NotFoundError) {
    return {
      kind: 'not-found',
      status: 404,
      message: `${ctx.endpoint} does not know this model or path (404): ${detail(error)}`,
    };
  }
  if (error instanceof BadRequestError) {
    return {
      kind: 'bad-request',
      status: 400,
      message: `${ctx.endpoint} refused the request (400): ${detail(error)}`,
    };
  }
  if (error instanceof RateLimitError) {
    const after = error.headers ? retryAfter(error.headers) : undefined;
    const wait = after !== undefined && after > 0 ? ` It asks to wait ${Math.ceil(after)} s.` : '';
    return {
      kind: 'rate-limit',
      status: 429,
      message: `${ctx.endpoint} is rate limiting this key (429): ${detail(error)}${wait} Try again later.`,
    };
  }
  if (error instanceof APIError && typeof error.status === 'number') {
    const kind = error.status >= 500 ? 'server' : 'other';
    const what = error.status >= 500 ? 'failed' : 'refused the request';
    const after = error.status >= 500 ? ' after retries' : '';
    return {
      kind,
      status: error.status,
      message: `${ctx.endpoint} ${what} (${error.status})${after}: ${detail(error)}`,
    };
  }
  if (error instanceof APIConnectionTimeoutError) {
    return { kind: 'timeout', message: `${ctx.endpoint} did not answer in time.${partial}` };
  }
  if (error instanceof APIConnectionError) {
    const tries = (ctx.attempts ?? 1) > 1 ? ` Gave up after ${ctx.attempts} attempts.` : '';
    const egress = egressErrorIn(error);
    if (egress) {
      return {
        kind: 'network',
        message: `Could not reach ${ctx.endpoint}: ${ctx.scrubber.scrub(egress.message)}${tries}`,
      };
    }
    const why = cause instanceof Error ? connectionCause(cause) : 'connection failed';
    return {
      kind: 'network',
      message: `Could not reach ${ctx.endpoint}: ${ctx.scrubber.scrub(why)}.${tries}`,
    };
  }
  if (error instanceof SyntaxError) {
    return {
      kind: 'malformed',
      message: `${ctx.endpoint} sent a reply that is not valid JSON, so the answer stopped.${partial}`,
    };
  }
  if (ctx.received > 0 || isStreamTermination(error)) {
    return {
      kind: 'cut',
      message: `The connection to ${ctx.endpoint} closed in the middle of the answer.${partial}`,
    };
  }
  return { kind: 'other', message: `The request to ${ctx.endpoint} failed: ${detail(error)}` };
}

/** A refusal by the egress rule or a failed proxy, somewhere in the cause chain: its words say it best. */
function egressErrorIn(error: Error): EgressError | undefined {
  let e: unknown = error;
  for (let depth = 0; depth < 5 && e instanceof Error; depth++) {
    if (e instanceof EgressError) {
      return e;
    }
    e = e.cause;
  }
  return undefined;
}

/**
 * The useful part of a fetch failure's cause chain: `ECONNREFUSED`, `ENOTFOUND`, a TLS error; an error
 * code, never a body. The chat, `ask` and the gateway all word a failed connection with it.
 */
export function connectionCause(error: unknown): string {
  let e: unknown = error;
  for (let depth = 0; depth < 4 && e instanceof Error; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') {
      return code;
    }
    e = e.cause;
  }
  return error instanceof Error ? (error.message.split('\n')[0] ?? 'connection failed') : 'connection failed';
}

/** undici reports a socket closed mid-body as `TypeError: terminated` (cause: `other side closed`). */
function isStreamTermination(error: unknown): boolean {
  return (
    error instanceof Error &&
    /terminated|other side closed|socket hang up|ECONNRESET|premature/i.test(
      `${error.message} ${error.cause instanceof Error ? error.cause.message : ''}`,
    )
  );
}
