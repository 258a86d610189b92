import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { FakeUsage } from './fakeOpenAiBodies';
import {
  chatBody,
  echo,
  keyOf,
  parseJson,
  sendError,
  sendJson,
  chatChunks,
  estimateUsage,
  isRecord,
  responsesBody,
  responsesEvents,
  splitWords,
} from './fakeOpenAiBodies';

export type { FakeUsage } from './fakeOpenAiBodies';

/** One request as the fake server received it: what left the client, for tests to assert on. */
export interface RecordedRequest {
  readonly method: string;
  /** Path without the query string, e.g. `/v1/chat/completions`. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  /** The raw body text, exactly as sent. */
  readonly rawBody: string;
  /** The body parsed as JSON, or undefined when it is empty or not JSON. */
  readonly body: unknown;
}

/** What the next matching request gets. Every variant may delay its first byte with `delayMs`. */
export type FakeReply =
  | {
      readonly kind: 'ok';
      /** The answer; a function builds it from the request (to echo, for example). */
      readonly text?: string | ((request: RecordedRequest) => string);
      /** Explicit stream chunks; by default the text is split after each space. */
      readonly chunks?: readonly string[];
      /** Pause between stream chunks, so a test can cancel mid-answer. */
      readonly chunkDelayMs?: number;
      readonly usage?: FakeUsage;
      /** For `/moderations`: whether the input is flagged. */
      readonly flagged?: boolean;
      /**
       * A gateway that quotes the caller's key in a normal answer ("quota low for key sk-…"). Streamed, the
       * key is cut across pieces of this many characters (default 5), so no single piece holds it whole.
       */
      readonly echoKey?: { readonly pieceLength?: number };
      /** The model the answer says answered (default: the one the request named). */
      readonly model?: string;
      readonly delayMs?: number;
    }
  | {
      readonly kind: 'unauthorized';
      /** Echo the key from `Authorization`/`api-key` in the error message, whole or masked like OpenAI does. */
      readonly echoKey?: 'full' | 'masked';
      readonly delayMs?: number;
    }
  | { readonly kind: 'rateLimited'; readonly retryAfter?: string; readonly delayMs?: number }
  | { readonly kind: 'serverError'; readonly status?: number; readonly delayMs?: number }
  /** Streams `afterChunks` chunks (or half a JSON body) and then destroys the socket. */
  | { readonly kind: 'cut'; readonly afterChunks?: number; readonly delayMs?: number }
  /** A 200 whose SSE data (or JSON body) does not parse. */
  | { readonly kind: 'malformed'; readonly delayMs?: number };

/** Which requests a queued reply applies to, and how many times. */
export interface EnqueueOptions {
  /** A path suffix such as `/chat/completions`; default: any request. */
  readonly path?: string;
  /** How many matching requests get this reply (default 1). */
  readonly times?: number;
}

interface Queued {
  readonly reply: FakeReply;
  readonly path: string | undefined;
  remaining: number;
}

/** Default answer when nothing is queued. */
export const FAKE_ANSWER = 'Hello from the fake OpenAI server.';

/**
 * A loopback OpenAI-compatible server for tests: Chat Completions (JSON and SSE), Responses (typed SSE),
 * models and moderations. It records every request and serves scripted replies and faults.
 */
export class FakeOpenAi {
  /** Every request received, in order. */
  readonly requests: RecordedRequest[] = [];
  /** The ids `GET /models` lists. */
  models: readonly string[] = ['gpt-4o-mini', 'gpt-4o'];
  private readonly queue: Queued[] = [];
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private server: Server | undefined;
  private port = 0;
  private scheme: 'http' | 'https' = 'http';

  /**
   * Listens on 127.0.0.1 on a free port; over TLS with `tls`, so that a proxy can stand it in for
   * api.openai.com (an `openai` profile has no base URL of its own).
   */
  async start(options: { tls?: { cert: string; key: string } } = {}): Promise<this> {
    const handler = (req: IncomingMessage, res: ServerResponse): void => void this.handle(req, res);
    const server: Server = options.tls ? createTlsServer(options.tls, handler) : createServer(handler);
    this.scheme = options.tls ? 'https' : 'http';
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    return this;
  }

  /** Closes the server and every open connection, including streams still running. */
  async stop(): Promise<void> {
    for (const timer of this.timers) {
      clearTimeout(timer);
    }
    this.timers.clear();
    for (const socket of this.sockets) {
      socket.destroy();
    }
    const server = this.server;
    this.server = undefined;
    if (server) {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }

  /** Base URL for the SDK, e.g. `http://127.0.0.1:PORT/v1`. */
  get url(): string {
    return `${this.origin}/v1`;
  }

  /** `http://127.0.0.1:PORT`, for clients that add their own path (Azure). */
  get origin(): string {
    if (!this.server) {
      throw new Error('FakeOpenAi is not started');
    }
    return `${this.scheme}://127.0.0.1:${this.port}`;
  }

  /** Scripts the reply to the next matching request(s); unmatched requests get a normal answer. */
  enqueue(reply: FakeReply, options: EnqueueOptions = {}): this {
    this.queue.push({ reply, path: options.path, remaining: options.times ?? 1 });
    return this;
  }

  /** Forgets recorded requests and queued replies. */
  reset(): void {
    this.requests.length = 0;
    this.queue.length = 0;
  }

  /** Recorded requests to a path ending in `suffix`. */
  requestsTo(suffix: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path.endsWith(suffix));
  }

