import * as vscode from 'vscode';
import type { LoadMarks } from '../../protocol/firstState';
import type { ChatTurn, HostToWebview, WebviewToHost } from '../../protocol/webview';
import type { DisposableLike } from '../../core/disposable';
import { Disposable, DisposableStore } from '../../core/disposable';
import type { Log } from '../log';
import { postWhenLoaded, settlesWithin, stateForPage } from './firstState';
import { pageTurnsHtml } from './pageTurns';
import { type PageWatchOptions, watchPage } from './pageWatch';
import { pageStylesheet, webviewHtml } from '../webviewHtml';

/** What the chat view asks of the rest of the extension; implemented by the chat session. */
export interface ChatHandler {
  /** The state the webview renders first (and after it is re-created). */
  initialState(): HostToWebview;
  /** Settles once `initialState` holds the saved turns; the first state is posted right then, not later. */
  readonly whenLoaded?: Promise<void>;
  /** A validated message from the webview other than `ready`. */
  handle(message: Exclude<WebviewToHost, { type: 'ready' }>): Promise<void>;
}

/**
 * How long the page waits for the history file before it is shown without the turns. The file is small
 * and read from activation on, so this is only reached when the disk is stalled.
 */
const PAGE_WAIT_MS = 1000;

/**
 * The turns to draw into the page: the session's when its state is there (none while an earlier chat is
 * shown: its script draws that one), else the saved turns.
 */
function pageTurns(state: HostToWebview | undefined, saved: readonly ChatTurn[]): readonly ChatTurn[] {
  if (state === undefined) {
    return saved;
  }
  return state.type === 'init' && state.viewing === undefined ? state.turns : [];
}

/** Messages held from a webview before the chat session has started (a click during start-up). */
const EARLY_MESSAGES = 20;

/** Validates a message from the webview; the chat session supplies it (protocol/webview.ts, with zod). */
export type MessageParser = (raw: unknown) => WebviewToHost | undefined;

/**
 * Whether `raw` is the webview's `ready`, checked by hand: the view is in the entry bundle, which leaves the
 * schemas (and zod) to the lazily loaded session. Same shape as the schema's: `{ type: 'ready' }`, nothing else.
 */
function isReady(raw: unknown): boolean {
  return (
    typeof raw === 'object' &&
    raw !== null &&
    !Array.isArray(raw) &&
    Object.keys(raw).length === 1 &&
    (raw as { type?: unknown }).type === 'ready'
  );
}

/** The saved turns of this workspace, read from activation on (the entry's `ChatHistory`). */
export interface SavedTurns {
  /** Resolves once `turns` holds what the file held. */
  ready(): Promise<void>;
  readonly turns: readonly ChatTurn[];
}

