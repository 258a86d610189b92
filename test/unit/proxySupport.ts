// Starting `secure-gpt proxy` as a real process for the gateway tests, and a scripted upstream for the
// answers the fake server does not make (tool calls).
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import type { IncomingHttpHeaders, OutgoingHttpHeaders, Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running gateway process. */
export interface ProxyProcess {
  readonly url: string;
  readonly token: string;
  readonly port: number;
  /** Everything it wrote to stderr so far. */
  stderr(): string;
  /** Resolves once stderr matches `pattern` (stderr and stdout are separate pipes, in no set order). */
  stderrMatching(pattern: RegExp): Promise<string>;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/** Spawns `node cli proxy ...args` and waits for its first stdout line. */
export async function startProxy(
  cliPath: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<ProxyProcess> {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [cliPath, 'proxy', ...args], {
    cwd,
    env,
    stdio: 'pipe',
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const first = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const end = out.indexOf('\n');
      if (end !== -1) {
        resolve(out.slice(0, end));
      }
    });
    void exited.then((code) => reject(new Error(`proxy exited ${code}: ${err}`)));
  });
  const { url, token } = JSON.parse(first) as { url: string; token: string };
  return {
    url,
    token,
    port: Number(new URL(url).port),
    stderr: () => err,
    stderrMatching: (pattern) =>
      new Promise((done) => {
        const check = (): void => {
          if (pattern.test(err)) {
            child.stderr.off('data', check);
            done(err);
          }
        };
        child.stderr.on('data', check);
        check();
      }),
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/** A raw HTTP request (the SDK and fetch cannot forge Host), resolving to status and body. */
export function rawRequest(
  url: string,
  headers: OutgoingHttpHeaders,
  body?: string,
): Promise<{ status: number; body: string; headers: IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: body === undefined ? 'GET' : 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** An upstream that answers every request with one scripted reply and records the raw bodies. */
export class ScriptedUpstream {
  readonly bodies: string[] = [];
  /** SSE `data:` payloads for a streamed request, or the JSON for a whole one. */
  reply: { readonly events?: readonly object[]; readonly json?: object } = {};
  private server: Server | undefined;

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        this.bodies.push(body);
        if (this.reply.events) {
          res.writeHead(200, { 'content-type': 'text/event-stream' });
          for (const event of this.reply.events) {
            res.write(`data: ${JSON.stringify(event)}\n\n`);
          }
          res.end('data: [DONE]\n\n');
        } else {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify(this.reply.json ?? {}));
        }
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/v1`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

/** A streamed tool call whose arguments arrive in `pieces`. */
export function toolCallEvents(pieces: readonly string[]): object[] {
  const base = { id: 'chatcmpl-tool', object: 'chat.completion.chunk', created: 0, model: 'gpt-4o-mini' };
  const first = {
    index: 0,
    id: 'call_1',
    type: 'function',
    function: { name: 'write_config', arguments: '' },
  };
  return [
    {
      ...base,
      choices: [{ index: 0, delta: { role: 'assistant', tool_calls: [first] }, finish_reason: null }],
    },
    ...pieces.map((arguments_) => ({
      ...base,
      choices: [
        {
          index: 0,
          delta: { tool_calls: [{ index: 0, function: { arguments: arguments_ } }] },
          finish_reason: null,
        },
      ],
    })),
    { ...base, choices: [{ index: 0, delta: {}, finish_reason: 'tool_calls' }] },
  ];
}
