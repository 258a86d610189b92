import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as net from 'node:net';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { readCliConfig } from '../../src/cli/cliConfig';
import { AuditLog } from '../../src/core/audit/auditLog';
import { readSettings } from '../../src/core/config/settings';
import { ALNUM, randomToken } from '../../src/core/detect/random';
import { gatewayEnvironment, launchGateway, parseAddress } from '../../src/extension/gateway/gatewayProcess';
import { FakeOpenAi } from '../support/fakeOpenAi';
import { freshToken, makeTree } from './cliSupport';
import { bundleCli } from './gatewayCase';

const repo = resolve(__dirname, '../../..');
const cliPath = join(repo, 'out/cliBundle/gatewayLaunchCli.js');

/**
 * Resolves once nothing accepts connections on 127.0.0.1:`port`, trying again on each accepted one. A process
 * outside this one gives no event when it ends; the deadline keeps a failure from holding mocha open forever.
 */
async function closed(port: number, deadlineMs = 30_000): Promise<void> {
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    const open = await new Promise<boolean>((done) => {
      const socket = net.connect({ host: '127.0.0.1', port });
      socket.once('connect', () => {
        socket.destroy();
        done(true);
      });
      socket.once('error', () => done(false));
    });
    if (!open) {
      return;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`127.0.0.1:${port} still accepts connections after ${deadlineMs} ms`);
}

