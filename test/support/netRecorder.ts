import * as net from 'node:net';

type ConnectArgs = Parameters<net.Socket['connect']>;

/** Records every outgoing socket while `fn` runs: TCP host:port, or the path of a local (IPC) socket. */
export async function recordConnections(fn: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  // Patched on the prototype and restored after: the original is only ever called with a socket as `this`.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const original = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function (this: net.Socket, ...args: ConnectArgs) {
    // net.connect() hands the socket its already-normalized arguments as one array.
    const flat = (Array.isArray(args[0]) ? args[0] : args) as unknown[];
    const [first, second] = flat;
    if (typeof first === 'object' && first !== null) {
      const o = first as { path?: string; host?: string; port?: number };
      seen.push(o.path !== undefined ? `ipc:${o.path}` : `${o.host ?? 'localhost'}:${String(o.port)}`);
    } else if (typeof first === 'string') {
      seen.push(`ipc:${first}`);
    } else {
      seen.push(`${typeof second === 'string' ? second : 'localhost'}:${String(first)}`);
    }
    return original.apply(this, args);
  } as typeof original;
  try {
    await fn();
  } finally {
    net.Socket.prototype.connect = original;
  }
  return seen;
}
