#!/usr/bin/env node
// End-to-end test of the chat panel in the real VS Code 1.100.3 web workbench (code-server) in headless Chromium,
// driven the way a user drives it: open the chat from the command palette, type a message holding a generated
// GitHub token, watch the answer stream in, start a second answer and press Stop, open the "sent" disclosure. The
// loopback fake OpenAI server records what left the machine. Then the first run's editor half (firstRunEditor.js):
// a pasted key flagged, right-click Secure GPT > Ask about Selection…, Insert, a profile added and used, a reload.
// Saves screenshots to test-results/ (chat-e2e.png, chat-welcome.png, context-menu.png).
//
// Usage: node test/e2e/chat.e2e.js [--update-screenshot]   (after `npm run build` and `npm run compile-tests`)
//   --update-screenshot also copies them to media/screenshots/ (chat, welcome, contextMenu), which the README shows.
// Exit: 0 green, 1 a check failed, 2 watchdog timeout (E2E_TIMEOUT_MS, default 240000), 3 harness error.
// The last line is `N passed, N failed`. VERBOSE=1 prints code-server's output as it comes.
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { root } = require('../support/codeServerHost');
const wb = require('./workbench');
const { firstRunChecks } = require('./firstRun');
const { editorChecks, reloadWithHistory } = require('./firstRunEditor');
const { searchBrowserSide } = require('./browserLeak');

const out = path.join(root, 'out');
const required = [
  'dist/extension.js',
  'dist/webview.js',
  'out/test/support/fakeOpenAi.js',
  'out/src/core/detect/checksum.js',
  'out/src/core/detect/random.js',
];
for (const file of required) {
  if (!fs.existsSync(path.join(root, file))) {
    console.error(`[e2e] ${file} is missing: run npm run build && npm run compile-tests first`);
    process.exit(3);
  }
}
const { FakeOpenAi } = require(path.join(out, 'test/support/fakeOpenAi.js'));
const { githubToken } = require(path.join(out, 'src/core/detect/checksum.js'));
const { ALNUM, randomToken } = require(path.join(out, 'src/core/detect/random.js'));

const extensionId = 'secure-gpt-dev.secure-gpt';
const placeholder = '‹secret:github-pat#1›';
const artifact = path.join(root, 'test-results', 'chat-e2e.png');
const failureShot = path.join(root, 'test-results', 'chat-e2e-failure.png');
const readmeShot = path.join(root, 'media', 'screenshots', 'chat.png');
const welcomeShot = path.join(root, 'test-results', 'chat-welcome.png');
const readmeWelcomeShot = path.join(root, 'media', 'screenshots', 'welcome.png');
const contextMenuShot = path.join(root, 'test-results', 'context-menu.png');
const readmeContextMenuShot = path.join(root, 'media', 'screenshots', 'contextMenu.png');
const verbose = Boolean(process.env.VERBOSE);
const t0 = Date.now();
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

// Generated per run, never written down: the test shows that it reaches neither the server nor the screen.
const token = githubToken('ghp', randomToken(ALNUM, 30));
// A second one, pasted into a file: VS Code's own backup of the unsaved file may hold it, so the browser-side
// search looks for the chat's key only.
const editorToken = githubToken('ghp', randomToken(ALNUM, 30));
/** Everything this script prints goes through here, so not even an error message can carry a key. */
const clean = (text) =>
  String(text).split(token).join('‹the generated key›').split(editorToken).join('‹the pasted key›');
const say = (text) => console.log(clean(`[e2e] ${text}`));

const question = `Why does GitHub answer 401 to this client?\nconst octokit = new Octokit({ auth: "${token}" });`;
const firstAnswer = [
  'A 401 means GitHub rejected the token. ',
  `Check that \`${placeholder}\` is not expired or revoked, `,
  'and read it from the environment instead of the source:\n\n',
  '```ts\n',
  'const auth = process.env.GITHUB_TOKEN;\n',
  'const octokit = new Octokit({ auth });\n',
  '```\n',
];
const slowAnswer = ['Start ', 'with ', 'a ', 'test ', 'that ', 'mocks ', 'the ', 'GitHub ', 'API, ', 'then…'];

