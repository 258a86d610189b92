import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { DisposableLike } from '../core/disposable';
import { DisposableStore } from '../core/disposable';
import { ChatViewProvider } from './chat/chatView';
import { settlesWithin } from './chat/firstState';
import type { LoadMarks } from '../protocol/firstState';
import { loadFeatures, loadLogScrubber } from './chunks';
import { contributedCommands, startLazily } from './lazyFeatures';
import { Log } from './log';
import { LocalData } from './records/localData';
import { FindingsStatusBar } from './statusBar';
import { publishTestHooks } from './testHooks';

/** `performance.now()` when this bundle began and ended its top-level run: lines esbuild.js puts around it. */
declare const __moduleLoadBegan: number | undefined;
declare const __moduleLoadEnded: number | undefined;

/**
 * How long the heavy bundles wait for the chat's page when VS Code does not ask for the view (it is not
 * shown). When it is shown, VS Code asks as soon as `activate` returns, well within this.
 */
const FIRST_PAGE_WAIT_MS = 1000;
/**
 * The wait when the chat was shown as the last window closed, so VS Code will ask for it: after a reload it
 * asked about 4 s after `activate` on the CI machine, and bundles loaded before then held its call back.
 */
const SHOWN_PAGE_WAIT_MS = 8000;
/** How long the bundles wait, once the page is set, for it to report `ready`. */
const PAGE_SHOWN_WAIT_MS = 3000;
/** Where the chat view's last shown state is kept (the extension's global state: no secret, one flag). */
const CHAT_SHOWN_KEY = 'secureGpt.chatShown';

// Each feature registers itself from its own module with one line below, and hands back the one owner of what it
// set up (a `Disposable` from core/disposable.ts): this is the only place that touches `context.subscriptions`.
// `activate` returns nothing: its return value is `exports`, which any installed extension can read, and nothing
// here is safe for another extension to hold (keys, conversations, history, audit, the UI). Integration tests get
// their hooks through `publishTestHooks`, which a production host never opens.
//
// What runs here is what the editor needs at once: the chat view and its first state (the history read), the log,
// the status bar. Everything else (keys, the chat session, the language client, openai, zod) is in its own bundle,
// loaded once the chat's page is set, or a second after `activate` (features.ts, chunks.ts); its commands wait
// for it, and one invoked earlier loads it at once (lazyFeatures.ts).
export function activate(context: vscode.ExtensionContext): void {
  const began = performance.now();
  // The same moments on the clock the browser shares (epoch ms), for the chat page's load timeline.
  const marks: LoadMarks = {
    hostStarted: Math.round(performance.timeOrigin),
    ...(typeof __moduleLoadBegan === 'number'
      ? { moduleLoaded: Math.round(performance.timeOrigin + __moduleLoadBegan) }
      : {}),
    activated: Date.now(),
  };
  const log = new Log();
  // One store in `context.subscriptions` holds every top-level owner, so that deactivation releases them last
  // first (VS Code disposes its list in order): the log goes last, after everything that may write to it.
  const owners = new DisposableStore();
  context.subscriptions.push(owners);
  const own = <T extends DisposableLike>(owner: T): T => owners.add(owner);
  own(log);
  try {
    // Starts reading the chat history now, so that it is in memory when the restored view asks for its page.
    const data = own(new LocalData(context, log));
    const chat = own(
      new ChatViewProvider(context.extensionUri, log, {
        marks,
        history: data.history,
        rememberShown: (shown) => void context.globalState.update(CHAT_SHOWN_KEY, shown),
      }),
    );
    own(
      vscode.window.registerWebviewViewProvider(ChatViewProvider.viewType, chat, {
        webviewOptions: { retainContextWhenHidden: true },
      }),
    );
    own(vscode.commands.registerCommand('secureGpt.showLog', () => log.show()));
    const findingsStatusBar = own(new FindingsStatusBar());
    // Loading a bundle is a synchronous require that holds the extension host for a while (seconds, after a
    // reload on a busy machine), and VS Code's call to resolve the chat view and the history read waited
    // behind it. So the bundles wait for the chat's page, or for FIRST_PAGE_WAIT_MS when the view is not
    // shown (VS Code then never asks for it), or SHOWN_PAGE_WAIT_MS when it was shown as the last window
    // closed; a command invoked meanwhile loads them at once.
    const chatShown = context.globalState.get<boolean>(CHAT_SHOWN_KEY) === true;
    // Once the page is set, until it reports `ready` (or PAGE_SHOWN_WAIT_MS): VS Code gets the page only
    // when the event loop turns, and a bundle loaded before then held the page back.
    const pageShown = Promise.race([
      chat.whenPageShown,
      chat.whenPageSet.then(() => settlesWithin(chat.whenPageShown, PAGE_SHOWN_WAIT_MS)),
    ]);
    const firstPage = settlesWithin(pageShown, chatShown ? SHOWN_PAGE_WAIT_MS : FIRST_PAGE_WAIT_MS);
    // The log holds its lines until its scrubber (the detection engine) has loaded.
    void firstPage.then(() =>
      setImmediate(
        () =>
          void loadLogScrubber().then(
            (module) => log.useScrubber(module.createLogScrubber()),
            () => log.scrubberUnavailable(),
          ),
      ),
    );
    // Last, after every command registered above: the rest of the contributed commands get stand-ins.
    const features = own(
      startLazily(log, 'the chat, keys and commands', {
        commands: contributedCommands(context),
        load: () => {
          marks.featuresLoading = Date.now();
          return loadFeatures();
        },
        start: (module) => module.startFeatures(context, log, chat, data),
        after: firstPage,
      }),
    );
    const returned = performance.now();
    const since = (): string => `${(performance.now() - began).toFixed(0)} ms after activation began`;
    const started = features.ready.then((part) => {
      marks.featuresStarted = Date.now();
      // Logged from here, not in `activate`, with the figure of the load.
      log.info(
        `Secure GPT activated in ${(returned - began).toFixed(1)} ms (VS Code ${vscode.version}); ` +
          `features loaded ${since()}.`,
      );
      part.languageClient.ready.then(
        () => log.info(`Language server ready ${since()}.`),
        () => undefined, // Already shown and logged.
      );
      return part;
    });
    started.catch(() => undefined); // Already shown and logged by `startLazily`.
    own(
      publishTestHooks(
        context,
        started.then(({ keys, languageClient, session, gateway }) => ({
          chat,
          keys,
          languageClient,
          findingsStatusBar,
          session,
          data,
          gateway,
          activation: {
            began,
            returned,
            ...(typeof __moduleLoadBegan === 'number' && typeof __moduleLoadEnded === 'number'
              ? { module: { began: __moduleLoadBegan, ended: __moduleLoadEnded } }
              : {}),
            featuresStartedAt: features.startedAt ?? NaN,
          },
        })),
      ),
    );
  } catch (error) {
    // Show, then rethrow so VS Code marks the activation failed.
    log.showError('failed to start', error);
    throw error;
  }
}

export function deactivate(): void {
  // Disposables in context.subscriptions are released by VS Code.
}
