import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { ALNUM, randomToken } from '../../src/core/detect/random';
import type { AskCase } from '../corpus/adversarial/askCase';
import { askCases } from '../corpus/adversarial/askCases';
import { runCliIn } from '../support/cliRun';
import { FakeOpenAi } from '../support/fakeOpenAi';
import { nodeBundleOptions } from '../support/nodeBundle';
import { makeTree } from './cliSupport';

const bundle = join(resolve(__dirname, '../../..'), 'out/cliBundle/cliAdversarial.js');

/** Runs the bundled CLI in its own process, as users run it. */
function runProcess(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<number | null> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [bundle, ...args], { cwd, env, stdio: 'ignore' });
    child.on('error', fail);
    child.on('close', done);
  });
}

/** Whether the server received a piece of any of `c`'s secrets that `context` does not hold anyway. */
function reached(c: AskCase, sent: string, context: string): boolean {
  return c.secrets.some((s) => pieces(s).some((p) => !context.includes(p) && sent.includes(p)));
}

/** Issue 9's target for this set: at most 2% of the cases reach the server with a fragment of their secret. */
const TARGET_LEAK_RATE = 0.02;
/**
 * The ceiling: issue 9's 2% of the set, rounded down (measured 2026-12-03: 0 of 136 in six runs with fresh
 * values, after 10, then 6, earlier the same day; 92 before the redact tier).
 */
const LEAKED_CASES_CEILING = Math.floor(TARGET_LEAK_RATE * 136);

/** Pieces of `secret` (8 characters, or all of it when shorter) that the server must never receive. */
function pieces(secret: string): string[] {
  const width = Math.min(8, secret.length);
  const out: string[] = [];
  for (let i = 0; i + width <= secret.length; i++) {
    out.push(secret.slice(i, i + width));
  }
  return out;
}