  private next(path: string): FakeReply {
    const index = this.queue.findIndex((q) => q.path === undefined || path.endsWith(q.path));
    const queued = index === -1 ? undefined : this.queue[index];
    if (!queued) {
      return { kind: 'ok' };
    }
    queued.remaining -= 1;
    if (queued.remaining <= 0) {
      this.queue.splice(index, 1);
    }
    return queued.reply;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) {
      chunks.push(chunk as Buffer);
    }
    const rawBody = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const request: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      rawBody,
      body: parseJson(rawBody),
    };
    this.requests.push(request);
    const reply = this.next(request.path);
    if (reply.delayMs) {
      await this.sleep(reply.delayMs);
    }
    if (res.destroyed) {
      return;
    }
    await this.respond(request, reply, res);
  }

  private async respond(request: RecordedRequest, reply: FakeReply, res: ServerResponse): Promise<void> {
    switch (reply.kind) {
      case 'unauthorized':
        return sendError(res, 401, {
          message: `Incorrect API key provided: ${echo(keyOf(request.headers), reply.echoKey)}. You can find your API key in your account settings.`,
          type: 'invalid_request_error',
          code: 'invalid_api_key',
        });
      case 'rateLimited':
        res.setHeader('retry-after', reply.retryAfter ?? '1');
        return sendError(res, 429, {
          message: 'Rate limit reached for requests. Please try again later.',
          type: 'requests',
          code: 'rate_limit_exceeded',
        });
      case 'serverError':
        return sendError(res, reply.status ?? 500, {
          message: 'The server had an error while processing your request.',
          type: 'server_error',
          code: null,
        });
      default:
        break;
    }
    const path = request.path;
    if (request.method === 'GET' && path.endsWith('/models')) {
      return sendJson(res, {
        object: 'list',
        data: this.models.map((id) => ({ id, object: 'model', created: 0, owned_by: 'fake' })),
      });
    }
    if (path.endsWith('/moderations')) {
      const flagged = reply.kind === 'ok' && reply.flagged === true;
      return sendJson(res, {
        id: 'modr-fake',
        model: 'omni-moderation-latest',
        results: [
          {
            flagged,
            categories: { harassment: flagged },
            category_scores: { harassment: flagged ? 0.9 : 0 },
          },
        ],
      });
    }
    if (path.endsWith('/chat/completions') || path.endsWith('/responses')) {
      const responses = path.endsWith('/responses');
      const body = isRecord(request.body) ? request.body : {};
      const stream = body['stream'] === true;
      const asked = typeof body['model'] === 'string' ? body['model'] : 'gpt-4o-mini';
      const model = (reply.kind === 'ok' ? reply.model : undefined) ?? asked;
      const text = answerText(request, reply);
      const pieces =
        reply.kind === 'ok' && reply.chunks
          ? [...reply.chunks]
          : reply.kind === 'ok' && reply.echoKey
            ? splitEvery(text, reply.echoKey.pieceLength ?? 5)
            : splitWords(text);
      const usage =
        (reply.kind === 'ok' ? reply.usage : undefined) ?? estimateUsage(request.rawBody, pieces.length);
      const events = responses
        ? responsesEvents(model, pieces, usage)
        : chatChunks(model, pieces, usage, body);
      if (!stream) {
        const json = JSON.stringify(
          responses ? responsesBody(model, text, usage) : chatBody(model, text, usage),
        );
        return this.sendWhole(res, json, reply);
      }
      return this.stream(res, events, reply, responses ? 3 : 1);
    }
    return sendError(res, 404, {
      message: `Unknown path ${path}`,
      type: 'invalid_request_error',
      code: null,
    });
  }

  private sendWhole(res: ServerResponse, json: string, reply: FakeReply): void {
    res.writeHead(200, { 'content-type': 'application/json' });
    if (reply.kind === 'malformed') {
      res.end('{"id": "broken", "choices": [');
    } else if (reply.kind === 'cut') {
      res.write(json.slice(0, Math.floor(json.length / 2)));
      res.socket?.destroy();
    } else {
      res.end(json);
    }
  }

  /** Writes SSE events; `leading` events (role, created...) go out at once, the pause falls between pieces. */
  private async stream(
    res: ServerResponse,
    events: readonly string[],
    reply: FakeReply,
    leading: number,
  ): Promise<void> {
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    res.flushHeaders();
    const delay = reply.kind === 'ok' ? (reply.chunkDelayMs ?? 0) : 0;
    for (const [i, event] of events.entries()) {
      if (res.destroyed) {
        return;
      }
      if (reply.kind === 'cut' && i >= (reply.afterChunks ?? 2)) {
        res.socket?.destroy();
        return;
      }
      if (reply.kind === 'malformed' && i === 1) {
        res.write('data: {"id": "broken", "choices": [\n\n');
        res.end();
        return;
      }
      // Waiting for the flush makes a cut land after the chunks before it have really left.
      await new Promise<void>((resolve) => res.write(event, () => resolve()));
      if (delay > 0 && i >= leading) {
        await this.sleep(delay);
      }
    }
    res.end();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }
}

/** The answer a key-echoing gateway gives. */
export function keyEchoAnswer(key: string): string {
  return `Your usage is at 95% of the monthly quota for key ${key}. Requests continue until 100%.\n\nHello from the fake OpenAI server.`;
}

function splitEvery(text: string, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += n) {
    out.push(text.slice(i, i + n));
  }
  return out;
}

function answerText(request: RecordedRequest, reply: FakeReply): string {
  if (reply.kind === 'ok' && reply.echoKey) {
    return keyEchoAnswer(keyOf(request.headers));
  }
  if (reply.kind !== 'ok' || reply.text === undefined) {
    return reply.kind === 'ok' && reply.chunks ? reply.chunks.join('') : FAKE_ANSWER;
  }
  return typeof reply.text === 'function' ? reply.text(request) : reply.text;
}
