import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { githubToken } from '../../src/core/detect/checksum';
import { ALNUM, randomToken } from '../../src/core/detect/random';
import type { ScanWorkspaceRequest } from '../../src/protocol/lsp';
import { buildServerBundle, LspTestClient } from './lspTestClient';

const preload = resolve(__dirname, '../../../test/support/netRecorderPreload.js');

interface Recorded {
  readonly pid: number;
  readonly kind: 'loaded' | 'tcp' | 'ipc' | 'lookup';
  readonly argv?: readonly string[];
}

// No telemetry, server side: the language server process, started as VS Code starts it (forked, over Node
// IPC) with a recorder preloaded, goes through a whole session (start, open and edit a file with a key,
// quick fixes, a workspace scan, a settings change, stop) and opens no socket and looks up no name. Its only
// channel is the IPC pipe to its client, which is not a socket it connects. The chat itself runs in the
// extension host (test/integration/chat.integration.test.ts records that side).
describe('no telemetry from the language server process', function () {
  this.timeout(120_000); // whole processes: a loaded machine can be slow; correctness, not speed, is checked
  let root: string;
  let recordFile: string;

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'secure-gpt-net-'));
    recordFile = join(root, 'net.jsonl');
    mkdirSync(join(root, 'src'));
    writeFileSync(
      join(root, 'src', 'config.py'),
      `TOKEN = "${githubToken('ghp', randomToken(ALNUM, 30))}"\n`,
    );
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('over a whole session it connects nowhere and resolves no name', async () => {
    const serverJs = await buildServerBundle();
    const { client } = await LspTestClient.start(serverJs, {
      rootPath: root,
      transport: 'ipc',
      execArgv: ['--require', preload],
      env: { ...process.env, SECURE_GPT_NET_RECORD: recordFile },
      initializationOptions: { debounceMs: 0 },
    });
    let stopped = false;
    try {
      const uri = pathToFileURL(join(root, 'src', 'app.ts')).href;
      const key = ['sk', 'proj', randomToken(ALNUM, 48)].join('-');
      const published = client.nextDiagnostics(uri, (d) => d.length > 0);
      await client.notify('textDocument/didOpen', {
        textDocument: { uri, languageId: 'typescript', version: 1, text: `const key = "${key}";\n` },
      });
      const [finding] = await published;
      assert.ok(finding, 'the pasted key was found');
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: finding.range,
        context: { diagnostics: [finding] satisfies Diagnostic[] },
      });
      assert.ok(actions.length > 0, 'quick fixes were offered');
      const cleared = client.nextDiagnostics(uri, (d) => d.length === 0);
      await client.notify('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ text: 'const key = process.env.OPENAI_API_KEY;\n' }],
      });
      await cleared;
      const scan = await client.request<ScanWorkspaceRequest.Result>('secureGpt/scanWorkspace', {});
      assert.ok(scan.findings > 0, 'the workspace scan ran and found the token on disk');
      await client.notify('workspace/didChangeConfiguration', { settings: { secureGpt: {} } });
      await client.stop();
      stopped = true;
    } finally {
      if (!stopped) {
        await client.stop();
      }
    }
    const records = readFileSync(recordFile, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Recorded);
    const [loaded, ...rest] = records;
    assert.equal(loaded?.kind, 'loaded', 'the recorder ran inside the server process');
    assert.equal(loaded.argv?.[0], serverJs);
    assert.deepEqual(rest, [], 'the server process opened a connection or looked up a name');
  });
});
