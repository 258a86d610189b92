import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server, Socket } from 'node:net';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { busSocketPath, probeSessionBus } from './dbusProbe';

function listen(path: string, onConnection: (socket: Socket) => void): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer(onConnection).listen(path, () => resolve(server));
  });
}

describe('D-Bus session bus probe', () => {
  let dir: string;
  const sockets: Socket[] = [];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sgpt-bus-'));
  });
  afterEach(() => {
    sockets.splice(0).forEach((s) => s.destroy());
    rmSync(dir, { recursive: true, force: true });
  });

  it('parses unix path and abstract addresses, and ignores transports it cannot dial', () => {
    assert.equal(busSocketPath('unix:path=/run/user/1000/bus'), '/run/user/1000/bus');
    assert.equal(busSocketPath('unix:abstract=/tmp/dbus-X,guid=abc'), '\0/tmp/dbus-X');
    assert.equal(busSocketPath('tcp:host=127.0.0.1,port=1;unix:path=/b'), '/b');
    assert.equal(busSocketPath('launchd:env=X'), undefined);
  });

  it('accepts a bus that answers the AUTH handshake', async () => {
    const path = join(dir, 'bus');
    let greeting = '';
    const server = await listen(path, (socket) => {
      sockets.push(socket);
      socket.on('data', (d: Buffer) => {
        greeting += d.toString('latin1');
        socket.write('OK 0123456789abcdef0123456789abcdef\r\n');
      });
    });
    try {
      assert.deepEqual(await probeSessionBus(`unix:path=${path}`, 2000), { ok: true });
      assert.match(greeting, /^\0AUTH EXTERNAL [0-9a-f]+\r\n$/);
    } finally {
      server.close();
    }
  });

  it('reports a bus that accepts connections but never answers as a timeout', async () => {
    const path = join(dir, 'silent');
    const server = await listen(path, (socket) => sockets.push(socket));
    try {
      const result = await probeSessionBus(`unix:path=${path}`, 100);
      assert.equal(result.ok, false);
      assert.equal(result.ok ? '' : result.problem, 'timeout');
    } finally {
      server.close();
    }
  });

  it('reports a missing socket as no session bus', async () => {
    const result = await probeSessionBus(`unix:path=${join(dir, 'absent')}`, 1000);
    assert.equal(result.ok ? '' : result.problem, 'no-session-bus');
  });
});
