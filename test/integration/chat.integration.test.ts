import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { githubToken } from '../../src/core/detect/checksum';
import { ALNUM, randomToken } from '../../src/core/detect/random';
import type { TestHooks } from '../../src/extension/testHooks';
import { FAKE_ANSWER, FakeOpenAi } from '../support/fakeOpenAi';
import { recordConnections } from '../support/netRecorder';
import { api, resetProfiles, turnWhere, useLoopbackProfile } from './vscodeTestKit';

async function editorWith(text: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: 'typescript', content: text });
  const editor = await vscode.window.showTextDocument(document);
  editor.selection = new vscode.Selection(document.positionAt(0), document.positionAt(text.length));
  return editor;
}

describe('Chat and palette actions through the redaction pipeline (real VS Code)', () => {
  const server = new FakeOpenAi();
  let secureGpt: TestHooks;

  before(async () => {
    await server.start();
    secureGpt = await api();
    await useLoopbackProfile(server.url);
  });

  after(async () => {
    await resetProfiles();
    await server.stop();
  });

  it('Ask about Selection sends the placeholder, never the key, and the answer streams into the chat', async () => {
    const token = githubToken('ghp', randomToken(ALNUM, 30));
    await editorWith(`export const client = new Octokit({ auth: "${token}" });\n`);
    let result: { outcome: string; text: string } | undefined;
    // No telemetry: while the request runs, the extension connects to the endpoint and nowhere else.
    const connections = await recordConnections(async () => {
      result = await vscode.commands.executeCommand<{ outcome: string; text: string }>(
        'secureGpt.askAboutSelection',
        'Why does this fail with 401?',
      );
    });
    const endpoint = new URL(server.url);
    const tcp = connections.filter((c) => !c.startsWith('ipc:'));
    assert.ok(tcp.length > 0);
    assert.deepEqual([...new Set(tcp)], [`${endpoint.hostname}:${endpoint.port}`]);
    assert.ok(result);
    assert.equal(result.outcome, 'ok');
    assert.equal(result.text, FAKE_ANSWER);
    const [request] = server.requestsTo('/chat/completions');
    assert.ok(request, 'the loopback server got the request');
    assert.ok(!request.rawBody.includes(token), 'the key left the machine');
    assert.match(request.rawBody, /‹secret:github-pat#1›/);
    assert.match(request.rawBody, /Why does this fail with 401\?/);

    const records = await secureGpt.data.audit.read();
    const last = records[records.length - 1]!;
    assert.deepEqual(last.redactions, { 'github-pat': 1 });
    assert.equal(last.outcome, 'ok');
    assert.ok(
      !(await fs.readFile(secureGpt.data.audit.file, 'utf8')).includes(token),
      'the audit log holds no secret',
    );
  });

  it('Stop cancels a streaming answer and keeps what arrived', async () => {
    server.reset();
    server.enqueue(
      {
        kind: 'ok',
        chunks: ['The ', 'answer ', 'goes ', 'on ', 'and ', 'on ', 'and ', 'on.'],
        chunkDelayMs: 300,
      },
      { path: '/chat/completions' },
    );
    await editorWith('function add(a: number, b: number) { return a + b; }\n');
    const firstWords = turnWhere(secureGpt.session, (t) => t.outcome === 'streaming' && t.answer.length > 0);
    const pending = vscode.commands.executeCommand<{ outcome: string; text: string }>(
      'secureGpt.explainSelection',
    );
    const streaming = await firstWords;
    assert.ok(streaming.answer.startsWith('The'));
    await vscode.commands.executeCommand('secureGpt.stopAnswer');
    const result = await pending;
    assert.equal(result.outcome, 'cancelled');
    assert.ok(
      result.text.length > 0 && result.text.length < 'The answer goes on and on and on.'.length,
      'partial answer kept',
    );
  });

  it('Preview Outgoing Request shows the original against exactly what would be sent', async () => {
    const token = githubToken('ghp', randomToken(ALNUM, 30));
    await editorWith(`const token = "${token}";\n`);
    const before = server.requests.length;
    const preview = await vscode.commands.executeCommand<{ original: string; sent: string }>(
      'secureGpt.previewOutgoingRequest',
      'Is this safe?',
    );
    assert.ok(preview.original.includes(token));
    assert.ok(!preview.sent.includes(token));
    assert.match(preview.sent, /‹secret:github-pat#\d+›/);
    assert.equal(server.requests.length, before, 'a preview sends nothing');
  });

  // An `editor/context` menu calls its command with the document's URI first (and an options object); the
  // handlers once took that URI for the question and failed with "t.indexOf is not a function".
  describe('each editor action, invoked the way its context menu invokes it', () => {
    const asMenu = async <T>(command: string, editor: vscode.TextEditor): Promise<T> =>
      vscode.commands.executeCommand<T>(command, editor.document.uri, { groupId: 0 });

    for (const [command, prompt] of [
      ['secureGpt.explainSelection', /Explain what this code does/],
      ['secureGpt.reviewSelection', /Review this code/],
      ['secureGpt.writeTestsForSelection', /Write unit tests/],
    ] as const) {
      it(`${command} sends its own prompt and the selection, with the placeholder`, async () => {
        server.reset();
        const token = githubToken('ghp', randomToken(ALNUM, 30));
        const editor = await editorWith(`const octokit = new Octokit({ auth: "${token}" });\n`);
        const result = await asMenu<{ outcome: string }>(command, editor);
        assert.equal(result.outcome, 'ok');
        const [request] = server.requestsTo('/chat/completions');
        assert.ok(request, 'the loopback server got the request');
        assert.match(request.rawBody, prompt);
        assert.ok(!request.rawBody.includes(token), 'the key left the machine');
        assert.ok(
          !request.rawBody.includes('file://') && !request.rawBody.includes('untitled:'),
          'no URI as text',
        );
        assert.match(request.rawBody, /‹secret:github-pat#\d+›/);
      });
    }

    it('secureGpt.askAboutSelection asks for the question instead of taking the URI for one', async () => {
      server.reset();
      const editor = await editorWith('function add(a: number, b: number) { return a + b; }\n');
      const turns: string[] = [];
      const watching = secureGpt.session.onDidUpdate((turn) => turns.push(turn.outcome));
      try {
        const pending = asMenu<unknown>('secureGpt.askAboutSelection', editor);
        // The question box is open: accepting it empty starts no turn at all (taking the URI for the
        // question started one that ended in an error), and nothing is sent.
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        assert.equal(await pending, undefined);
      } finally {
        watching.dispose();
      }
      assert.deepEqual(turns, []);
      assert.equal(server.requestsTo('/chat/completions').length, 0);
    });

    it('secureGpt.previewOutgoingRequest previews the selection of the editor the menu names', async () => {
      const token = githubToken('ghp', randomToken(ALNUM, 30));
      const editor = await editorWith(`const token = "${token}";\n`);
      const before = server.requests.length;
      const preview = await asMenu<{ original: string; sent: string }>(
        'secureGpt.previewOutgoingRequest',
        editor,
      );
      assert.ok(preview.original.includes(token));
      assert.ok(!preview.sent.includes(token));
      assert.ok(!preview.sent.includes('untitled:'), 'the URI is not the question');
      assert.equal(server.requests.length, before, 'a preview sends nothing');
    });
  });

  it('Preview hides values of a nested .env, raw and base64, read through the core known-value source', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(folder, 'the test workspace is open');
    const phrase = ['correct', 'horse', 'battery', randomToken('abcdef', 4)].join('-');
    const dir = path.join(folder, 'known-values-test', 'api');
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, '.env'), `DB_PASSWORD=${phrase}\n`);
    try {
      const encoded = Buffer.from(`app:${phrase}`).toString('base64');
      await editorWith(`const pw = "${phrase}";\nconst header = "Basic ${encoded}";\n`);
      const preview = await vscode.commands.executeCommand<{ original: string; sent: string }>(
        'secureGpt.previewOutgoingRequest',
        'Is this safe?',
      );
      assert.ok(preview.original.includes(phrase));
      assert.ok(!preview.sent.includes(phrase) && !preview.sent.includes(encoded), preview.sent);
      assert.match(preview.sent, /‹secret:env-value#\d+›/);
    } finally {
      await fs.rm(path.dirname(dir), { recursive: true, force: true });
    }
  });

  it('Verify Audit Log passes on the records these requests left', async () => {
    const result = await vscode.commands.executeCommand<{ ok: boolean }>('secureGpt.verifyAuditLog');
    assert.equal(result.ok, true);
  });
});