/** What the server received, as sent and with JSON string escapes undone (a fragment may hide in either). */
function received(server: FakeOpenAi): string {
  return server.requests
    .map((r) => {
      let decoded = '';
      try {
        decoded = JSON.stringify(r.body, (_, v: unknown) => v)
          .replace(/\\n/g, '\n')
          .replace(/\\"/g, '"');
      } catch {
        decoded = '';
      }
      return `${r.rawBody}\n${decoded}`;
    })
    .join('\n');
}

describe('adversarial ask set, one or more cases per issue 9 leak class (ours: a regression gate, not independent evidence)', function () {
  this.timeout(120_000); // whole processes: a loaded machine can be slow; correctness, not speed, is checked
  let server: FakeOpenAi;
  const trees: string[] = [];

  before(async () => {
    server = await new FakeOpenAi().start();
  });
  after(async () => {
    await server.stop();
    for (const t of trees) {
      rmSync(t, { recursive: true, force: true });
    }
  });

  /** Runs `secure-gpt ask -f FILE` in-process (the CLI's own main) against the loopback server. */
  async function ask(c: AskCase, key: string): Promise<{ code: number; sent: string; baseline: string }> {
    const root = makeTree(c.files);
    trees.push(root);
    const env = { OPENAI_API_KEY: key, HOME: root, XDG_CONFIG_HOME: root, XDG_STATE_HOME: root };
    server.requests.length = 0;
    const cwd = c.cwd ? join(root, c.cwd) : root;
    const run = await runCliIn(
      ['ask', '--base-url', server.url, '--no-stream', '-f', c.attach, 'Explain this file.'],
      cwd,
      env,
    );
    return { code: run.code, sent: received(server), baseline: `${run.stdout}\n${run.stderr}` };
  }

  it('counts the cases whose secret (or an 8-character piece of it) reaches the server', async () => {
    const cases = askCases();
    const key = ['sk', 'proj', randomToken(ALNUM, 48)].join('-');
    const byClass = new Map<number, { all: number; leaked: number; names: string[] }>();
    let leaked = 0;
    let blocked = 0;
    for (const c of cases) {
      const { code, sent } = await ask(c, key);
      if (code !== 0) {
        blocked++;
      }
      // A piece that the file holds outside the secret (a prefix word, a header) is not the secret leaking.
      const text = Object.values(c.files).map(String).join('\n');
      const context = c.secrets.reduce((t, s) => t.split(s).join('\u0000'), text);
      const leak = reached(c, sent, context);
      const row = byClass.get(c.cls) ?? { all: 0, leaked: 0, names: [] };
      row.all++;
      if (leak) {
        row.leaked++;
        row.names.push(c.name);
        leaked++;
      }
      byClass.set(c.cls, row);
      assert.ok(!sent.includes(key), 'the API key itself reached a request body');
    }
    const rate = leaked / cases.length;
    console.log(
      [
        `adversarial ask: ${cases.length} cases, ${leaked} reached the server (${(rate * 100).toFixed(1)}%; target <= ${TARGET_LEAK_RATE * 100}%), ${blocked} not sent (refused or blocked)`,
        ...[...byClass]
          .sort((a, b) => a[0] - b[0])
          .map(
            ([cls, r]) =>
              `class ${cls}: ${r.leaked}/${r.all} leaked${r.names.length ? `: ${r.names.join('; ')}` : ''}`,
          ),
      ]
        .map((l) => `      ${l}`)
        .join('\n'),
    );
    assert.ok(cases.length >= 100, `${cases.length} cases`);
    for (let cls = 1; cls <= 8; cls++) {
      assert.ok(byClass.get(cls)?.all, `no case for class ${cls}`);
    }
    assert.ok(leaked <= LEAKED_CASES_CEILING, `${leaked} cases leaked (ceiling ${LEAKED_CASES_CEILING})`);
  });
  it('agrees with a batch of the same cases sent by the bundled CLI in its own process', async () => {
    // One process per case would cost ~0.5 s each: single-file cases go as one batch of -f files.
    const candidates = askCases()
      .filter((c) => Object.keys(c.files).length === 2 && !c.cwd && typeof c.files[c.attach] === 'string')
      .filter((_, i) => i % 3 === 0);
    // A case the pipeline refuses on its own (the guard blocks the request) would block the whole batch.
    const batch: typeof candidates = [];
    for (const c of candidates) {
      if ((await ask(c, ['sk', 'proj', randomToken(ALNUM, 48)].join('-'))).code === 0) {
        batch.push(c);
      }
    }
    const files: Record<string, string> = { '.git/HEAD': 'ref: refs/heads/main\n' };
    batch.forEach((c, i) => (files[`c${i}/${c.attach}`] = c.files[c.attach] as string));
    const root = makeTree(files);
    trees.push(root);
    const key = ['sk', 'proj', randomToken(ALNUM, 48)].join('-');
    const env = {
      PATH: process.env['PATH'],
      OPENAI_API_KEY: key,
      HOME: root,
      XDG_CONFIG_HOME: root,
      XDG_STATE_HOME: root,
    };
    const args = [
      'ask',
      '--base-url',
      server.url,
      '--no-stream',
      ...batch.flatMap((c, i) => ['-f', `c${i}/${c.attach}`]),
      'Explain.',
    ];
    const context = batch.reduce(
      (t, c) => c.secrets.reduce((u, sec) => u.split(sec).join('\u0000'), t),
      Object.values(files).join('\n'),
    );

    mkdirSync(join(resolve(__dirname, '../../..'), 'out/cliBundle'), { recursive: true });
    await build(nodeBundleOptions('src/cli/cli.ts', bundle));
    server.requests.length = 0;
    // Fresh values can make the batch as a whole trip the guard (exit 1, nothing sent); both runs must agree.
    const processCode = await runProcess(args, root, env);
    assert.ok(processCode === 0 || processCode === 1, `the process run failed with ${processCode}`);
    const byProcess = batch.filter((c) => reached(c, received(server), context)).length;

    server.requests.length = 0;
    const inProcess = await runCliIn(args, root, env);
    assert.equal(inProcess.code, processCode, inProcess.stderr);
    const byMain = batch.filter((c) => reached(c, received(server), context)).length;
    console.log(
      `      process batch: ${batch.length} cases in one ask, ${byProcess} reached the server (in-process: ${byMain})`,
    );
    assert.ok(batch.length >= 20, `${batch.length} cases in the batch`);
    assert.equal(byProcess, byMain, 'the bundled CLI and the in-process run leak different cases');
  });
});