const results = [];
const serverLog = [];
let workbench;
let server;
let secondServer;

async function check(name, action) {
  const started = Date.now();
  try {
    await action();
    results.push({ name, ok: true });
    say(`ok   ${name} (${seconds(Date.now() - started)})`);
  } catch (error) {
    if (finished) {
      throw new Stop(); // the watchdog ended the run: the page is gone, and that is reported already
    }
    results.push({ name, ok: false });
    say(`FAIL ${name}: ${error instanceof Error ? error.message : String(error)}`);
    throw new Stop();
  }
}
class Stop extends Error {}

/** The turn nodes' state as the webview shows it: class, question, answer text, meta line. */
function turnsIn(frame) {
  return frame.$$eval('.turn', (nodes) =>
    nodes.map((n) => ({
      className: n.className,
      question: n.querySelector('.question')?.textContent ?? '',
      answer: n.querySelector('.answer')?.textContent ?? '',
      meta: n.querySelector('.meta')?.textContent ?? '',
    })),
  );
}

/** Resolves when turn `index` is streaming with `words` or more words of its answer shown, but not all of it. */
function partialAnswer(frame, index, full, words = 1) {
  return frame.waitForFunction(
    ([i, whole, least]) => {
      const turn = document.querySelectorAll('.turn')[i];
      const text = (turn?.querySelector('.answer')?.textContent ?? '').trim();
      return (
        turn?.classList.contains('streaming') && text.split(/\s+/).length >= least && text !== whole.trim()
      );
    },
    [index, full, words],
    { polling: 'raf' },
  );
}

async function send(frame, text) {
  const input = frame.locator('textarea.input');
  await input.click();
  // Shift+Enter is a new line in the composer, Enter sends.
  const lines = text.split('\n');
  for (const [i, line] of lines.entries()) {
    await input.pressSequentially(line);
    if (i < lines.length - 1) {
      await input.press('Shift+Enter');
    }
  }
  await input.press('Enter');
}

