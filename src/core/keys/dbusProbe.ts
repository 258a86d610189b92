import { createConnection } from 'node:net';

/** The outcome of probing the D-Bus session bus before keytar is allowed near it. */
export type BusProbe =
  | { readonly ok: true }
  | { readonly ok: false; readonly problem: 'no-session-bus' | 'timeout'; readonly detail: string };

/** The socket path of a `unix:path=` or `unix:abstract=` address (the first one listed), else undefined. */
export function busSocketPath(address: string): string | undefined {
  for (const entry of address.split(';')) {
    const [transport, params = ''] = entry.split(/:(.*)/s, 2);
    if (transport !== 'unix') {
      continue;
    }
    const fields = new Map(
      params.split(',').map((kv) => {
        const eq = kv.indexOf('=');
        return [kv.slice(0, eq), decodeURIComponent(kv.slice(eq + 1))] as const;
      }),
    );
    const path = fields.get('path');
    const abstract = fields.get('abstract');
    if (path) {
      return path;
    }
    if (abstract) {
      return `\0${abstract}`;
    }
  }
  return undefined;
}

/**
 * Opens the session bus socket and starts the D-Bus authentication handshake, with a timeout. A call
 * into keytar on a bus that accepts connections but never answers blocks a native thread for good,
 * and even `process.exit` then waits on it; this probe finds such a bus from JavaScript first.
 * Addresses it cannot dial (tcp, launchd) count as fine: keytar will report on those itself.
 */
export function probeSessionBus(address: string, timeoutMs: number): Promise<BusProbe> {
  const path = busSocketPath(address);
  if (path === undefined) {
    return Promise.resolve({ ok: true });
  }
  return new Promise((resolve) => {
    const socket = createConnection({ path });
    const done = (result: BusProbe): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(
      () =>
        done({
          ok: false,
          problem: 'timeout',
          detail: `the D-Bus session bus did not answer within ${timeoutMs} ms`,
        }),
      timeoutMs,
    );
    socket.on('connect', () => {
      const uid = typeof process.getuid === 'function' ? String(process.getuid()) : '0';
      socket.write(`\0AUTH EXTERNAL ${Buffer.from(uid).toString('hex')}\r\n`);
    });
    socket.on('data', (data: Buffer) => {
      // Any protocol answer ("OK <guid>", or "REJECTED <mechanisms>") shows a live bus daemon.
      const reply = data.toString('latin1');
      done(
        /^(OK|REJECTED|ERROR)\b/.test(reply)
          ? { ok: true }
          : {
              ok: false,
              problem: 'no-session-bus',
              detail: 'the D-Bus session bus address does not speak D-Bus',
            },
      );
    });
    socket.on('error', (error: NodeJS.ErrnoException) =>
      done({
        ok: false,
        problem: 'no-session-bus',
        detail: `cannot connect to the D-Bus session bus (${error.code ?? error.message})`,
      }),
    );
    socket.on('close', () =>
      done({ ok: false, problem: 'no-session-bus', detail: 'the D-Bus session bus closed the connection' }),
    );
  });
}
