import type { ServerResponse } from 'node:http';

/** The OpenAI error body, which every OpenAI SDK turns into its typed error. */
export interface OpenAiErrorBody {
  readonly error: {
    readonly message: string;
    readonly type: string;
    readonly param: string | null;
    readonly code: string | null;
  };
}

/** An OpenAI-shaped error; `message` must already be scrubbed. */
export function errorBody(message: string, type: string, code: string | null): OpenAiErrorBody {
  return { error: { message, type, param: null, code } };
}

/** Writes a JSON reply, unless the client is gone or the reply has begun. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  if (res.headersSent || res.destroyed) {
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store',
  });
  res.end(text);
}

/** An error reply in the OpenAI shape. */
export function sendError(
  res: ServerResponse,
  status: number,
  message: string,
  code: string | null,
  headers: Readonly<Record<string, string>> = {},
): void {
  const type =
    status === 401 ? 'authentication_error' : status === 429 ? 'rate_limit_error' : 'invalid_request_error';
  sendJson(res, status, errorBody(message, status >= 500 ? 'server_error' : type, code), headers);
}

/** Opens a server-sent event stream to the client. */
export function startEventStream(res: ServerResponse): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
}

/** One SSE event. */
export function sseEvent(res: ServerResponse, data: unknown): void {
  if (!res.destroyed) {
    res.write(`data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`);
  }
}
