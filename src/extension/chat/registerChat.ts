import * as vscode from 'vscode';
import type { DisposableLike } from '../../core/disposable';
import { DisposableStore } from '../../core/disposable';
import type { ChatViewProvider } from './chatView';
import type { KeyAccess } from '../keys/keyAccess';
import type { Log } from '../log';
import type { LocalData } from '../records/localData';
import { registerChatActions } from './actions';
import { ChatPanel } from './chatPanel';
import { ChatSession } from './chatSession';
import { registerProposedContent } from './answerActions';
import { createEndpointAccess } from './endpointAccessImpl';
import { previewRequest, registerPreviewContent } from './preview';
import { ProfileWatch } from './profileWatch';
import { currentSettings } from './settingsReader';
import { parseWebviewMessage } from '../../protocol/webview';

/** What `registerChat` hands back: the session (for the test hooks), and the one owner of all it set up. */
export interface ChatRegistration extends DisposableLike {
  readonly session: ChatSession;
}

/** Wires the chat session to the view, the palette actions and the preview; the caller owns the result. */
export function registerChat(
  secrets: vscode.SecretStorage,
  view: ChatViewProvider,
  keys: KeyAccess,
  data: LocalData,
  log: Log,
): ChatRegistration {
  // Bad values fall back to safe defaults; say so once at start and after each change, not per request.
  const reportBadSettings = (): void => {
    const { problems } = currentSettings();
    if (problems.length > 0) {
      problems.forEach((p) => log.warn(p.message));
      void vscode.window
        .showWarningMessage(`Secure GPT: ${problems.map((p) => p.message).join(' ')}`, 'Open Settings')
        .then((choice) => {
          if (choice) {
            void vscode.commands.executeCommand(
              'workbench.action.openSettings',
              problems[0]?.key ?? 'secureGpt',
            );
          }
        });
    }
  };
  reportBadSettings();
  const endpoint = createEndpointAccess(keys, log);
  const session = new ChatSession(view, endpoint, data, log);
  const profile = new ProfileWatch(keys, secrets, log);
  const panel = new ChatPanel(session, view, profile, data.historyDir, log);
  view.setHandler(panel, parseWebviewMessage);
  let answering = false;
  const owner = DisposableStore.of(
    session,
    profile,
    panel,
    registerProposedContent(),
    registerPreviewContent(),
    registerChatActions(
      session,
      previewRequest(endpoint, () => session.chat.currentConversation),
    ),
    vscode.commands.registerCommand('secureGpt.clearHistory', () => panel.clearAll()),
    vscode.commands.registerCommand('secureGpt.newChat', () => panel.newChat()),
    // Stop (title bar, Escape in the chat) shows only while an answer streams; set on change, not per token.
    session.onDidUpdate((turn) => {
      const streaming = turn.outcome === 'streaming';
      if (streaming !== answering) {
        answering = streaming;
        void vscode.commands.executeCommand('setContext', 'secureGpt.answering', streaming);
      }
    }),
    // A purge must also forget the turns and conversation held in memory, or the next request writes them back.
    data.onWillPurge(() => panel.clearAll()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('secureGpt')) {
        reportBadSettings();
        session.configure();
        view.post(panel.initialState());
      }
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => view.post(panel.initialState())),
    // The picker follows the active profile's `/models` once it answers.
    endpoint.onDidChangeModels(() => view.post(panel.initialState())),
  );
  return { session, dispose: () => owner.dispose() };
}