async function scenario() {
  let frame;
  await check('the chat view opens from the command palette', async () => {
    await wb.activityBarEntry(workbench.page, 'Secure GPT');
    // The file the conversation is about, so the screenshot shows the chat beside the code.
    await wb.openFile(workbench.page, 'client.js', 'fetchStatus');
    await wb.runCommand(workbench.page, 'Secure GPT: Open Chat');
    await wb.widenSideBar(workbench.page, 160);
    frame = await wb.webviewFrame(workbench.page, extensionId, 'textarea.input');
    // The host's `init` fills the model picker: the webview and the extension are talking.
    await frame.locator('select.model option').first().waitFor({ state: 'attached' });
  });

  await firstRunChecks({
    check,
    frame,
    page: workbench.page,
    runCommand: wb.runCommand,
    send,
    question,
    placeholder,
    token,
    shots: { welcome: welcomeShot },
  });

  const full = firstAnswer.join('');
  await check('a typed message streams its answer into the chat', async () => {
    server.enqueue({ kind: 'ok', chunks: firstAnswer, chunkDelayMs: 150 }, { path: '/chat/completions' });
    await send(frame, question);
    await partialAnswer(frame, 0, full);
    await frame.locator('.turn.done').first().waitFor();
    const [turn] = await turnsIn(frame);
    assert(turn.answer.includes('A 401 means GitHub rejected the token.'), `answer shown: ${turn.answer}`);
    assert(turn.answer.includes(placeholder), 'the answer shows the placeholder as a placeholder');
    await frame.locator('.turn.done .answer pre code').waitFor();
    await frame.locator('.turn.done .code-actions button', { hasText: 'Insert at cursor' }).waitFor();
  });

  await check('the question is shown redacted: the placeholder, not the key', async () => {
    const [turn] = await turnsIn(frame);
    assert(turn.question.includes(placeholder), `question shown: ${turn.question}`);
    assert(
      turn.question.startsWith('Why does GitHub answer 401'),
      `the heading is the question: ${turn.question}`,
    );
    assert(!turn.question.includes(token), 'the key is on screen');
  });

  await check('Stop ends a streaming answer and keeps what arrived', async () => {
    server.enqueue({ kind: 'ok', chunks: slowAnswer, chunkDelayMs: 400 }, { path: '/chat/completions' });
    await send(frame, 'How would I test this without a real token?');
    await partialAnswer(frame, 1, slowAnswer.join(''), 4);
    await frame.locator('button.danger', { hasText: 'Stop' }).click();
    await frame.locator('.turn.stopped').waitFor();
    const turn = (await turnsIn(frame))[1];
    assert(turn.answer.trim().startsWith('Start'), `partial answer kept: ${turn.answer}`);
    assert(
      turn.answer.trim().length < slowAnswer.join('').length,
      'the whole answer arrived: nothing was stopped',
    );
    assert(turn.meta.includes('stopped'), `meta line: ${turn.meta}`);
    await frame.locator('button.primary', { hasText: 'Send' }).waitFor();
  });

  await check('the "sent" disclosure shows the exact redacted payload', async () => {
    const sent = frame.locator('.turn').first().locator('details.sent');
    await sent.locator('summary').click();
    await frame.locator('.turn:first-child details.sent[open] .payload').waitFor();
    const summary = await sent.locator('summary').textContent();
    const payload = await sent.locator('.payload').textContent();
    assert(summary.includes('1 redaction'), `summary: ${summary}`);
    assert(payload.includes(placeholder), `payload shown: ${payload}`);
    assert(payload.includes('Why does GitHub answer 401'), 'the payload holds the question');
    assert(!payload.includes(token), 'the payload shows the key');
  });

  await check('the loopback server never received the key', async () => {
    const chats = server.requestsTo('/chat/completions');
    assert(chats.length === 2, `${chats.length} chat requests, expected 2`);
    assert(chats[0].rawBody.includes(placeholder), 'the first request carries the placeholder');
    for (const request of server.requests) {
      assert(!request.rawBody.includes(token), `the key left the machine in ${request.path}`);
      assert(
        !JSON.stringify(request.headers).includes(token),
        `the key was in the headers of ${request.path}`,
      );
    }
  });

  await check('the key is nowhere in the workbench or the webview', async () => {
    for (const f of workbench.page.frames()) {
      const html = await f.evaluate(() => document.documentElement.outerHTML).catch(() => '');
      assert(!html.includes(token), `frame ${f.url().slice(0, 60)} holds the key`);
    }
    const typed = await frame.locator('textarea.input').inputValue();
    assert(!typed.includes(token), 'the composer still holds the key');
  });

  await check('a screenshot of the chat is saved', async () => {
    await frame.locator('.turn:first-child details.sent[open]').scrollIntoViewIfNeeded();
    fs.mkdirSync(path.dirname(artifact), { recursive: true });
    await workbench.page.screenshot({ path: artifact });
    assert(fs.statSync(artifact).size > 10_000, 'the screenshot is (nearly) empty');
    if (process.argv.includes('--update-screenshot')) {
      fs.mkdirSync(path.dirname(readmeShot), { recursive: true });
      fs.copyFileSync(artifact, readmeShot);
      fs.copyFileSync(welcomeShot, readmeWelcomeShot);
      say(`copied to ${path.relative(root, readmeShot)} and ${path.relative(root, readmeWelcomeShot)}`);
    }
  });

  const lastQuestion = await editorChecks({
    check,
    page: workbench.page,
    frame,
    runCommand: wb.runCommand,
    send,
    server,
    secondServer,
    editorToken,
    shots: { contextMenu: contextMenuShot },
  });
  if (process.argv.includes('--update-screenshot')) {
    fs.copyFileSync(contextMenuShot, readmeContextMenuShot);
    say(`copied to ${path.relative(root, readmeContextMenuShot)}`);
  }
  await reloadWithHistory({
    check,
    page: workbench.page,
    browser: workbench.browser,
    runCommand: wb.runCommand,
    webviewFrame: wb.webviewFrame,
    lastQuestion,
    say,
  });
}

