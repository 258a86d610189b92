import * as assert from 'node:assert/strict';
import { ALNUM, randomToken } from '../../src/core/detect/random';
import type { CliResult } from '../support/cliRun';
import { runCliIn } from '../support/cliRun';
import { FAKE_ANSWER, FakeOpenAi } from '../support/fakeOpenAi';
import { freshToken, makeTree } from './cliSupport';

const cli = runCliIn;
type Run = CliResult;

/** Every window of 8 characters of `key`: no output may hold any of them. */
function holdsPartOf(key: string, text: string): boolean {
  for (let i = 0; i + 8 <= key.length; i++) {
    if (text.includes(key.slice(i, i + 8))) {
      return true;
    }
  }
  return text.includes(key.slice(-4)) && text.includes(key.slice(0, 6));
}

describe('secure-gpt ask against the loopback server', () => {
  let server: FakeOpenAi;
  let key: string;
  let env: NodeJS.ProcessEnv;
  let dir: string;

  beforeEach(async () => {
    server = await new FakeOpenAi().start();
    key = ['sk', 'proj', randomToken(ALNUM, 48)].join('-');
    dir = makeTree({});
    // A private HOME and config dir: no profiles file, no keychain bus, only this key.
    env = { OPENAI_API_KEY: key, HOME: dir, XDG_CONFIG_HOME: dir, XDG_STATE_HOME: dir };
  });
  afterEach(() => server.stop());

  const ask = (args: readonly string[], cwd = dir, stdin = ''): Promise<Run> =>
    cli(['ask', '--base-url', server.url, ...args], cwd, env, stdin);

  it('streams the answer to stdout; the recorded body holds no secret from the input', async () => {
    const [inPrompt, inFile, inEnvFile] = [freshToken(), freshToken(), freshToken()];
    const dotenvValue = `pw-${randomToken(ALNUM, 20)}`;
    const tree = makeTree({
      'src/config.ts': `export const token = "${inFile}";\nexport const pw = "${dotenvValue}";\n`,
      '.env': `GITHUB_TOKEN=${inEnvFile}\nDB_PASSWORD=${dotenvValue}\n`,
    });
    const run = await ask(
      ['--file', 'src/config.ts', '--file', '.env', 'Why', 'is', inPrompt, 'rejected?'],
      tree,
    );
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, `${FAKE_ANSWER}\n`);
    assert.match(run.stderr, /left out \.env: matches the exclusion pattern '\.env\*'/);
    assert.match(run.stderr, /redacted 3 secrets \(github-pat ×2, env-value ×1\) before sending/);
    const [request] = server.requestsTo('/chat/completions');
    const body = request!.rawBody;
    for (const secret of [inPrompt, inFile, inEnvFile, dotenvValue, key]) {
      assert.ok(!body.includes(secret), 'a secret reached the endpoint');
    }
    assert.match(body, /Why is ‹secret:github-pat#1› rejected\?/);
    assert.match(
      body,
      /src\/config\.ts:\\n```ts\\nexport const token = \\"‹secret:github-pat#2›\\";\\nexport const pw = \\"‹secret:env-value#1›\\"/,
    );
    assert.equal(request!.headers.authorization, `Bearer ${key}`);
  });

  it("from a subdirectory, keeps the git root's and nested .env values out, split or encoded", async () => {
    const phrase = ['correct', 'horse', 'battery', randomToken('abcdef', 4)].join('-');
    const token = `tk-${randomToken(ALNUM, 30)}`;
    const tree = makeTree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.env': `DB_PASSWORD=${phrase}\n`,
      'services/api/.env': `SERVICE_TOKEN=${token}\n`,
      'services/web/src/client.ts': [
        `const pw = "${phrase}";`,
        `const t = "${token.slice(0, 12)}" +`,
        `  "${token.slice(12)}";`,
        `const basic = "Basic ${Buffer.from(`svc:${token}`).toString('base64')}";`,
        `const q = "?p=${encodeURIComponent(phrase)}";`,
        '',
      ].join('\n'),
    });
    const run = await ask(['--file', 'client.ts', 'Review'], `${tree}/services/web/src`);
    assert.equal(run.code, 0, run.stderr);
    const body = server.requestsTo('/chat/completions')[0]!.rawBody;
    assert.ok(!holdsPartOf(token, body), 'a piece of the nested token reached the endpoint');
    assert.ok(!body.includes(phrase) && !body.includes(Buffer.from(token).toString('base64').slice(0, 12)));
    assert.match(body, /const pw = \\"‹secret:env-value#1›\\"/);
  });

  it('reads the prompt from stdin with -, and answers without streaming', async () => {
    const secret = freshToken();
    const run = await ask(['--no-stream', '-'], dir, `explain ${secret}`);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, `${FAKE_ANSWER}\n`);
    const body = server.requests[0]!.body as { stream?: boolean; messages: { content: string }[] };
    assert.equal(body.stream, undefined);
    assert.equal(body.messages[0]?.content, 'explain ‹secret:github-pat#1›');
  });

  for (const echoKey of ['full', 'masked'] as const) {
    it(`401 echoing the key (${echoKey}): a clear message, and no part of the key printed`, async () => {
      server.enqueue({ kind: 'unauthorized', echoKey });
      const run = await ask(['hello']);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /127\.0\.0\.1:\d+ rejected the API key \(401\).*Check the key/);
      assert.ok(!holdsPartOf(key, run.stdout + run.stderr), run.stderr);
    });
  }

  for (const mode of ['streamed', 'not streamed'] as const) {
    it(`a 200 answer quoting the key (${mode}): nothing printed holds any part of it`, async () => {
      server.enqueue({ kind: 'ok', echoKey: { pieceLength: 3 } });
      const run = await ask(mode === 'streamed' ? ['hello'] : ['--no-stream', 'hello']);
      assert.equal(run.code, 0, run.stderr);
      assert.equal(server.requests[0]?.headers.authorization, `Bearer ${key}`, 'the key did go out');
      assert.ok(!holdsPartOf(key, run.stdout + run.stderr), run.stdout);
      assert.match(run.stdout, /quota for key ‹redacted:api-key›\. Requests continue/);
      assert.match(run.stdout, /Hello from the fake OpenAI server\.\n$/);
    });
  }

  it('429 with Retry-After: 1, then success: says it waits, prints the answer, exit 0', async () => {
    server.enqueue({ kind: 'rateLimited', retryAfter: '1' });
    const run = await ask(['hello']);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, `${FAKE_ANSWER}\n`);
    assert.match(run.stderr, /waiting 1 s \(rate limited, 429\)/);
    assert.equal(server.requests.length, 2);
  });

  it('500 until retries run out: a clear message, exit 2', async () => {
    server.enqueue({ kind: 'serverError' }, { times: 3 });
    const run = await ask(['hello']);
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /failed \(500\) after retries: The server had an error/);
    assert.equal(server.requests.length, 3, 'the SDK retried twice');
  });

  it('a stream cut mid-way: the partial answer on stdout, what happened on stderr, exit 2', async () => {
    server.enqueue({ kind: 'cut', afterChunks: 3 });
    const run = await ask(['hello']);
    assert.equal(run.code, 2);
    assert.equal(run.stdout, 'Hello from \n');
    assert.match(
      run.stderr,
      /closed in the middle of the answer\. The partial answer \(11 characters\) is kept/,
    );
  });

  it('refuses a plain-http remote base URL before connecting, naming HTTPS', async () => {
    const run = await cli(['ask', '--base-url', 'http://api.example.com/v1', 'hello'], dir, env);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /must use HTTPS/);
    assert.match(run.stderr, /https:\/\//);
    assert.ok(!run.stderr.includes(key));
  });

  it('without a key: a dry run prints the exact payload, redacted, and sends nothing', async () => {
    const secret = freshToken();
    const run = await cli(['ask', '--base-url', server.url, `fix ${secret}`], dir, {
      HOME: dir,
      XDG_CONFIG_HOME: dir,
    });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /No API key for profile 'openai'.*dry run, nothing is sent/);
    assert.match(run.stdout, /^Dry run: nothing was sent/);
    assert.match(run.stdout, /"content": "fix ‹secret:github-pat#1›"/);
    assert.ok(!run.stdout.includes(secret));
    assert.equal(server.requests.length, 0);
  });

  it('--dry-run sends nothing even with a key, and still redacts that key from the printed payload', async () => {
    const run = await ask(['--dry-run', `my key is ${key}`]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /"model": "gpt-4o-mini"/);
    assert.match(run.stdout, /"content": "my key is ‹secret:[a-z-]+#1›"/);
    assert.ok(!holdsPartOf(key, run.stdout + run.stderr));
    assert.equal(server.requests.length, 0);
  });

  it('--policy block: refuses while secrets are present (exit 1), sends when clean', async () => {
    const blocked = await ask(['--policy', 'block', `use ${freshToken()}`]);
    assert.equal(blocked.code, 1);
    assert.match(blocked.stderr, /policy is 'block'/);
    assert.equal(server.requests.length, 0);
    const clean = await ask(['--policy', 'block', 'no secrets']);
    assert.equal(clean.code, 0, clean.stderr);
  });

  it('--policy ask without a terminal cancels (exit 1); bad options are usage errors (exit 2)', async () => {
    const asked = await ask(['--policy', 'ask', `use ${freshToken()}`]);
    assert.equal(asked.code, 1);
    assert.match(asked.stderr, /needs a terminal/);
    assert.equal((await ask(['--policy', 'maybe', 'x'])).code, 2);
    assert.equal((await ask([])).code, 2);
    assert.equal((await ask(['--file', 'missing.txt', 'x'])).code, 2);
  });
});
