import * as http from 'node:http';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';

/** A CONNECT proxy on loopback that records the targets it tunnels to. */
export async function startConnectProxy(): Promise<{
  url: string;
  targets: string[];
  close: () => Promise<void>;
}> {
  const targets: string[] = [];
  const tunnels = new Set<net.Socket>();
  const server = http.createServer((_req, res) => res.writeHead(405).end());
  server.on('connect', (req: http.IncomingMessage, socket: net.Socket, head: Buffer) => {
    targets.push(req.url ?? '');
    tunnels.add(socket);
    const [host, port] = (req.url ?? '').split(':');
    const upstream = net.connect(Number(port), host, () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket).pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    targets,
    close: () => {
      // CONNECT tunnels are detached from the HTTP server: end them ourselves.
      tunnels.forEach((socket) => socket.destroy());
      server.closeAllConnections();
      return new Promise((r) => server.close(() => r()));
    },
  };
}
