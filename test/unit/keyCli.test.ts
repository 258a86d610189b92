import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import type { Server, Socket } from 'node:net';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT_NO_KEY, EXIT_NO_KEYCHAIN } from '../../src/cli/key';
import { KEYCHAIN_SERVICE } from '../../src/core/keys/keychain';
import { maskKey } from '../../src/core/keys/keyFormat';
import { freshOpenAiKey } from '../support/fakeKeys';
import {
  readItemFromAnotherProcess,
  repoRoot,
  requireSecretService,
  runCliProcess,
  uniqueProfile,
} from '../support/keyringTools';
import { countFiles, scanForSecret } from '../support/leakScan';

/** The environment of a process that can reach no Secret Service at all (a headless Linux user). */
function envWithoutBus(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env['DBUS_SESSION_BUS_ADDRESS'];
  delete env['DISPLAY'];
  delete env['OPENAI_API_KEY'];
  return { ...env, ...extra };
}

describe('secure-gpt key (real OS keychain)', function () {
  // Each test spawns Node processes that talk D-Bus; on a loaded machine that is slow, and timing never fails a test.
  this.timeout(120_000);
  const created: string[] = [];
  let home: string;
  let env: NodeJS.ProcessEnv;

  before(async () => {
    await requireSecretService();
    // Every file the CLI could write goes under one throwaway home, so the leak scan can cover it all.
    home = mkdtempSync(join(tmpdir(), 'sgpt-keycli-'));
    env = {
      ...process.env,
      HOME: home,
      XDG_CONFIG_HOME: join(home, 'config'),
      XDG_STATE_HOME: join(home, 'state'),
      XDG_CACHE_HOME: join(home, 'cache'),
      XDG_DATA_HOME: join(home, 'data'),
    };
    delete env['OPENAI_API_KEY'];
  });

  after(async () => {
    for (const profile of created) {
      await runCliProcess(['key', 'delete', '--profile', profile], { env });
    }
    rmSync(home, { recursive: true, force: true });
  });

  it('set --stdin stores a real keychain item that another process reads back; status masks; delete removes', async () => {
    const profile = uniqueProfile();
    created.push(profile);
    const key = freshOpenAiKey();
    const outputs: string[] = [];

    const set = await runCliProcess(['key', 'set', '--stdin', '--profile', profile], {
      stdin: `  ${key}\r\n`,
      env,
    });
    outputs.push(set.stdout, set.stderr);
    assert.equal(set.code, 0, set.stderr);
    assert.match(set.stdout, new RegExp(`Stored .*${profile}`));
    assert.equal(
      await readItemFromAnotherProcess(KEYCHAIN_SERVICE, profile),
      key,
      'trimmed key, under service secure-gpt',
    );

    const status = await runCliProcess(['key', 'status', '--profile', profile], { env });
    outputs.push(status.stdout, status.stderr);
    assert.equal(status.code, 0, status.stderr);
    assert.match(status.stdout, /source: +keychain/);
    assert.ok(status.stdout.includes(`key:     ${maskKey(key)}`));
    assert.ok(maskKey(key).endsWith(key.slice(-4)));

    const list = await runCliProcess(['key', 'list'], { env });
    outputs.push(list.stdout, list.stderr);
    assert.equal(list.code, 0, list.stderr);
    assert.match(
      list.stdout,
      new RegExp(`^${profile} +\\(not configured\\) +${escape(maskKey(key))} \\(keychain\\)$`, 'm'),
    );
    assert.match(list.stdout, /^dry-run +dry-run +\(no key needed\)$/m);

    const del = await runCliProcess(['key', 'delete', '--profile', profile], { env });
    outputs.push(del.stdout, del.stderr);
    assert.equal(del.code, 0, del.stderr);
    assert.equal(await readItemFromAnotherProcess(KEYCHAIN_SERVICE, profile), null, 'the item is gone');
    const again = await runCliProcess(['key', 'delete', '--profile', profile], { env });
    assert.equal(again.code, EXIT_NO_KEY);
    const after = await runCliProcess(['key', 'status', '--profile', profile], { env });
    assert.equal(after.code, EXIT_NO_KEY);
    assert.match(after.stderr, /No key for profile/);

    for (const text of [...outputs, again.stdout, again.stderr, after.stdout, after.stderr]) {
      assert.ok(!text.includes(key), 'no output may contain the key');
    }
    assert.deepEqual(await scanForSecret([home], key), [], 'the CLI wrote the key to no file');
  });

  it('on a terminal, prompts without echoing what is typed (a real pty through script(1))', async () => {
    const profile = uniqueProfile('tty');
    created.push(profile);
    const key = freshOpenAiKey();
    const cli = `${JSON.stringify(process.execPath)} out/src/cli/cli.js key set --profile ${profile}`;
    const child = spawn('script', ['-qfec', cli, '/dev/null'], { cwd: repoRoot, env });
    let output = '';
    // Type only once the prompt is up, as a person would: input typed earlier is echoed by the terminal itself.
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.stdout.on('data', (chunk: Buffer) => {
      const before = output;
      output += chunk.toString();
      if (!before.includes('(input hidden): ') && output.includes('(input hidden): ')) {
        child.stdin.write(`${key}\r`);
      }
    });
    assert.equal(await exited, 0, output.split(key).join('<key>'));
    assert.ok(!output.includes(key), 'the terminal never showed the key');
    assert.ok(output.includes(maskKey(key)));
    assert.equal(await readItemFromAnotherProcess(KEYCHAIN_SERVICE, profile), key);
  });

  it('refuses empty input with a reason and stores nothing', async () => {
    const profile = uniqueProfile();
    const run = await runCliProcess(['key', 'set', '--stdin', '--profile', profile], { stdin: ' \n\n', env });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /Not stored: The key is empty/);
    assert.equal(await readItemFromAnotherProcess(KEYCHAIN_SERVICE, profile), null);
  });

  it('warns about an unexpected key shape but stores it anyway', async () => {
    const profile = uniqueProfile();
    created.push(profile);
    const odd = freshOpenAiKey().slice(3);
    const run = await runCliProcess(['key', 'set', '--stdin', '--profile', profile], { stdin: odd, env });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /warning: This does not look like an OpenAI key/);
    assert.equal(await readItemFromAnotherProcess(KEYCHAIN_SERVICE, profile), odd);
  });

  it('never takes the key as an argument', async () => {
    const run = await runCliProcess(['key', 'set', 'some-key-value'], { env });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /never an argument/);
  });

  it('falls back to OPENAI_API_KEY read-only when the keychain has no key, and says so', async () => {
    const profile = uniqueProfile();
    const key = freshOpenAiKey();
    const run = await runCliProcess(['key', 'status', '--profile', profile], {
      env: { ...env, OPENAI_API_KEY: key },
    });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /source: +env \(OPENAI_API_KEY; read-only\)/);
    assert.ok(!run.stdout.includes(key));
  });
});

