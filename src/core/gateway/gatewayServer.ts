import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Logger } from '../log';
import { Conversation } from '../pipeline/conversation';
import type { Pipeline } from '../pipeline/pipeline';
import type { RequestRecord } from '../pipeline/record';
import { countByRule } from '../pipeline/redact';
import type { BlockedRequest } from '../pipeline/prepare';
import { Scrubber } from '../scrub';
import { checkAccess } from './access';
import type { AnswerSecret } from '../pipeline/answerScrubber';
import { AnswerRewriter } from './answerRewriter';
import { exchangeProvider } from './upstreamExchange';
import { ConversationIndex } from './conversationIndex';
import { prepareForwarded } from './forwardedRequest';
import { RedactionCache } from './redactionCache';
import { sendError, sendJson } from './httpReply';
import {
  chatRequestSchema,
  embeddingsRequestSchema,
  MAX_BODY_BYTES,
  responsesRequestSchema,
  schemaProblem,
} from './requestSchema';
import { ResponsesRewriter } from './responsesRewriter';
import type { UpstreamTarget } from './upstream';
import { callUpstream } from './upstream';

/** What the gateway runs with. */
export interface GatewayOptions {
  /** The bearer token clients must present; it never goes upstream. */
  readonly token: string;
  readonly upstream: UpstreamTarget;
  /** The outgoing pipeline (limits, budgets, moderation, record) and its settings (policy, known values). */
  readonly pipeline: Pipeline;
  /** Where the records of blocked requests go (the pipeline records the ones it sends). */
  readonly recordBlocked: (record: RequestRecord) => Promise<void>;
  readonly logger: Logger;
  readonly maxBodyBytes?: number;
}

