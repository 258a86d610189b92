import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { ALNUM, randomToken } from '../../src/core/detect/random';
import { runCliIn } from '../support/cliRun';
import type { TestProxy } from '../support/connectProxy';
import { startConnectProxy } from '../support/connectProxy';
import { FakeOpenAi } from '../support/fakeOpenAi';
import type { TestCert } from '../support/testCert';
import { makeTestCert } from '../support/testCert';
import { freshToken, isolatedEnv, makeTree } from './cliSupport';

// The security controls of `ask`: audit log under $XDG_STATE_HOME, endpoint allowlist, budgets.
describe('secure-gpt ask: audit, allowlist and budgets', () => {
  let server: FakeOpenAi;
  let key: string;
  let dir: string;
  let env: NodeJS.ProcessEnv;

  beforeEach(async () => {
    server = await new FakeOpenAi().start();
    key = ['sk', 'proj', randomToken(ALNUM, 48)].join('-');
    dir = makeTree({});
    env = isolatedEnv(dir, key);
  });
  afterEach(() => server.stop());

  const writeConfig = async (config: object): Promise<void> => {
    await fs.mkdir(path.join(dir, 'config', 'secure-gpt'), { recursive: true });
    await fs.writeFile(path.join(dir, 'config', 'secure-gpt', 'config.json'), JSON.stringify(config));
  };

  it('writes one audit record per request under $XDG_STATE_HOME/secure-gpt: model, counts, no key or secret', async () => {
    const secret = freshToken();
    const run = await runCliIn(
      ['ask', '--base-url', server.url, '-m', 'gpt-4o-mini', `what is ${secret}?`],
      dir,
      env,
    );
    assert.equal(run.code, 0, run.stderr);
    const auditFile = path.join(dir, 'state', 'secure-gpt', 'audit.jsonl');
    const text = await fs.readFile(auditFile, 'utf8');
    const records = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.equal(records.length, 1);
    assert.equal(records[0]!['model'], 'gpt-4o-mini');
    assert.equal(records[0]!['endpointHost'], new URL(server.url).host);
    assert.deepEqual(records[0]!['redactions'], { 'github-pat': 1 });
    assert.ok(!text.includes(key) && !text.includes(key.slice(-12)), 'the key is not in the audit log');
    assert.ok(!text.includes(secret), 'the secret is not in the audit log');
    assert.ok(!text.includes('what is'), 'no prompt text by default');
    const verify = await runCliIn(['audit', 'verify'], dir, env);
    assert.equal(verify.code, 0, verify.stderr);
  });

  it('refuses an https base URL whose host is not on the allowlist, before connecting', async () => {
    const run = await runCliIn(['ask', '--base-url', 'https://llm.untrusted.example/v1', 'hello'], dir, env);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /llm\.untrusted\.example is not in secureGpt\.endpoint\.allowedHosts/);
    assert.equal(server.requests.length, 0);
  });

  it('refuses at the daily token budget from config.json, naming the setting, and sends nothing', async () => {
    await writeConfig({ 'budget.dailyTokens': 10 });
    const first = await runCliIn(
      ['ask', '--base-url', server.url, 'a question that is long enough to pass ten tokens easily'],
      dir,
      env,
    );
    assert.equal(first.code, 1, first.stderr);
    assert.match(
      first.stderr,
      /Daily budget for profile 'openai' reached .* Raise secureGpt\.budget\.dailyTokens/,
    );
    assert.equal(server.requestsTo('/chat/completions').length, 0);
  });

  it('warns about a bad config value and uses the default', async () => {
    await writeConfig({ 'limits.requestsPerMinute': 'lots' });
    const run = await runCliIn(['ask', '--base-url', server.url, 'hi'], dir, env);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /secureGpt\.limits\.requestsPerMinute: expected a whole number/);
  });
});

