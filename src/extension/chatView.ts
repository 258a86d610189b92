import * as vscode from 'vscode';
import type { HostToWebview } from '../protocol/webview';
import { isWebviewToHost } from '../protocol/webview';
import type { Log } from './log';
import { webviewHtml } from './webviewHtml';

/** Hosts the chat webview view in the activity bar. Messages to it wait until it reports `ready`. */
export class ChatViewProvider implements vscode.WebviewViewProvider {
  static readonly viewType = 'secureGpt.chat';

  private view: vscode.WebviewView | undefined;
  private ready = false;
  private readonly pending: HostToWebview[] = [];
  private readonly readyEmitter = new vscode.EventEmitter<void>();
  /** Fires each time a webview instance reports `ready`. */
  readonly onDidBecomeReady = this.readyEmitter.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: Log,
  ) {}

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    this.ready = false;
    view.webview.options = {
      enableScripts: true,
      localResourceRoots: [
        vscode.Uri.joinPath(this.extensionUri, 'media'),
        vscode.Uri.joinPath(this.extensionUri, 'dist'),
      ],
    };
    view.webview.html = webviewHtml(view.webview, this.extensionUri, 'Secure GPT Chat');
    view.webview.onDidReceiveMessage((message: unknown) => this.receive(message));
    view.onDidDispose(() => {
      this.view = undefined;
      this.ready = false;
    });
  }

  post(message: HostToWebview): void {
    if (this.view && this.ready) {
      void this.view.webview.postMessage(message);
    } else {
      this.pending.push(message);
    }
  }

  private receive(message: unknown): void {
    if (!isWebviewToHost(message)) {
      this.log.warn('Dropped a malformed message from the chat webview.');
      return;
    }
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.log.debug('Chat webview ready.');
        for (const queued of this.pending.splice(0)) {
          this.post(queued);
        }
        this.readyEmitter.fire();
        break;
    }
  }

  dispose(): void {
    this.readyEmitter.dispose();
  }
}