describe('secure-gpt key without a Secret Service (fallback path)', function () {
  // Each test spawns Node processes that talk D-Bus; on a loaded machine that is slow, and timing never fails a test.
  this.timeout(120_000);
  it('set exits 3 and says what to install and start, and how to use OPENAI_API_KEY', async () => {
    const key = freshOpenAiKey();
    const run = await runCliProcess(['key', 'set', '--stdin'], { stdin: key, env: envWithoutBus() });
    assert.equal(run.code, EXIT_NO_KEYCHAIN);
    assert.match(run.stderr, /no OS keychain is reachable/);
    assert.match(run.stderr, /D-Bus/);
    assert.match(run.stderr, /gnome-keyring/);
    assert.match(run.stderr, /libsecret/);
    assert.match(run.stderr, /export OPENAI_API_KEY/);
    assert.ok(!run.stdout.includes(key) && !run.stderr.includes(key));
  });

  it('status and list exit 3 with the same advice; delete too', async () => {
    for (const args of [
      ['key', 'status'],
      ['key', 'list'],
      ['key', 'delete'],
    ]) {
      const run = await runCliProcess(args, { env: envWithoutBus() });
      assert.equal(run.code, EXIT_NO_KEYCHAIN, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, /dbus-run-session/);
    }
  });

  it('status still works from OPENAI_API_KEY, and notes the keychain is unavailable', async () => {
    const key = freshOpenAiKey();
    const run = await runCliProcess(['key', 'status'], { env: envWithoutBus({ OPENAI_API_KEY: key }) });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /source: +env/);
    assert.match(run.stdout, /note: +the OS keychain is unavailable/);
    assert.ok(run.stdout.includes(maskKey(key)) && !run.stdout.includes(key));
  });

  describe('with a D-Bus that accepts connections but never answers', () => {
    let dir: string;
    let server: Server;
    const sockets: Socket[] = [];
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'sgpt-hungbus-'));
      server = createServer((s) => sockets.push(s));
      await new Promise<void>((resolve) => server.listen(join(dir, 'bus'), resolve));
    });
    after(() => {
      sockets.forEach((s) => s.destroy());
      server.close();
      try {
        unlinkSync(join(dir, 'bus'));
      } catch {
        // already gone with the server
      }
      rmSync(dir, { recursive: true, force: true });
    });

    it('gives up after the timeout with exit 3 instead of hanging', async () => {
      const env = envWithoutBus({
        DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(dir, 'bus')}`,
        SECURE_GPT_KEYCHAIN_TIMEOUT_MS: '300',
      });
      const run = await runCliProcess(['key', 'status'], { env });
      assert.equal(run.code, EXIT_NO_KEYCHAIN, run.stderr);
      assert.match(run.stderr, /did not answer/);
    });
  });
});

describe('leak scan helper', () => {
  it('finds a secret as text, UTF-16, hex and base64 at every alignment, and nothing in clean files', async () => {
    const { writeFileSync, mkdirSync } = await import('node:fs');
    const dir = mkdtempSync(join(tmpdir(), 'sgpt-leak-'));
    try {
      const key = freshOpenAiKey();
      mkdirSync(join(dir, 'a', 'b'), { recursive: true });
      writeFileSync(join(dir, 'plain.log'), `x ${key} y`);
      writeFileSync(join(dir, 'a', 'utf16.db'), Buffer.from(`..${key}..`, 'utf16le'));
      writeFileSync(join(dir, 'a', 'b', 'hex.txt'), Buffer.from(key).toString('hex'));
      for (let pad = 0; pad < 3; pad++) {
        writeFileSync(
          join(dir, 'a', `b64-${pad}.json`),
          JSON.stringify({ v: Buffer.from('p'.repeat(pad) + key + 'q').toString('base64') }),
        );
      }
      writeFileSync(join(dir, 'clean.txt'), `masked ${maskKey(key)} only`);
      const hits = await scanForSecret([dir], key);
      const files = new Set(hits.map((h) => h.file.slice(dir.length + 1)));
      assert.deepEqual([...files].sort(), [
        'a/b/hex.txt',
        'a/b64-0.json',
        'a/b64-1.json',
        'a/b64-2.json',
        'a/utf16.db',
        'plain.log',
      ]);
      assert.equal(await countFiles([dir]), 7);
      assert.deepEqual(await scanForSecret([dir], freshOpenAiKey()), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