describe('secure-gpt ask: moderation from config.json', () => {
  let server: FakeOpenAi;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  beforeEach(async () => {
    server = await new FakeOpenAi().start();
    dir = makeTree({});
    env = isolatedEnv(dir);
    await fs.mkdir(path.join(dir, 'config', 'secure-gpt'), { recursive: true });
    // A compatible profile on the loopback server: such a profile has no moderation endpoint.
    await fs.writeFile(
      path.join(dir, 'config', 'secure-gpt', 'profiles.json'),
      JSON.stringify({
        profile: 'local-openai',
        profiles: [{ name: 'local-openai', kind: 'compatible', baseUrl: server.url }],
      }),
    );
    await fs.writeFile(
      path.join(dir, 'config', 'secure-gpt', 'config.json'),
      JSON.stringify({ moderation: 'input+output' }),
    );
  });
  afterEach(() => server.stop());

  it('says a compatible profile has no moderation endpoint, and answers', async () => {
    const run = await runCliIn(['ask', 'hello'], dir, env);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /no moderation endpoint/);
  });
});

// An `openai` profile always goes to https://api.openai.com: the proxy in HTTPS_PROXY tunnels that name to
// the loopback server, which serves a certificate made for it (trusted through SECURE_GPT_CA_FILE). So this
// is the OpenAI profile itself, with its moderation endpoint, not a compatible one standing in.
describe('secure-gpt ask: output moderation on an OpenAI profile', () => {
  let cert: TestCert;
  let server: FakeOpenAi;
  let proxy: TestProxy;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  before(() => (cert = makeTestCert(['api.openai.com'])));
  after(() => cert.dispose());
  beforeEach(async () => {
    server = await new FakeOpenAi().start({ tls: { cert: cert.cert, key: cert.key } });
    proxy = await startConnectProxy({ 'api.openai.com:443': new URL(server.origin).host });
    dir = makeTree({});
    env = {
      ...isolatedEnv(dir),
      HTTPS_PROXY: proxy.url,
      SECURE_GPT_CA_FILE: cert.caFile,
    };
    await fs.mkdir(path.join(dir, 'config', 'secure-gpt'), { recursive: true });
    await fs.writeFile(
      path.join(dir, 'config', 'secure-gpt', 'config.json'),
      JSON.stringify({ moderation: 'input+output' }),
    );
  });
  afterEach(async () => {
    await proxy.close();
    await server.stop();
  });

  const answer = `The answer is ${randomToken(ALNUM, 12)}.`;

  it('withholds a flagged answer: nothing of it on stdout, the reason on stderr', async () => {
    server.enqueue({ kind: 'ok', text: answer }, { path: '/chat/completions' });
    // The first check is the question (clean), the second the answer (flagged).
    server.enqueue({ kind: 'ok' }, { path: '/moderations' });
    server.enqueue({ kind: 'ok', flagged: true }, { path: '/moderations' });
    const run = await runCliIn(['ask', 'hello'], dir, env);
    assert.deepEqual([...new Set(proxy.targets)], ['api.openai.com:443'], 'it went to the OpenAI endpoint');
    const checks = server.requestsTo('/moderations');
    assert.equal(checks.length, 2, 'the question and the answer were both checked');
    assert.match(checks[1]!.rawBody, new RegExp(answer.replace(/\./g, '\\.')));
    assert.equal(run.code, 1, run.stderr);
    assert.equal(run.stdout, '', 'the flagged answer is not printed');
    assert.ok(!run.stderr.includes(answer), 'nor put on stderr');
    assert.match(run.stderr, /the answer was withheld: moderation flagged it \(harassment\)/);
  });

  it('prints an answer the moderation check passes', async () => {
    server.enqueue({ kind: 'ok', text: answer }, { path: '/chat/completions' });
    const run = await runCliIn(['ask', 'hello'], dir, env);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(server.requestsTo('/moderations').length, 2);
    assert.equal(run.stdout, `${answer}\n`);
  });
});
