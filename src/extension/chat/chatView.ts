import * as vscode from 'vscode';
import type { HostToWebview, WebviewToHost } from '../../protocol/webview';
import { parseWebviewMessage } from '../../protocol/webview';
import { Disposable, DisposableStore } from '../../core/disposable';
import type { Log } from '../log';
import { postWhenLoaded } from './firstState';
import { webviewHtml } from '../webviewHtml';

/** What the chat view asks of the rest of the extension; implemented by the chat session. */
export interface ChatHandler {
  /** The state the webview renders first (and after it is re-created). */
  initialState(): HostToWebview;
  /** Settles once `initialState` holds the saved turns; the first state is posted right then, not later. */
  readonly whenLoaded?: Promise<void>;
  /** A validated message from the webview other than `ready`. */
  handle(message: Exclude<WebviewToHost, { type: 'ready' }>): Promise<void>;
}

/** Hosts the chat webview view in the activity bar. Messages before it reports `ready` are superseded by its initial state. */
export class ChatViewProvider extends Disposable implements vscode.WebviewViewProvider {
  static readonly viewType = 'secureGpt.chat';

  private view: vscode.WebviewView | undefined;
  private ready = false;
  private readonly readyEmitter = this.register(new vscode.EventEmitter<void>());
  private readonly messageEmitter = this.register(new vscode.EventEmitter<WebviewToHost>());
  private readonly initEmitter = this.register(new vscode.EventEmitter<void>());
  /** The current webview's listeners: released when it goes, or when a new one replaces it. */
  private readonly viewListeners = this.register(new DisposableStore());
  /** Fires each time the first state is posted to a ready webview. */
  readonly onDidPostInitialState = this.initEmitter.event;
  private handler: ChatHandler | undefined;
  /** Fires each time a webview instance reports `ready`. */
  readonly onDidBecomeReady = this.readyEmitter.event;
  /** Fires for every valid message from the webview (tests observe the UI through it). */
  readonly onDidReceiveMessage = this.messageEmitter.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: Log,
  ) {
    super();
  }

  /** Connects the chat session; until then the view shows its empty shell. */
  setHandler(handler: ChatHandler): void {
    this.handler = handler;
    if (this.ready) {
      void this.postInitialState(handler);
    }
  }

  /**
   * Posts the handler's state as soon as its history is loaded. It waits on that and on nothing else (not
   * the language client, not the key store): a reloaded window shows its turns at once.
   */
  private async postInitialState(handler: ChatHandler): Promise<void> {
    const view = this.view;
    const posted = await postWhenLoaded(
      handler,
      (state) => this.post(state),
      () => this.handler === handler && this.view === view && this.ready,
    );
    if (posted) {
      this.initEmitter.fire();
    }
  }

  get isReady(): boolean {
    return this.ready;
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.viewListeners.clear();
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
    this.viewListeners.add(view.webview.onDidReceiveMessage((message: unknown) => this.receive(message)));
    this.viewListeners.add(
      view.onDidDispose(() => {
        if (this.view !== view) {
          return; // an older webview, whose listeners went when this one came
        }
        this.view = undefined;
        this.ready = false;
        this.viewListeners.clear();
      }),
    );
  }

  post(message: HostToWebview): void {
    // Nothing is queued while the view is not ready: the initial state it gets on `ready` already holds
    // every turn with its answer so far, so a queue (one entry per streamed token) would only be dropped.
    if (this.view && this.ready) {
      void this.view.webview.postMessage(message);
    }
  }

  private receive(raw: unknown): void {
    const message = parseWebviewMessage(raw);
    if (!message) {
      // Never echo the content: it may hold whatever the user typed.
      this.log.warn('Dropped a malformed message from the chat webview.');
      return;
    }
    this.messageEmitter.fire(message);
    if (message.type === 'ready') {
      this.ready = true;
      if (this.handler) {
        void this.postInitialState(this.handler);
      }
      this.readyEmitter.fire();
      return;
    }
    if (!this.handler) {
      this.log.warn(`Chat is not ready yet; dropped '${message.type}'.`);
      return;
    }
    this.handler.handle(message).catch((error: unknown) => {
      this.log.error(`Chat action '${message.type}' failed`, error);
    });
  }
}
