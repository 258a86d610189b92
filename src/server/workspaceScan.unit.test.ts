import * as assert from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CancellationToken, PublishDiagnosticsParams } from 'vscode-languageserver';
import { githubToken } from '../core/detect/checksum';
import { ALNUM, randomToken } from '../core/detect/random';
import { silentLogger } from '../core/log';
import { DiagnosticsPublisher } from './diagnostics';
import { DocumentStore } from './documents';
import { WorkspaceState } from './workspace';
import { scanWorkspace } from './workspaceScan';

const token = (cancelled: boolean): CancellationToken => ({
  isCancellationRequested: cancelled,
  onCancellationRequested: () => ({ dispose: () => undefined }),
});

describe('scanWorkspace', () => {
  const key = githubToken('ghp', randomToken(ALNUM, 30));
  let root: string;
  let published: PublishDiagnosticsParams[];
  let run: (cancelled: boolean, ignorePaths?: string[]) => ReturnType<typeof scanWorkspace>;

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'secure-gpt-scan-'));
    mkdirSync(join(root, 'src'));
    mkdirSync(join(root, 'fixtures'));
    writeFileSync(join(root, '.gitignore'), 'local.env\n');
    writeFileSync(join(root, 'local.env'), `T=${key}\n`);
    writeFileSync(join(root, 'src', 'a.ts'), `const t = "${key}";\n`);
    writeFileSync(join(root, 'src', 'b.ts'), 'export const b = 1;\n');
    writeFileSync(join(root, 'fixtures', 'c.ts'), `const t = "${key}";\n`);
    writeFileSync(join(root, 'src', 'd.png'), Buffer.concat([Buffer.from([0x89, 0, 0]), Buffer.from(key)]));
    run = (cancelled, ignorePaths = []) => {
      published = [];
      const state = new WorkspaceState(() => undefined, silentLogger);
      state.setFolders([root]);
      state.setSettings({ disabledRules: [], severityOverrides: {}, ignorePaths });
      const documents = new DocumentStore((uri) => state.scannerFor(uri));
      const connection = {
        sendDiagnostics: (p: PublishDiagnosticsParams): Promise<void> => {
          published.push(p);
          return Promise.resolve();
        },
        sendNotification: (): Promise<void> => Promise.resolve(),
      };
      const publisher = new DiagnosticsPublisher(connection, state, documents);
      return scanWorkspace(connection, state, documents, publisher, token(cancelled));
    };
  });

  after(() => rmSync(root, { recursive: true, force: true }));

  it('publishes findings of files on disk; git-ignored files are not read, binary ones skipped', async () => {
    const result = await run(false);
    assert.deepStrictEqual(result, {
      scanned: 4,
      skipped: 1,
      findings: 2,
      filesWithFindings: 2,
      cancelled: false,
    });
    const files = published.map((p) => fileURLToPath(p.uri).slice(root.length + 1)).sort();
    assert.deepStrictEqual(
      files,
      ['fixtures/c.ts', 'src/a.ts'].map((f) => join(...f.split('/'))),
    );
    assert.ok(published.every((p) => p.diagnostics[0]?.code === 'github-pat'));
    assert.ok(!JSON.stringify(published).includes(key));
  });

  it('honors secureGpt.detection.ignorePaths', async () => {
    const result = await run(false, ['fixtures/**']);
    assert.strictEqual(result.findings, 1);
    assert.strictEqual(result.scanned, 3);
  });

  it('stops at a cancellation and says so', async () => {
    assert.deepStrictEqual(await run(true), {
      scanned: 0,
      skipped: 0,
      findings: 0,
      filesWithFindings: 0,
      cancelled: true,
    });
    assert.deepStrictEqual(published, []);
  });
});
