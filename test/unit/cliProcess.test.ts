import * as assert from 'node:assert/strict';
import type { ChildProcessWithoutNullStreams, SpawnOptions } from 'node:child_process';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import {
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';
import { ALNUM, randomToken } from '../../src/core/detect/random';
import { FakeOpenAi } from '../support/fakeOpenAi';
import { nodeBundleOptions } from '../support/nodeBundle';
import { freshToken, leaksNone, makeTree } from './cliSupport';

// The CLI as users run it: a bundle in its own process. The bundle is built here from the current
// sources (the entry and options of esbuild.js's cli context) so the test never runs a stale dist/.
const repo = resolve(__dirname, '../../..');
const cliPath = join(repo, 'out/cliBundle/cli.js');

interface Exited {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function runNode(args: readonly string[], options: SpawnOptions, script = cliPath): Promise<Exited> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [script, ...args], { ...options, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** Root reads through any permission, so an unreadable file is only unreadable to another user. */
const isRoot = process.getuid?.() === 0;
const NOBODY = { uid: 65534, gid: 65534 } as const;

/**
 * The bundle where the unprivileged user can run it. A checkout inside a directory only root may enter (a clone
 * in root's home, mode 0700) is out of that user's reach, so as root the bundle is copied to a world-readable
 * temporary directory. Resolves to undefined, with the reason, when even node itself is out of reach.
 */
function bundleForNobody(): { script: string; dir?: string } | { reason: string } {
  if (!isRoot) {
    return { script: cliPath };
  }
  const dir = mkdtempSync(join(tmpdir(), 'sgpt-cli-bundle-'));
  chmodSync(dir, 0o755);
  const script = join(dir, 'cli.js');
  copyFileSync(cliPath, script);
  chmodSync(script, 0o644);
  // The dispatcher loads one bundle per subcommand from cli/ beside it.
  cpSync(join(dirname(cliPath), 'cli'), join(dir, 'cli'), { recursive: true });
  const probe = spawnSync(process.execPath, [script, '--version'], { ...NOBODY, encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return {
      reason: `user ${NOBODY.uid} cannot run ${process.execPath} ${script}: ${probe.error?.message ?? probe.stderr}`,
    };
  }
  return { script, dir };
}

describe('secure-gpt as a process (node out/cliBundle/cli.js)', function () {
  this.timeout(120_000); // whole processes: a loaded machine can be slow; correctness, not speed, is checked
  const trees: string[] = [];
  const tree = (spec: Record<string, string>): string => {
    const dir = makeTree(spec);
    trees.push(dir);
    chmodSync(dir, 0o755); // mkdtemp makes it owner-only; the unprivileged run must enter it.
    return dir;
  };

  let nobody: ReturnType<typeof bundleForNobody> = { reason: 'not built yet' };

  before(async () => {
    mkdirSync(join(repo, 'out/cliBundle'), { recursive: true });
    await build(nodeBundleOptions('src/cli/cli.ts', cliPath));
    nobody = bundleForNobody();
  });
  after(() => {
    trees.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
    if ('dir' in nobody && nobody.dir) {
      rmSync(nobody.dir, { recursive: true, force: true });
    }
  });

  it('scans a tree: exit 1 with JSON findings, exit 0 when clean, never printing the key', async () => {
    const token = freshToken();
    const dir = tree({ 'src/app.ts': `export const key = '${token}';\n`, 'README.md': '# ok\n' });
    const found = await runNode(['scan', '--format', 'json'], { cwd: dir });
    assert.equal(found.code, 1, found.stderr);
    const report = JSON.parse(found.stdout) as { findings: { file: string; line: number; ruleId: string }[] };
    assert.deepEqual(
      report.findings.map((f) => [f.file, f.line, f.ruleId]),
      [['src/app.ts', 1, 'github-pat']],
    );
    assert.ok(leaksNone([token], found.stdout, found.stderr));
    const clean = await runNode(['scan', 'README.md'], { cwd: dir });
    assert.equal(clean.code, 0);
    assert.match(clean.stdout, /^No secrets found/);
  });

  it('reports an unreadable file on stderr, still scans the rest, and exits 2', async function () {
    if ('reason' in nobody) {
      // Only when the node binary itself is out of the unprivileged user's reach: nothing to run the test with.
      console.warn(`      skipped: ${nobody.reason}`);
      this.skip();
    }
    const token = freshToken();
    const dir = tree({
      'a.ts': `const a = "${token}";\n`,
      'b.ts': 'const b = 1;\n',
      'c.ts': 'const c = 2;\n',
    });
    chmodSync(join(dir, 'b.ts'), 0o000);
    const r = await runNode(
      ['scan', '--format', 'json'],
      { cwd: dir, ...(isRoot ? NOBODY : {}) },
      nobody.script,
    );
    assert.equal(r.code, 2, r.stderr);
    assert.equal(r.stderr, 'secure-gpt scan: b.ts: permission denied\n');
    const report = JSON.parse(r.stdout) as { findings: { file: string }[] };
    assert.deepEqual(
      report.findings.map((f) => f.file),
      ['a.ts'],
    );
    assert.ok(leaksNone([token], r.stdout, r.stderr));
  });

  it('exits 2 on a missing path, and on lsp without --stdio', async () => {
    const dir = tree({ 'x.txt': 'x' });
    const missing = await runNode(['scan', 'nope'], { cwd: dir });
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, 'secure-gpt scan: nope: no such file or directory\n');
    assert.equal((await runNode(['lsp'], { cwd: dir })).code, 2, 'lsp without --stdio is a usage error');
  });

  it('ask against an upstream that quotes the key in its 200 answer: stdout and stderr hold no part of it', async () => {
    const server = await new FakeOpenAi().start();
    try {
      const key = ['sk', 'proj', randomToken(ALNUM, 48)].join('-');
      const dir = tree({});
      const env = { OPENAI_API_KEY: key, HOME: dir, XDG_CONFIG_HOME: dir, XDG_STATE_HOME: dir };
      for (const args of [['hello'], ['--no-stream', 'hello']]) {
        server.enqueue({ kind: 'ok', echoKey: { pieceLength: 4 } });
        const r = await runNode(['ask', '--base-url', server.url, ...args], { cwd: dir, env });
        assert.equal(r.code, 0, r.stderr);
        assert.match(r.stdout, /for key ‹redacted:api-key›\. Requests continue/);
        for (let i = 0; i + 8 <= key.length; i++) {
          assert.ok(
            !(r.stdout + r.stderr).includes(key.slice(i, i + 8)),
            `${args.join(' ')}: part of the key printed`,
          );
        }
      }
    } finally {
      await server.stop();
    }
  });

  it('lsp --stdio: initializes, publishes a github-pat diagnostic for an opened document, and shuts down', async () => {
    const token = freshToken();
    const child = spawn(process.execPath, [cliPath, 'lsp', '--stdio'], { stdio: 'pipe' });
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    const raw = { stdout: '', stderr: '' };
    child.stdout.on('data', (chunk: Buffer) => (raw.stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (raw.stderr += chunk.toString()));
    const connection = lspClient(child);
    const uri = pathToFileURL('/tmp/sgpt-lsp/config.ts').href;
    const published = new Promise<PublishDiagnosticsParams>((done) =>
      connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
        if (params.uri === uri && params.diagnostics.length > 0) {
          done(params);
        }
      }),
    );
    connection.listen();

    const init = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: {},
    });
    assert.ok(init.capabilities.textDocumentSync !== undefined, 'the server syncs documents');
    await connection.sendNotification(InitializedNotification.type, {});
    const text = `// config\nconst token = "${token}";\n`;
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'typescript', version: 1, text },
    });

    const { diagnostics } = await published;
    assert.equal(diagnostics.length, 1);
    const [diagnostic] = diagnostics;
    assert.equal(diagnostic!.code, 'github-pat');
    assert.equal(diagnostic!.source, 'secure-gpt');
    const column = text.split('\n')[1]!.indexOf(token);
    assert.deepEqual(diagnostic!.range.start, { line: 1, character: column });

    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    assert.equal(await exited, 0, 'exit after shutdown is a clean exit');
    connection.dispose();
    assert.ok(leaksNone([token], raw.stdout, raw.stderr), 'no diagnostic or log holds the secret');
  });
});

function lspClient(child: ChildProcessWithoutNullStreams): ReturnType<typeof createProtocolConnection> {
  return createProtocolConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
}
