import * as assert from 'node:assert/strict';
import { githubToken } from '../../src/core/detect/checksum';
import { ALNUM, randomToken } from '../../src/core/detect/random';
import { runCliIn } from '../support/cliRun';
import { FakeOpenAi } from '../support/fakeOpenAi';
import { recordConnections } from '../support/netRecorder';
import { isolatedEnv, makeTree } from './cliSupport';

// No telemetry: a whole `ask` (profile, keychain, pipeline, audit, usage) opens no connection but the one
// to the configured endpoint. Local IPC (the D-Bus session bus of the keychain) is not network.
describe('no telemetry', () => {
  it('secure-gpt ask connects to the configured endpoint and nowhere else', async () => {
    const server = await new FakeOpenAi().start();
    const dir = makeTree({});
    const env = {
      ...process.env,
      ...isolatedEnv(dir),
    };
    try {
      const seen = await recordConnections(async () => {
        const run = await runCliIn(
          ['ask', '--base-url', server.url, `is ${githubToken('ghp', randomToken(ALNUM, 30))} valid?`],
          dir,
          env,
        );
        assert.equal(run.code, 0, run.stderr);
      });
      const endpoint = new URL(server.url);
      const tcp = seen.filter((s) => !s.startsWith('ipc:'));
      assert.ok(tcp.length > 0, 'the request itself was seen');
      for (const target of tcp) {
        assert.equal(target, `${endpoint.hostname}:${endpoint.port}`);
      }
    } finally {
      await server.stop();
    }
  });
});
