import { Module } from 'node:module';

/**
 * A small stand-in for the `vscode` module, for unit tests of extension classes in plain Node. It implements
 * only the event, command, status-bar and provider calls those classes make at construction, and it keeps a
 * ledger of every registration that is still live, so a test can check that `dispose()` leaves none behind.
 * Importing this module installs it: `require('vscode')` then returns the fake (nothing else is affected).
 */

type Listener<T> = (event: T) => unknown;

/** What is registered and not yet disposed: a label per listener, command, item or provider. */
const live = new Map<object, string>();

/** The labels of the registrations still live, sorted. */
export function liveRegistrations(): string[] {
  return [...live.values()].sort();
}

class Disposable {
  private released = false;
  constructor(private readonly release: () => unknown) {}
  dispose(): void {
    if (!this.released) {
      this.released = true;
      this.release();
    }
  }
}

/** A registration in the ledger until it is disposed. */
function tracked(label: string, release: () => unknown = () => undefined): Disposable {
  const handle = new Disposable(() => {
    live.delete(handle);
    release();
  });
  live.set(handle, label);
  return handle;
}

class EventEmitter<T> {
  private readonly listeners = new Map<Listener<T>, Disposable>();
  private readonly self: Disposable | undefined;

  /** `editor`: an emitter of the editor's own, which outlives the extension; only its listeners count. */
  constructor(
    private readonly label = 'EventEmitter',
    editor = false,
  ) {
    this.self = editor ? undefined : tracked(label);
  }

  readonly event = (listener: Listener<T>): Disposable => {
    const handle = tracked(`${this.label} listener`, () => this.listeners.delete(listener));
    this.listeners.set(listener, handle);
    return handle;
  };

  fire(event: T): void {
    [...this.listeners.keys()].forEach((listener) => listener(event));
  }

  /** The number of listeners attached now. */
  get listenerCount(): number {
    return this.listeners.size;
  }

  /** As in VS Code: the emitter drops its listeners. */
  dispose(): void {
    [...this.listeners.values()].forEach((handle) => handle.dispose());
    this.self?.dispose();
  }
}

/** The editor's own events: listeners attach to them, and only the listener's owner can detach them. */
export const editorEvents = {
  configuration: new EventEmitter<{ affectsConfiguration(section: string): boolean }>(
    'workspace.onDidChangeConfiguration',
    true,
  ),
  windowState: new EventEmitter<{ focused: boolean }>('window.onDidChangeWindowState', true),
  diagnostics: new EventEmitter<{ uris: unknown[] }>('languages.onDidChangeDiagnostics', true),
  closeDocument: new EventEmitter<unknown>('workspace.onDidCloseTextDocument', true),
  grantTrust: new EventEmitter<void>('workspace.onDidGrantWorkspaceTrust', true),
};

const Uri = {
  joinPath: (base: { path: string }, ...parts: string[]) => ({ path: [base.path, ...parts].join('/') }),
  file: (path: string) => ({ path, fsPath: path, scheme: 'file', toString: () => `file://${path}` }),
};

function statusBarItem(id: string): Record<string, unknown> {
  const handle = tracked(`status bar item ${id}`);
  return { show: () => undefined, hide: () => undefined, dispose: () => handle.dispose() };
}

/** A webview view whose listeners land in the ledger, and which can be closed like the user closes it. */
export function fakeWebviewView(): {
  view: unknown;
  close(): void;
  setVisible: (visible: boolean) => void;
  message: EventEmitter<unknown>;
} {
  const message = new EventEmitter<unknown>('webview.onDidReceiveMessage', true);
  const disposed = new EventEmitter<void>('view.onDidDispose', true);
  const visibility = new EventEmitter<void>('view.onDidChangeVisibility', true);
  const view = {
    visible: true,
    onDidChangeVisibility: visibility.event,
    webview: {
      options: {},
      html: '',
      cspSource: 'vscode-resource:',
      asWebviewUri: (uri: unknown) => uri,
      onDidReceiveMessage: message.event,
      postMessage: () => Promise.resolve(true),
    },
    onDidDispose: disposed.event,
  };
  return {
    view,
    message,
    close: () => {
      disposed.fire();
    },
    setVisible: (visible: boolean) => {
      view.visible = visible;
      visibility.fire();
    },
  };
}

/** The commands registered and not yet disposed, by id: as in VS Code, an id is registered once at a time. */
const commands = new Map<string, (...args: unknown[]) => unknown>();

/** The error notifications shown, in order; a test may clear it. */
export const shownErrors: string[] = [];
/** The warning notifications shown, in order; a test may clear it. */
export const shownWarnings: string[] = [];

/** What reached the output channels, as `level: text`, in order; a test may clear it. */
export const channelLines: string[] = [];

/** An output channel that records its writes in `channelLines`. */
function outputChannel(name: string): Record<string, unknown> {
  const handle = tracked(`output channel ${name}`);
  const record =
    (level: string) =>
    (value: string | Error): void => {
      channelLines.push(`${level}: ${typeof value === 'string' ? value : value.message}`);
    };
  return {
    name,
    logLevel: 2,
    onDidChangeLogLevel: () => new Disposable(() => undefined),
    ...Object.fromEntries(
      ['trace', 'debug', 'info', 'warn', 'error', 'append', 'appendLine', 'replace'].map((l) => [
        l,
        record(l),
      ]),
    ),
    clear: () => undefined,
    show: () => undefined,
    hide: () => undefined,
    dispose: () => handle.dispose(),
  };
}

export const fakeVscode = {
  Disposable,
  EventEmitter,
  Uri,
  ThemeColor: class {
    constructor(readonly id: string) {}
  },
  StatusBarAlignment: { Left: 1, Right: 2 },
  version: 'fake',
  workspace: {
    isTrusted: true,
    onDidChangeConfiguration: editorEvents.configuration.event,
    onDidCloseTextDocument: editorEvents.closeDocument.event,
    onDidGrantWorkspaceTrust: editorEvents.grantTrust.event,
    getConfiguration: () => ({ get: <T>(_key: string, fallback: T) => fallback, inspect: () => undefined }),
    registerTextDocumentContentProvider: (scheme: string) => tracked(`content provider ${scheme}`),
  },
  window: {
    createOutputChannel: (name: string) => outputChannel(name),
    showErrorMessage: (message: string) => {
      shownErrors.push(message);
      return Promise.resolve(undefined);
    },
    showWarningMessage: (message: string) => {
      shownWarnings.push(message);
      return Promise.resolve(undefined);
    },
    onDidChangeWindowState: editorEvents.windowState.event,
    createStatusBarItem: (id: string) => statusBarItem(id),
  },
  languages: {
    onDidChangeDiagnostics: editorEvents.diagnostics.event,
    getDiagnostics: () => [],
  },
  commands: {
    registerCommand: (id: string, handler: (...args: unknown[]) => unknown = () => undefined) => {
      if (commands.has(id)) {
        throw new Error(`command '${id}' already exists`);
      }
      commands.set(id, handler);
      return tracked(`command ${id}`, () => commands.delete(id));
    },
    /** Runs the handler registered for `id`; an id nothing registered (`setContext`) answers undefined. */
    executeCommand: (id: string, ...args: unknown[]) => Promise.resolve(commands.get(id)?.(...args)),
  },
};

type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;
const loader = Module as unknown as { _load: Loader };
const load = loader._load;
loader._load = function (this: unknown, request: string, parent: unknown, isMain: boolean) {
  return request === 'vscode' ? fakeVscode : load.call(this, request, parent, isMain);
};
