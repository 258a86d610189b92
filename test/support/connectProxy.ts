import * as http from 'node:http';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';

/** A proxy on loopback and what reached it. */
export interface TestProxy {
  readonly url: string;
  /** `host:port` of every CONNECT, in order. */
  readonly targets: string[];
  /** `METHOD url` of every plain (forward-proxy) request, in order: a plain-http request handed to a proxy. */
  readonly plain: string[];
  close(): Promise<void>;
}

/**
 * A CONNECT proxy on loopback that records the targets it tunnels to, and any plain request sent to it.
 * `hosts` maps names to addresses as the proxy's own resolver would (a test origin on 127.0.0.1 that the
 * client must see as remote); a key `host:port` maps the whole target to an `address:port`, e.g.
 * `{ 'api.openai.com:443': '127.0.0.1:PORT' }`.
 */
export async function startConnectProxy(hosts: Readonly<Record<string, string>> = {}): Promise<TestProxy> {
  const targets: string[] = [];
  const plain: string[] = [];
  const tunnels = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    plain.push(`${req.method ?? '?'} ${req.url ?? ''}`);
    res.writeHead(405).end();
  });
  server.on('connect', (req: http.IncomingMessage, socket: net.Socket, head: Buffer) => {
    targets.push(req.url ?? '');
    tunnels.add(socket);
    const [host, port] = splitTarget(req.url ?? '');
    // A whole `host:port` entry routes the tunnel to another address and port (a local TLS server).
    const routed = hosts[req.url ?? ''];
    const [address, toPort] = routed !== undefined ? splitTarget(routed) : [hosts[host] ?? host, port];
    const upstream = net.connect(toPort, address, () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket).pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  return listen(server, tunnels, { targets, plain });
}

/**
 * A proxy that reads each CONNECT and closes the connection without a word, as a broken or hostile proxy
 * does. `targets` counts the attempts.
 */
export async function startDroppingProxy(): Promise<TestProxy> {
  const targets: string[] = [];
  const plain: string[] = [];
  const server = http.createServer((req, res) => {
    plain.push(`${req.method ?? '?'} ${req.url ?? ''}`);
    res.socket?.destroy();
  });
  server.on('connect', (req: http.IncomingMessage, socket: net.Socket) => {
    targets.push(req.url ?? '');
    socket.destroy();
  });
  return listen(server, new Set(), { targets, plain });
}

function splitTarget(target: string): [string, number] {
  const at = target.lastIndexOf(':');
  return [target.slice(0, at).replace(/^\[|\]$/g, ''), Number(target.slice(at + 1))];
}

async function listen(
  server: http.Server,
  tunnels: Set<net.Socket>,
  seen: { targets: string[]; plain: string[] },
): Promise<TestProxy> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    ...seen,
    close: () => {
      // CONNECT tunnels are detached from the HTTP server: end them ourselves.
      tunnels.forEach((socket) => socket.destroy());
      server.closeAllConnections();
      return new Promise((r) => server.close(() => r()));
    },
  };
}
