// First: installs the fake `vscode` module before the extension modules below load it.
import { editorEvents, fakeVscode, fakeWebviewView, liveRegistrations } from '../../test/support/fakeVscode';
import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import type { ChatSession } from './chat/chatSession';
import { registerChatActions } from './chat/actions';
import { ChatViewProvider } from './chat/chatView';
import { registerPreviewContent } from './chat/preview';
import { ProfileWatch } from './chat/profileWatch';
import type { KeyAccess } from './keys/keyAccess';
import type { Log } from './log';
import type { LocalData } from './records/localData';
import { registerUsageStatus } from './records/usageStatus';
import { FindingsStatusBar } from './statusBar';

const log = { info: () => undefined, warn: () => undefined, error: () => undefined } as unknown as Log;

/** Lets the refreshes the constructors start settle, so none lands after the check. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('extension lifecycle: every listener has an owner that releases it', () => {
  beforeEach(() => {
    assert.deepEqual(liveRegistrations(), [], 'an earlier test left registrations behind');
  });

  it('the findings status bar releases its diagnostics listener, item and emitter', () => {
    const bar = new FindingsStatusBar();
    const outside = bar.onDidChange(() => undefined);
    assert.deepEqual(liveRegistrations(), [
      'EventEmitter',
      'EventEmitter listener',
      'languages.onDidChangeDiagnostics listener',
      'status bar item secureGpt.findings',
    ]);
    bar.dispose();
    assert.deepEqual(liveRegistrations(), []);
    assert.equal(bar.isDisposed, true);
    outside.dispose(); // already released with the emitter; harmless
  });

  it('the profile watch releases the key, secret, settings and window listeners', async () => {
    const keyListeners = new Set<() => void>();
    const secretsChanged = new fakeVscode.EventEmitter<unknown>('secrets.onDidChange', true);
    const keys = {
      activeProfile: () => ({ name: 'default', kind: 'dry-run' }),
      keySource: () => Promise.resolve('none'),
      onDidChangeKeys: (listener: () => void) => {
        keyListeners.add(listener);
        return () => keyListeners.delete(listener);
      },
    } as unknown as KeyAccess;
    const watch = new ProfileWatch(
      keys,
      { onDidChange: secretsChanged.event } as unknown as vscode.SecretStorage,
      log,
    );
    await settle();
    assert.equal(keyListeners.size, 1);
    assert.equal(liveRegistrations().length, 4); // its emitter, and the secret, settings and window listeners
    watch.dispose();
    assert.equal(keyListeners.size, 0);
    assert.deepEqual(liveRegistrations(), []);
    // Nothing answers an editor event any more.
    editorEvents.windowState.fire({ focused: true });
    assert.equal(editorEvents.windowState.listenerCount, 0);
  });

  it("the chat view releases each webview's listeners when it goes, and its emitters on dispose", () => {
    const chat = new ChatViewProvider(fakeVscode.Uri.file('/ext') as unknown as vscode.Uri, log);
    const first = fakeWebviewView();
    void chat.resolveWebviewView(first.view as vscode.WebviewView);
    assert.equal(first.message.listenerCount, 1);
    // VS Code re-creates the view (moved to another container): the old one's listener goes with it.
    const second = fakeWebviewView();
    void chat.resolveWebviewView(second.view as vscode.WebviewView);
    assert.equal(first.message.listenerCount, 0);
    assert.equal(second.message.listenerCount, 1);
    first.close(); // a late close of the old view does not touch the new one
    assert.equal(second.message.listenerCount, 1);
    second.close();
    assert.equal(second.message.listenerCount, 0);
    assert.deepEqual(liveRegistrations(), ['EventEmitter', 'EventEmitter', 'EventEmitter']);
    const third = fakeWebviewView();
    void chat.resolveWebviewView(third.view as vscode.WebviewView);
    chat.dispose();
    assert.equal(third.message.listenerCount, 0);
    assert.deepEqual(liveRegistrations(), []);
  });

  it('the registering functions hand back one owner of their commands, providers and listeners', async () => {
    const usageChanged = new fakeVscode.EventEmitter<void>('LocalData.onDidChange', true);
    const data = {
      usage: { tokensToday: () => Promise.resolve(0) },
      onDidChange: usageChanged.event,
    } as unknown as LocalData;
    const owners = [
      registerUsageStatus(data),
      registerPreviewContent(),
      registerChatActions({} as ChatSession, () => Promise.resolve(undefined)),
    ];
    await settle();
    const registered = liveRegistrations();
    assert.ok(registered.includes('command secureGpt.previewOutgoingRequest'), registered.join(', '));
    assert.ok(registered.includes('content provider secure-gpt-preview'), registered.join(', '));
    assert.ok(registered.includes('workspace.onDidCloseTextDocument listener'), registered.join(', '));
    assert.equal(usageChanged.listenerCount, 1);
    owners.forEach((owner) => owner.dispose());
    assert.deepEqual(liveRegistrations(), []);
    assert.equal(usageChanged.listenerCount, 0);
  });
});