/** A listening gateway. */
export interface RunningGateway {
  /** `http://127.0.0.1:PORT/v1` */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * The local redacting gateway: an OpenAI-compatible endpoint on 127.0.0.1 that every tool on the machine
 * can point at. Requests go up through the same pipeline as the chat (redaction, guard, policy, limits,
 * record) with the upstream key; answers come down with the client's values restored and the key masked.
 */
export async function startGateway(options: GatewayOptions, port = 0): Promise<RunningGateway> {
  const sockets = new Set<Socket>();
  const index = new ConversationIndex();
  const redactions = new RedactionCache();
  let bound = 0;
  // The known values are fixed for the gateway's life, so one scrubber serves every error message.
  const errors = errorScrubber(options);
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.logger.error(`gateway: ${errors.scrubError(error)}`);
      if (res.headersSent) {
        res.destroy(); // mid-answer: the client sees a cut, never a hang
      } else {
        sendError(res, 500, 'The gateway failed on this request.', 'gateway_error');
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const refusal = checkAccess(req.headers, options.token, bound);
    if (refusal) {
      options.logger.warn(`gateway: refused ${req.method ?? ''} request (${refusal.code})`);
      res.setHeader('connection', 'close');
      sendError(res, refusal.status, refusal.message, refusal.code);
      return;
    }
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname.replace(/\/+$/, '');
    if (req.method === 'GET' && path === '/v1/models') {
      return listModels(res);
    }
    const route = ROUTES.find((r) => `/v1${r}` === path);
    if (req.method === 'POST' && route) {
      const body = await readJson(req, res, options.maxBodyBytes ?? MAX_BODY_BYTES);
      if (body !== undefined) {
        await forward(route, body, req, res);
      }
      return;
    }
    sendError(res, 404, `The gateway does not serve ${req.method ?? ''} ${path}.`, 'unknown_url');
  }

  async function listModels(res: ServerResponse): Promise<void> {
    const scrubber = errors;
    try {
      const response = await callUpstream(options.upstream, '/models', { method: 'GET' });
      const body: unknown = await response.json();
      sendJson(res, response.status, rewriterFor(new Conversation()).maskAll(body));
    } catch (error) {
      sendError(res, 502, `Listing models failed: ${scrubber.scrubError(error)}`, 'upstream_unreachable');
    }
  }

  /** What an answer must not carry in clear: the key, the token, the known values, this conversation's values. */
  function answerSecrets(conversation: Conversation): AnswerSecret[] {
    const secrets = [options.upstream.apiKey, options.token]
      .filter((v) => v.length > 0)
      .map((value) => ({ value, label: 'api-key' }));
    const known = (options.pipeline.settings.known ?? []).map((k) => ({ value: k.value, label: k.kind }));
    const own = conversation.map.secrets().map((s) => ({ value: s.value, label: s.kind }));
    return [...secrets, ...known, ...own];
  }

  function rewriterFor(conversation: Conversation): AnswerRewriter {
    return new AnswerRewriter(answerSecrets(conversation), conversation.map);
  }

  async function forward(
    path: Route,
    json: Record<string, unknown>,
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> {
    const parsed = SCHEMAS[path].safeParse(json);
    if (!parsed.success) {
      sendError(res, 400, `Invalid request: ${schemaProblem(parsed.error)}`, 'invalid_request');
      return;
    }
    const chat = path === '/chat/completions';
    // The history a client resends: chat messages, or the Responses API's input items.
    const messages = chat
      ? (json['messages'] as unknown[])
      : Array.isArray(json['input'])
        ? json['input']
        : [];
    const conversation =
      path === '/embeddings'
        ? new Conversation()
        : (index.byResponseId(json['previous_response_id']) ?? index.find(messages));
    const stream = path !== '/embeddings' && json['stream'] === true;
    const options0 = json['stream_options'] as { include_usage?: unknown } | undefined;
    const clientWantsUsage = options0?.include_usage === true;
    const body = stream && chat ? { ...json, stream_options: { ...options0, include_usage: true } } : json;
    const started = Date.now();
    const prepared = prepareForwarded(
      body,
      conversation,
      options.pipeline.settings,
      [...(options.upstream.apiKey ? [options.upstream.apiKey] : []), options.token],
      redactions,
    );
    if (path !== '/embeddings') {
      index.remember(messages, conversation);
    }
    if (prepared.kind === 'blocked') {
      await options.recordBlocked(blockedRecord(options, conversation, prepared, started));
      options.logger.warn(`gateway: ${prepared.message}`);
      sendError(res, 400, prepared.message, 'secret_blocked');
      return;
    }
    if (prepared.redactions.length > 0) {
      options.logger.info(`gateway: redacted ${prepared.redactions.length} value(s) before forwarding`);
    }
    const controller = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) {
        controller.abort();
      }
    });
    // One rewriter per request, of the kind its answer needs: each holds a scrubber built from every secret.
    const secrets = answerSecrets(conversation);
    const responses =
      path === '/responses'
        ? new ResponsesRewriter(secrets, conversation.map, (id) => index.rememberResponse(id, conversation))
        : undefined;
    const provider = exchangeProvider({
      upstream: options.upstream,
      path,
      res,
      rewriter: responses?.plain ?? new AnswerRewriter(secrets, conversation.map),
      ...(responses ? { responses } : {}),
      scrubber: errors,
      stream,
      clientWantsUsage,
    });
    const result = await options.pipeline.send(conversation, prepared, provider, {
      signal: controller.signal,
      onStatus: (text) => text && options.logger.info(`gateway: ${text}`),
    });
    if (!res.headersSent) {
      // Refused before it left (budget, moderation, client rate limit): nothing was written yet.
      sendError(res, 403, result.message ?? 'Not sent.', 'request_refused');
    }
    options.logger.info(`gateway: ${req.method ?? ''} ${path} ${result.outcome}`);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  bound = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${bound}/v1`,
    port: bound,
    close: async () => {
      for (const socket of sockets) {
        socket.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The POST paths served under `/v1`. */
const ROUTES = ['/chat/completions', '/embeddings', '/responses'] as const;
type Route = (typeof ROUTES)[number];
const SCHEMAS = {
  '/chat/completions': chatRequestSchema,
  '/embeddings': embeddingsRequestSchema,
  '/responses': responsesRequestSchema,
} as const;

/** Reads a JSON object body under the cap; answers 413 or 400 itself and returns undefined. */
async function readJson(
  req: IncomingMessage,
  res: ServerResponse,
  cap: number,
): Promise<Record<string, unknown> | undefined> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > cap) {
    res.setHeader('connection', 'close');
    sendError(res, 413, `The request body is larger than ${cap} bytes.`, 'body_too_large');
    return undefined;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > cap) {
      res.setHeader('connection', 'close');
      sendError(res, 413, `The request body is larger than ${cap} bytes.`, 'body_too_large');
      return undefined;
    }
    chunks.push(chunk as Buffer);
  }
  try {
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      return parsed as Record<string, unknown>;
    }
  } catch {
    // answered below
  }
  sendError(res, 400, 'The request body must be a JSON object.', 'invalid_json');
  return undefined;
}

function errorScrubber(options: GatewayOptions): Scrubber {
  const values = [options.upstream.apiKey, options.token].filter((v) => v.length > 0);
  return new Scrubber([
    ...values.map((value) => ({ value, label: 'api-key' })),
    ...(options.pipeline.settings.known ?? []).map((k) => ({ value: k.value, label: k.kind })),
  ]);
}

/** The record of a request the policy or the guard stopped: kinds and counts, no values. */
function blockedRecord(
  options: GatewayOptions,
  conversation: Conversation,
  blocked: BlockedRequest,
  started: number,
): RequestRecord {
  return {
    version: 1,
    time: new Date(started).toISOString(),
    requestId: globalThis.crypto.randomUUID(),
    conversationId: conversation.id,
    provider: options.upstream.kind,
    endpoint: new URL(options.upstream.baseUrl).host,
    model: blocked.model,
    policy: options.pipeline.settings.policy ?? 'redact',
    outcome: 'blocked',
    failure: { kind: blocked.reason === 'guard' ? 'guard' : 'policy', message: blocked.message },
    redactions: countByRule(blocked.redactions),
    excluded: [],
    durationMs: Date.now() - started,
  };
}
