import * as assert from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { githubToken } from '../../src/core/detect/checksum';
import { fingerprintOf } from '../../src/core/detect/finding';
import { ALNUM, randomToken } from '../../src/core/detect/random';
import type { ScanWorkspaceRequest } from '../../src/protocol/lsp';
import { assertGithubTokenFixes } from '../support/quickFixes';
import { buildServerBundle, LspTestClient } from './lspTestClient';

const hasFinding = (d: readonly Diagnostic[]): boolean => d.length > 0;
const isEmpty = (d: readonly Diagnostic[]): boolean => d.length === 0;

describe('language server over stdio (plain Node, the bundled server)', function () {
  this.timeout(120_000); // whole processes: a loaded machine can be slow; correctness, not speed, is checked
  const secret = githubToken('ghp', randomToken(ALNUM, 30));
  let serverJs: string;
  let root: string;
  let client: LspTestClient;
  let uri: string;
  let version = 1;
  let published: Diagnostic | undefined;

  before(async () => {
    serverJs = await buildServerBundle();
    root = mkdtempSync(join(tmpdir(), 'secure-gpt-ws-'));
    mkdirSync(join(root, 'src'));
    writeFileSync(join(root, '.gitignore'), 'ignored/\n');
    uri = pathToFileURL(join(root, 'src', 'app.ts')).href;
    ({ client } = await LspTestClient.start(serverJs, { rootPath: root }));
  });

  after(async () => {
    await client.stop();
    // The last check: nothing the server said, logged or printed held the secret.
    assert.ok(!client.transcript.some((m) => m.includes(secret)), 'no LSP message holds the secret');
    assert.ok(!client.stderr.includes(secret), 'stderr does not hold the secret');
    rmSync(root, { recursive: true, force: true });
  });

  const change = (range: unknown, text: string): Promise<void> =>
    client.notify('textDocument/didChange', {
      textDocument: { uri, version: ++version },
      contentChanges: [{ range, text }],
    });

  it('announces incremental sync and quick fixes', async () => {
    const { client: other, init } = await LspTestClient.start(serverJs);
    await other.stop();
    const sync = init.capabilities.textDocumentSync;
    assert.strictEqual(typeof sync === 'object' ? sync.change : sync, 2);
    assert.ok(init.capabilities.codeActionProvider);
  });

  it('publishes a diagnostic on open: rule id as code, source secure-gpt, provider and risk named, no secret', async () => {
    const text = `const greeting = 'hi';\nconst token = "${secret}";\nexport { token };\n`;
    const publishedNow = client.nextDiagnostics(uri, hasFinding);
    await client.notify('textDocument/didOpen', {
      textDocument: { uri, languageId: 'typescript', version, text },
    });
    const [d, ...rest] = await publishedNow;
    published = d;
    assert.strictEqual(rest.length, 0);
    assert.strictEqual(d!.code, 'github-pat');
    assert.strictEqual(d!.source, 'secure-gpt');
    assert.match(d!.message, /GitHub/);
    assert.match(d!.message, /act as you/);
    assert.deepStrictEqual(d!.range, {
      start: { line: 1, character: 15 },
      end: { line: 1, character: 15 + secret.length },
    });
    assert.ok(!JSON.stringify(d).includes(secret), 'the diagnostic does not hold the secret');
    assert.strictEqual((d!.data as { fingerprint: string }).fingerprint, fingerprintOf(secret));
  });

  it('offers quick fixes for the published diagnostic, the env-var one rewriting the whole literal', async () => {
    const diagnostic = published!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
    assertGithubTokenFixes(actions, diagnostic);
    const replace = actions[0]!.edit!.documentChanges![0] as TextDocumentEdit;
    const line = { start: { line: 1, character: 14 }, end: { line: 1, character: 16 + secret.length } };
    assert.deepStrictEqual(replace.edits, [{ range: line, newText: 'process.env.GITHUB_TOKEN' }]);
    const move = JSON.stringify(actions[1]!.edit);
    assert.ok(move.includes('"kind":"create"') && move.includes('/.env"'), 'the move creates .env');
    assert.ok(move.includes(`GITHUB_TOKEN=${secret}`), 'the value goes into .env, and only there');
    assert.ok(move.includes('/.gitignore"') && move.includes('.env\\n'), '.env is added to .gitignore');
  });

  it('clears the diagnostic when an edit removes the key, and shows it again on a paste', async () => {
    const cleared = client.nextDiagnostics(uri, isEmpty);
    await change({ start: { line: 1, character: 15 }, end: { line: 1, character: 15 + secret.length } }, '');
    await cleared;
    const pasted = client.nextDiagnostics(uri, hasFinding);
    await change({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, `// ${secret}\n`);
    const [d] = await pasted;
    assert.deepStrictEqual(d!.range.start, { line: 0, character: 3 });
    assert.strictEqual(d!.code, 'github-pat');
  });

  it('re-publishes when settings change: a disabled rule goes, a severity override applies', async () => {
    const disabled = client.nextDiagnostics(uri, isEmpty);
    await client.notify('workspace/didChangeConfiguration', {
      settings: { secureGpt: { detection: { disabledRules: ['github-pat'] } } },
    });
    await disabled;
    const info = client.nextDiagnostics(uri, hasFinding);
    await client.notify('workspace/didChangeConfiguration', {
      settings: { secureGpt: { detection: { severityOverrides: { 'github-pat': 'info' } } } },
    });
    assert.strictEqual((await info)[0]!.severity, 3);
  });

  it('reports nothing for files under ignorePaths or git-ignored', async () => {
    const ignoredUri = pathToFileURL(join(root, 'ignored', 'local.ts')).href;
    const fixtureUri = pathToFileURL(join(root, 'fixtures', 'a.ts')).href;
    const text = `export const t = "${secret}";\n`;
    const bothEmpty = Promise.all([client.nextDiagnostics(ignoredUri), client.nextDiagnostics(fixtureUri)]);
    await client.notify('workspace/didChangeConfiguration', {
      settings: { secureGpt: { detection: { ignorePaths: ['fixtures/**'] } } },
    });
    for (const u of [ignoredUri, fixtureUri]) {
      await client.notify('textDocument/didOpen', {
        textDocument: { uri: u, languageId: 'typescript', version: 1, text },
      });
    }
    assert.deepStrictEqual(await bothEmpty, [[], []]);
  });

  it('drops a finding once its fingerprint is in the workspace allowlist file', async () => {
    mkdirSync(join(root, '.secure-gpt'));
    const allowlist = join(root, '.secure-gpt', 'allowlist.json');
    writeFileSync(
      allowlist,
      JSON.stringify({ fingerprints: [{ sha256: fingerprintOf(secret), rule: 'github-pat' }] }),
    );
    const cleared = client.nextDiagnostics(uri, isEmpty);
    await client.notify('workspace/didChangeWatchedFiles', {
      changes: [{ uri: pathToFileURL(allowlist).href, type: 1 }],
    });
    await cleared;
    rmSync(join(root, '.secure-gpt'), { recursive: true });
    const back = client.nextDiagnostics(uri, hasFinding);
    await client.notify('workspace/didChangeWatchedFiles', {
      changes: [{ uri: pathToFileURL(allowlist).href, type: 3 }],
    });
    await back;
  });

  it('scans the workspace from disk: git-ignored and binary files skipped, closed files reported', async () => {
    mkdirSync(join(root, 'ignored'), { recursive: true });
    writeFileSync(join(root, 'src', 'app.ts'), '// the open editor has newer text\n');
    writeFileSync(join(root, 'src', 'config.py'), `API = "${secret}"\n`);
    writeFileSync(join(root, 'ignored', 'local.py'), `API = "${secret}"\n`);
    writeFileSync(
      join(root, 'src', 'blob.bin'),
      Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(secret)]),
    );
    const configUri = pathToFileURL(join(root, 'src', 'config.py')).href;
    const reported = client.nextDiagnostics(configUri, hasFinding);
    const result = await client.request<ScanWorkspaceRequest.Result>('secureGpt/scanWorkspace', {});
    assert.strictEqual((await reported)[0]!.code, 'github-pat');
    // .gitignore, src/app.ts (open: its live text with the pasted key counts) and src/config.py; blob.bin is binary.
    assert.deepStrictEqual(result, {
      scanned: 3,
      skipped: 1,
      findings: 2,
      filesWithFindings: 2,
      cancelled: false,
    });
  });

  it('clears diagnostics on close', async () => {
    const cleared = client.nextDiagnostics(uri, isEmpty);
    await client.notify('textDocument/didClose', { textDocument: { uri } });
    await cleared;
  });
});