/** What the entry gives the view besides its folder and log. */
export interface ChatViewStart {
  /** The entry's load marks (epoch ms), filled in as the steps happen and read when the page is set. */
  readonly marks?: LoadMarks;
  /** The saved turns, drawn into the page before the chat session has started. */
  readonly history?: SavedTurns;
  /**
   * Told whether the view is shown, each time that changes: the next start reads it to know whether VS Code
   * will ask for the page at once, and holds the heavy bundles back until then (extension.ts).
   */
  readonly rememberShown?: (shown: boolean) => void;
  /** The page watch's wait and attempts (tests shorten them; see pageWatch.ts). */
  readonly pageWatch?: Pick<PageWatchOptions, 'waitMs' | 'attempts'>;
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
  private parse: MessageParser | undefined;
  /** Raw messages other than `ready` that came before the handler, handled once it is set. */
  private early: unknown[] = [];
  private pageSet: () => void = () => undefined;
  /**
   * Settles when a page was first assigned: the entry holds the heavy bundles back until then, since loading
   * them blocks the extension host, and with it VS Code's call to `resolveWebviewView` and the history read.
   */
  readonly whenPageSet = new Promise<void>((resolve) => (this.pageSet = resolve));
  private pageShown: () => void = () => undefined;
  /**
   * Settles when a page first reported `ready` (its script ran, after its turns were drawn). The page set is
   * only sent to VS Code once the extension host's event loop turns, so a bundle loaded right after it held
   * the page back by as long as the load took.
   */
  readonly whenPageShown = new Promise<void>((resolve) => (this.pageShown = resolve));
  /** The first state written into the current page, as JSON: `ready` posts the state only if it differs. */
  private embedded: string | undefined;
  /** Whether the current handler's first state holds its saved turns (its `whenLoaded` has settled). */
  private handlerLoaded = false;
  /** When the saved turns were in memory (epoch ms), for the load timeline. */
  private historyLoaded: number | undefined;
  /** Watches the page last set until it reports `ready` (pageWatch.ts); held with the view's listeners. */
  private pageWatch: DisposableLike | undefined;
  /** Fires each time a webview instance reports `ready`. */
  readonly onDidBecomeReady = this.readyEmitter.event;
  /** Fires for every valid message from the webview (tests observe the UI through it). */
  readonly onDidReceiveMessage = this.messageEmitter.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: Log,
    private readonly start: ChatViewStart = {},
  ) {
    super();
    // Read now, in `activate`, with the history: nothing is read when VS Code asks for the page.
    pageStylesheet(extensionUri);
    const { history } = start;
    if (history) {
      history.ready().then(
        () => (this.historyLoaded = Date.now()),
        () => undefined, // the session reports a failed read
      );
    }
  }

  /**
   * Connects the chat session and the parser of the webview's messages; until then the view shows its empty
   * shell, and holds what the webview sends.
   */
  setHandler(handler: ChatHandler, parse: MessageParser): void {
    this.handler = handler;
    this.parse = parse;
    this.handlerLoaded = handler.whenLoaded === undefined;
    handler.whenLoaded?.then(
      () => (this.handlerLoaded ||= this.handler === handler),
      () => undefined, // `postWhenLoaded` posts the state all the same
    );
    if (this.ready) {
      void this.postInitialState(handler);
    }
    const early = this.early;
    this.early = [];
    early.forEach((raw) => this.receive(raw));
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
      this.embedded,
    );
    if (posted) {
      this.initEmitter.fire();
    }
  }

  get isReady(): boolean {
    return this.ready;
  }

  /**
   * Sets the page as soon as the saved turns are in memory (read from activation on, in the entry), with
   * them drawn into it as static HTML: a restored view shows its turns at its first paint, before its script
   * has come through the webview resource loader, and without waiting for the chat session. When the session
   * has started (a view opened later, or moved), its whole first state goes into the page too.
   */
  async resolveWebviewView(view: vscode.WebviewView): Promise<void> {
    const resolved = Date.now();
    this.viewListeners.clear();
    this.view = view;
    this.ready = false;
    this.embedded = undefined;
    view.webview.options = {
      enableScripts: true,
      localResourceRoots: [
        vscode.Uri.joinPath(this.extensionUri, 'media'),
        vscode.Uri.joinPath(this.extensionUri, 'dist'),
      ],
    };
    this.viewListeners.add(view.webview.onDidReceiveMessage((message: unknown) => this.receive(message)));
    const { rememberShown } = this.start;
    if (rememberShown) {
      rememberShown(view.visible);
      this.viewListeners.add(view.onDidChangeVisibility(() => rememberShown(view.visible)));
    }
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
    // Answered without a turn of the event loop when the turns are in memory (the entry reads them in
    // `activate`): after a reload the extension host is busy, and any timer or read here waited seconds.
    const { history } = this.start;
    const saved =
      history !== undefined &&
      (this.historyLoaded !== undefined || (await settlesWithin(history.ready(), PAGE_WAIT_MS)));
    if (this.view !== view) {
      return;
    }
    // The session's whole state when it has it at hand; with the turns drawn, nothing waits for it (`ready`
    // brings it). Without them, the page waits for it as long as it used to.
    const state =
      this.handler && this.handlerLoaded
        ? this.handler.initialState()
        : saved
          ? undefined
          : await stateForPage(this.handler, PAGE_WAIT_MS);
    if (this.view !== view) {
      return; // disposed or resolved again meanwhile
    }
    this.embedded = state === undefined ? undefined : JSON.stringify(state);
    const marks: LoadMarks = {
      ...this.start.marks,
      ...(this.historyLoaded === undefined ? {} : { historyLoaded: this.historyLoaded }),
      resolved,
      htmlSet: Date.now(),
    };
    const setPage = (): void => {
      view.webview.html = webviewHtml(view.webview, this.extensionUri, 'Secure GPT Chat', {
        firstState: state,
        marks,
        body: pageTurnsHtml(pageTurns(state, saved ? history.turns : [])),
        css: pageStylesheet(this.extensionUri),
      });
    };
    setPage();
    this.pageSet();
    this.pageWatch = this.viewListeners.add(
      watchPage({
        isCurrent: () => this.view === view && !this.ready,
        isVisible: () => view.visible,
        setPage,
        retrying: (attempt, waited) =>
          this.log.warn(
            `The chat page did not report ready within ${waited / 1000} s; setting it again (page ${attempt}).`,
          ),
        giveUp: () => void this.offerReload(),
        ...this.start.pageWatch,
      }),
    );
  }

  /** After the last page: the window's reload is what recovers VS Code's webviews (see pageWatch.ts). */
  private async offerReload(): Promise<void> {
    this.log.warn('The chat page never reported ready; offering to reload the window.');
    const reload = 'Reload Window';
    const choice = await vscode.window.showWarningMessage(
      'The Secure GPT chat did not load. Reloading the window usually brings it back (a VS Code webview problem).',
      reload,
    );
    if (choice === reload) {
      await vscode.commands.executeCommand('workbench.action.reloadWindow');
    }
  }

  post(message: HostToWebview): void {
    // Nothing is queued while the view is not ready: the initial state it gets on `ready` already holds
    // every turn with its answer so far, so a queue (one entry per streamed token) would only be dropped.
    if (this.view && this.ready) {
      void this.view.webview.postMessage(message);
    }
  }

  private receive(raw: unknown): void {
    if (!this.parse && !isReady(raw)) {
      if (this.early.length < EARLY_MESSAGES) {
        this.early.push(raw);
      } else {
        this.log.warn('Chat is not ready yet; dropped a message from the chat webview.');
      }
      return;
    }
    const message: WebviewToHost | undefined = this.parse ? this.parse(raw) : { type: 'ready' };
    if (!message) {
      // Never echo the content: it may hold whatever the user typed.
      this.log.warn('Dropped a malformed message from the chat webview.');
      return;
    }
    this.messageEmitter.fire(message);
    if (message.type === 'ready') {
      this.ready = true;
      this.pageWatch?.dispose();
      this.pageShown();
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