// Kept the last step: it closes the browser.
async function browserSide() {
  await check(
    'the key is nowhere in what the browser stored (IndexedDB, Local/Session Storage, webview state)',
    async () => {
      const { searched, hits, stores } = await searchBrowserSide(workbench, { 'the key': token });
      assert(
        stores.includes('IndexedDB'),
        `the browser kept no IndexedDB (stores: ${stores.join(', ') || 'none'})`,
      );
      assert(searched > 20, `only ${searched} files searched`);
      assert(hits.length === 0, `found ${hits.join('; ')}`);
      say(`browser side: ${searched} files searched (${stores.join(', ')})`);
    },
  );
}

function assert(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

let finished = false;
async function finish(code, reason) {
  if (finished) {
    return;
  }
  finished = true;
  if (reason) {
    console.error(clean(`[e2e] ${reason}`));
  }
  if (code > 1 && !verbose && serverLog.length > 0) {
    console.error(clean(`[e2e] code-server output:\n${serverLog.join('')}`));
  }
  if (code !== 0 && workbench?.page) {
    // What the workbench showed when it went wrong: the first thing to look at.
    fs.mkdirSync(path.dirname(failureShot), { recursive: true });
    await wb.settle(workbench.page.screenshot({ path: failureShot }), 5000);
    say(`failure screenshot: ${path.relative(root, failureShot)}`);
  }
  await wb.settle(workbench?.close(), 15_000);
  await wb.settle(server?.stop(), 2000);
  await wb.settle(secondServer?.stop(), 2000);
  const passed = results.filter((r) => r.ok).length;
  // A run that ends red without a failed check (timeout, harness error) still reports one failure.
  const failed = Math.max(results.length - passed, code === 0 ? 0 : 1);
  say(
    `${seconds(Date.now() - t0)} in all${code === 0 ? `; screenshot: ${path.relative(root, artifact)}` : ''}`,
  );
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(code);
}

async function main() {
  const timeoutMs = Number(process.env.E2E_TIMEOUT_MS || 240_000);
  setTimeout(() => void finish(2, `TIMEOUT: not done within ${timeoutMs} ms`), timeoutMs).unref();
  process.on('SIGINT', () => void finish(130, 'interrupted'));
  process.on('SIGTERM', () => void finish(143, 'terminated'));
  process.on('unhandledRejection', (error) => void finish(3, `unhandled: ${error?.stack || error}`));

  const install = spawnSync(path.join(root, 'test', 'support', 'codeServer.sh'), [], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  if (install.status !== 0) {
    return finish(3, 'code-server could not be installed (test/support/codeServer.sh)');
  }
  const entry = install.stdout.trim().split('\n').pop();

  // A red run must not leave the last green run's screenshot looking like its own.
  fs.rmSync(artifact, { force: true });
  fs.rmSync(failureShot, { force: true });
  fs.rmSync(welcomeShot, { force: true });
  fs.rmSync(contextMenuShot, { force: true });
  server = await new FakeOpenAi().start();
  // The server of the profile the run adds, with models of its own so the picker shows where its list came from.
  secondServer = await new FakeOpenAi().start();
  secondServer.models = ['local-coder-7b', 'local-chat-3b'];
  workbench = await wb.openWorkbench({
    entry,
    workspace: path.join(root, 'test', 'fixtures', 'workspace'),
    viewport: { width: 1280, height: 800 },
    settings: {
      'secureGpt.profiles': [{ name: 'loopback', kind: 'compatible', baseUrl: server.url }],
      'secureGpt.profile': 'loopback',
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'extensions.ignoreRecommendations': true,
    },
    onLog: (text) => (verbose ? process.stdout.write(clean(`[server] ${text}`)) : serverLog.push(text)),
  });
  say(`workbench up after ${seconds(Date.now() - t0)}`);
  try {
    await scenario();
    await browserSide();
  } catch (error) {
    if (!(error instanceof Stop)) {
      throw error;
    }
    return finish(1);
  }
  return finish(0);
}

main().catch((error) => void finish(3, `ERROR ${error instanceof Error ? error.stack : String(error)}`));