// The editor's side of the gateway (src/extension/gateway/gatewayProcess.ts) run against the built CLI, with
// the files and environment the extension gives it.
describe('The editor gateway launcher, with the CLI as its child', function () {
  this.timeout(60_000);
  let fake: FakeOpenAi;
  let dir: string;

  before(() => bundleCli(cliPath));
  beforeEach(async () => {
    fake = await new FakeOpenAi().start();
    dir = makeTree({ '.git/HEAD': 'ref: refs/heads/main\n' });
  });
  afterEach(async () => {
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The files registerGateway.ts writes: the editor's active profile (keyless, on the fake) and its settings. */
  function editorFiles(): { profilesFile: string; configFile: string; auditDir: string } {
    const profilesFile = join(dir, 'gateway', 'profiles.json');
    const configFile = join(dir, 'gateway', 'config.json');
    mkdirSync(join(dir, 'gateway'), { recursive: true });
    const profile = { name: 'editor-local', kind: 'compatible', baseUrl: fake.url };
    writeFileSync(profilesFile, JSON.stringify({ profile: profile.name, profiles: [profile] }));
    writeFileSync(configFile, JSON.stringify(readSettings(() => undefined).settings));
    return { profilesFile, configFile, auditDir: join(dir, 'editor-storage', 'audit') };
  }

  function environment(allowEnvironmentKey = false): NodeJS.ProcessEnv {
    return gatewayEnvironment(
      { HOME: dir, XDG_CONFIG_HOME: dir, XDG_STATE_HOME: dir, SECURE_GPT_KEYCHAIN_TIMEOUT_MS: '2000' },
      { allowEnvironmentKey, ...editorFiles(), profile: 'editor-local' },
    );
  }

  it('starts on the editor profile, forwards with placeholders, and Stop closes the port', async () => {
    const logs: string[] = [];
    const child = await launchGateway({
      execPath: process.execPath,
      cliPath,
      profile: 'editor-local',
      env: environment(),
      cwd: dir,
      onLog: (line) => logs.push(line),
    });
    assert.match(child.url, /^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const secret = freshToken();
    const reply = await fetch(`${child.url}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${child.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: `look at ${secret}` }] }),
    });
    assert.equal(reply.status, 200);
    // The record lands in the editor's log (appended just after the answer), where Verify and Purge look.
    const editorLog = new AuditLog(join(dir, 'editor-storage', 'audit'));
    const until = Date.now() + 20_000;
    while ((await editorLog.read()).length === 0 && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.deepEqual(
      (await editorLog.read()).map((r) => [r.profile, r.outcome]),
      [['editor-local', 'ok']],
    );
    assert.deepEqual(await editorLog.verify(), { ok: true, records: 1 });
    assert.equal(existsSync(join(dir, 'secure-gpt', 'audit.jsonl')), false, 'nothing in the CLI state dir');
    const sent = fake.requestsTo('/chat/completions')[0]?.rawBody ?? '';
    assert.ok(sent.includes('‹secret:github-pat#1›') && !sent.includes(secret));
    assert.ok(
      logs.some((l) => /forwarding .* \(profile 'editor-local'\)/.test(l)),
      logs.join('\n'),
    );
    await child.stop();
    await closed(child.port);
  });

  it('ends the child when the process that started it dies without stopping it (its stdin closes)', async () => {
    // A stand-in extension host: starts the gateway, prints its port, then is killed outright.
    const launcher = join(repo, 'out/src/extension/gateway/gatewayProcess.js');
    const script = `require(${JSON.stringify(launcher)}).launchGateway({ execPath: process.execPath, cliPath: ${JSON.stringify(cliPath)}, profile: 'editor-local', env: JSON.parse(process.env.GATEWAY_ENV), cwd: ${JSON.stringify(dir)}, onLog: () => {} }).then((c) => console.log(c.port), (e) => { console.error(e.message); process.exit(1); });`;
    const host = spawn(process.execPath, ['-e', script], {
      env: { ...process.env, GATEWAY_ENV: JSON.stringify(environment()) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const port = Number(
      await new Promise<string>((done) => createInterface({ input: host.stdout }).once('line', done)),
    );
    assert.ok(port > 0);
    host.kill('SIGKILL');
    await closed(port);
  });

  it('refuses to start without a key, and says why', async () => {
    const env = environment();
    env['SECURE_GPT_PROFILES'] = join(dir, 'none.json'); // no file: the built-in OpenAI profile, no key
    await assert.rejects(
      launchGateway({
        execPath: process.execPath,
        cliPath,
        profile: 'openai',
        env,
        cwd: dir,
        onLog: () => undefined,
      }),
      /exited \(code 2\).*no API key to forward with/,
    );
  });

  it('drops the key variables unless the user allows the environment key; runs as Node under Electron', () => {
    const key = ['sk', 'proj', randomToken(ALNUM, 48)].join('-');
    const base = { OPENAI_API_KEY: key, AZURE_OPENAI_API_KEY: key, PATH: '/bin' };
    const files = { profilesFile: '/p.json', configFile: '/c.json', auditDir: '/a', profile: 'x' };
    const denied = gatewayEnvironment(base, { allowEnvironmentKey: false, ...files });
    assert.equal(denied['OPENAI_API_KEY'], undefined);
    assert.equal(denied['AZURE_OPENAI_API_KEY'], undefined);
    assert.equal(denied['PATH'], '/bin');
    assert.equal(denied['ELECTRON_RUN_AS_NODE'], '1');
    assert.deepEqual(
      [
        denied['SECURE_GPT_PROFILES'],
        denied['SECURE_GPT_CONFIG'],
        denied['SECURE_GPT_PROFILE'],
        denied['SECURE_GPT_AUDIT_DIR'],
      ],
      ['/p.json', '/c.json', 'x', '/a'],
    );
    assert.equal(gatewayEnvironment(base, { allowEnvironmentKey: true, ...files })['OPENAI_API_KEY'], key);
  });

  it('hands the CLI the editor settings unchanged (what the extension writes, the CLI reads back)', async () => {
    const edited = readSettings((k) =>
      k === 'endpoint.allowedHosts' ? ['llm.example.com'] : k === 'budget.dailyTokens' ? 1234 : undefined,
    ).settings;
    const file = join(dir, 'config.json');
    writeFileSync(file, JSON.stringify(edited));
    const read = await readCliConfig({ SECURE_GPT_CONFIG: file, HOME: dir });
    assert.deepEqual(read.warnings, []);
    assert.deepEqual(read.settings, edited);
  });

  it('takes only a loopback address line from the child', () => {
    const token = `sgpt-gw-${randomToken(ALNUM, 43)}`;
    assert.equal(parseAddress(JSON.stringify({ url: 'http://127.0.0.1:8/v1', token }))?.port, 8);
    assert.equal(parseAddress(JSON.stringify({ url: 'http://10.0.0.1:8/v1', token })), undefined);
    assert.equal(parseAddress(JSON.stringify({ url: 'http://127.0.0.1:8/v1', token: 'short' })), undefined);
    assert.equal(parseAddress('not json'), undefined);
  });
});
