// First: installs the fake `vscode` module before the extension modules below load it.
import { fakeVscode, fakeWebviewView } from '../../../test/support/fakeVscode';
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
    // The page waited for the session and carries its first state.
    assert.match((view as { webview: { html: string } }).webview.html, /"turns":\[\]/);
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
