// First: installs the fake `vscode` module before the extension modules below load it.
import { fakeVscode, fakeWebviewView, shownWarnings } from '../../../test/support/fakeVscode';
import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import type { HostToWebview, WebviewToHost } from '../../protocol/webview';
import { parseWebviewMessage } from '../../protocol/webview';
import type { Log } from '../log';
import type { ChatHandler } from './chatView';
import { ChatViewProvider } from './chatView';

/** A chat session stand-in that records what it is asked to handle. */
function recordingHandler(): ChatHandler & { handled: WebviewToHost[] } {
  const handled: WebviewToHost[] = [];
  return {
    handled,
    initialState: () => ({ type: 'init', turns: [] }) as unknown as HostToWebview,
    whenLoaded: Promise.resolve(),
    handle: (message) => {
      handled.push(message);
      return Promise.resolve();
    },
  };
}

describe('chat view before the chat session has started (it loads just after activation)', () => {
  const warnings: string[] = [];
  const log = { warn: (m: string) => warnings.push(m), error: () => undefined } as unknown as Log;

  beforeEach(() => {
    warnings.length = 0;
  });

  it('knows `ready` without the schemas, and holds other messages until the session can validate them', async () => {
    const chat = new ChatViewProvider(fakeVscode.Uri.file('/ext') as unknown as vscode.Uri, log);
    const { view, message } = fakeWebviewView();
    const page = chat.resolveWebviewView(view as vscode.WebviewView);
    message.fire({ type: 'send', text: 'typed during start-up' });
    message.fire({ type: 'ready', extra: 'not the ready message' });
    message.fire({ type: 'ready' });
    assert.equal(chat.isReady, true, '`ready` is answered before the session starts');
    const handler = recordingHandler();
    chat.setHandler(handler, parseWebviewMessage);
    await page;
    // The held send reaches the session once, validated; the look-alike `ready` is dropped as malformed.
    assert.deepEqual(handler.handled, [{ type: 'send', text: 'typed during start-up' }]);
    assert.deepEqual(warnings, ['Dropped a malformed message from the chat webview.']);
    // The page did not wait for the session (it loads after the page is set): `ready` brings its state.
    assert.doesNotMatch((view as { webview: { html: string } }).webview.html, /secure-gpt-first-state/);
    chat.dispose();
  });

  it('says when its page is shown (its first `ready`), which the heavy bundles wait for', async () => {
    const chat = new ChatViewProvider(fakeVscode.Uri.file('/ext') as unknown as vscode.Uri, log);
    let shown = false;
    void chat.whenPageShown.then(() => (shown = true));
    const { view, message } = fakeWebviewView();
    await chat.resolveWebviewView(view as vscode.WebviewView);
    await chat.whenPageSet;
    await new Promise((r) => setImmediate(r));
    assert.equal(shown, false, 'a page set is not yet a page shown');
    message.fire({ type: 'ready' });
    await chat.whenPageShown;
    assert.equal(shown, true);
    chat.dispose();
  });

  it('tells the next start whether the view is shown, as VS Code shows and hides it', async () => {
    const told: boolean[] = [];
    const chat = new ChatViewProvider(fakeVscode.Uri.file('/ext') as unknown as vscode.Uri, log, {
      rememberShown: (shown) => told.push(shown),
    });
    const { view, setVisible } = fakeWebviewView();
    await chat.resolveWebviewView(view as vscode.WebviewView);
    setVisible(false);
    setVisible(true);
    assert.deepEqual(told, [true, false, true]);
    chat.dispose();
    setVisible(false);
    assert.deepEqual(told, [true, false, true], 'nothing is told once the provider is gone');
  });

  it('sets its page once the saved turns are read, with them drawn in, without waiting for the session', async () => {
    const saved = [
      {
        id: 't1',
        question: 'What does <b>this</b> do?',
        answer: 'It bolds.',
        sent: 'What does <b>this</b> do?',
        redactions: 0,
        excluded: [],
        model: 'gpt-4o-mini',
        outcome: 'done' as const,
      },
    ];
    let read: () => void = () => undefined;
    const loaded = new Promise<void>((resolve) => (read = resolve));
    const history = { ready: () => loaded, turns: saved };
    const chat = new ChatViewProvider(fakeVscode.Uri.file('/ext') as unknown as vscode.Uri, log, {
      marks: { activated: 1 },
      history,
    });
    const { view } = fakeWebviewView();
    const page = chat.resolveWebviewView(view as vscode.WebviewView);
    const html = (): string => (view as { webview: { html: string } }).webview.html;
    assert.equal(html(), '', 'no page before the turns are read');
    read();
    await page;
    await chat.whenPageSet;
    assert.match(
      html(),
      /<article class="turn done" data-id="t1"><h3 class="question">What does &lt;b&gt;this/,
    );
    assert.doesNotMatch(html(), /secure-gpt-first-state/, 'the session had not started: no first state');
    // The load timeline's marks: the entry's, and when VS Code asked and the page was set.
    assert.match(
      html(),
      /id="secure-gpt-load-marks"[^>]*>\{"activated":1,"historyLoaded":\d+,"resolved":\d+,"htmlSet":\d+\}/,
    );
    chat.dispose();
  });

  it('sets the page in the same turn when the turns and the session are in memory, with the whole state', async () => {
    const chat = new ChatViewProvider(fakeVscode.Uri.file('/ext') as unknown as vscode.Uri, log, {
      history: { ready: () => Promise.resolve(), turns: [] },
    });
    chat.setHandler(recordingHandler(), parseWebviewMessage);
    await Promise.resolve(); // the history's and the session's `then`s, as after activation
    const { view } = fakeWebviewView();
    const page = chat.resolveWebviewView(view as vscode.WebviewView);
    // Not awaited: a busy extension host would have delayed any timer or read for seconds.
    assert.match(
      (view as { webview: { html: string } }).webview.html,
      /id="secure-gpt-first-state"[^>]*>\{"type":"init","turns":\[\]\}/,
    );
    await page;
    chat.dispose();
  });

  /** A provider whose page watch waits 20 ms, on a fake view that records every page set. */
  async function watchedView(): Promise<{
    chat: ChatViewProvider;
    pages: string[];
    fake: ReturnType<typeof fakeWebviewView>;
  }> {
    const chat = new ChatViewProvider(fakeVscode.Uri.file('/ext') as unknown as vscode.Uri, log, {
      pageWatch: { waitMs: 20, attempts: 3 },
    });
    const fake = fakeWebviewView();
    const pages: string[] = [];
    Object.defineProperty((fake.view as { webview: object }).webview, 'html', {
      get: () => pages[pages.length - 1] ?? '',
      set: (html: string) => pages.push(html),
    });
    shownWarnings.length = 0;
    await chat.resolveWebviewView(fake.view as vscode.WebviewView);
    return { chat, pages, fake };
  }

  const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

  it('sets its page again when a shown page never reports ready, then offers to reload the window', async () => {
    const { chat, pages, fake } = await watchedView();
    // Hidden, the view loads nothing: its wait does not count, and no page is set again.
    fake.setVisible(false);
    await sleep(70);
    assert.equal(pages.length, 1);
    fake.setVisible(true);
    for (let i = 0; i < 200 && shownWarnings.length === 0; i++) {
      await sleep(10);
    }
    assert.equal(pages.length, 3, 'the first page and two more');
    assert.equal(new Set(pages).size, 3, 'each page with a fresh nonce');
    assert.match(shownWarnings[0] ?? '', /did not load\. Reloading the window/);
    assert.deepEqual(
      warnings.filter((w) => w.startsWith('The chat page')),
      [
        'The chat page did not report ready within 0.02 s; setting it again (page 2).',
        'The chat page did not report ready within 0.02 s; setting it again (page 3).',
        'The chat page never reported ready; offering to reload the window.',
      ],
    );
    chat.dispose();
  });

  it('stops watching its page once it reports ready', async () => {
    const { chat, pages, fake } = await watchedView();
    fake.message.fire({ type: 'ready' });
    await sleep(100);
    assert.equal(pages.length, 1);
    assert.deepEqual(shownWarnings, []);
    assert.deepEqual(warnings, []);
    chat.dispose();
  });

  it('holds at most a bounded number of early messages', () => {
    const chat = new ChatViewProvider(fakeVscode.Uri.file('/ext') as unknown as vscode.Uri, log);
    const { view, message } = fakeWebviewView();
    void chat.resolveWebviewView(view as vscode.WebviewView);
    for (let i = 0; i < 25; i++) {
      message.fire({ type: 'send', text: `message ${i}` });
    }
    const handler = recordingHandler();
    chat.setHandler(handler, parseWebviewMessage);
    assert.equal(handler.handled.length, 20);
    assert.equal(warnings.filter((w) => w.includes('not ready yet')).length, 5);
    assert.ok(
      warnings.every((w) => !/message \d/.test(w)),
      'a dropped message is never echoed',
    );
    chat.dispose();
  });
});
