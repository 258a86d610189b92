import * as vscode from 'vscode';
import type { ChatOutput, ChatQuestion, RequestSetup } from '../../core/chat/chat';
import { Chat } from '../../core/chat/chat';
import type { AuditEntry } from '../../core/audit/auditRecord';
import { RateLimiter } from '../../core/limits/rateLimiter';
import { buildPipeline, rateLimitsOf } from '../../core/pipeline/buildPipeline';
import type { RunResult } from '../../core/pipeline/pipeline';
import type { RestoreUi } from '../../core/restore/restorePolicy';
import { Disposable } from '../../core/disposable';
import type { ChatTurn, HostToWebview, WebviewToHost } from '../../protocol/webview';
import type { ChatHandler, ChatViewProvider } from './chatView';
import type { Log } from '../log';
import type { LocalData } from '../records/localData';
import { handleCodeAction, openLinkAfterConfirm } from './answerActions';
import { decideInModal } from './decisionUi';
import type { EndpointAccess } from './endpointAccess';
import { showFailure } from './failureNotice';
import { vscodeFailureUi } from './failureNoticeUi';
import { workspaceEnvValues } from './knownValues';
import { modalRestoreUi } from './restoreUi';
import { currentSettings } from './settingsReader';

const RESTRICTED =
  'This workspace is in Restricted Mode: Secure GPT does not send workspace content to a model until you trust it. Secret warnings still run.';

/** The chat's editor side: the webview, settings, trust and dialogs over the core `Chat` state machine. */
export class ChatSession extends Disposable implements ChatHandler {
  private model: string | undefined;
  /** The state machine: busy, stop, New Chat, and the conversation the preview and code actions read. */
  readonly chat: Chat;
  private readonly limiter: RateLimiter;
  private readonly updated = this.register(new vscode.EventEmitter<ChatTurn>());
  /** Fires whenever a turn starts, grows or ends (the status of a request, for tests and views). */
  readonly onDidUpdate = this.updated.event;
  /** Settles once the saved history is read: the view's first state waits for it, and nothing else. */
  readonly whenLoaded: Promise<void>;

  constructor(
    view: ChatViewProvider,
    private readonly endpoint: EndpointAccess,
    private readonly data: LocalData,
    private readonly log: Log,
    private readonly restoreUi: RestoreUi = modalRestoreUi,
  ) {
    super();
    this.limiter = new RateLimiter(rateLimitsOf(currentSettings().settings));
    this.whenLoaded = data.history.ready();
    const output: ChatOutput = {
      post: (message) => view.post(message),
      updated: (turn) => this.updated.fire(turn),
      saveFailed: (e) => log.error('Could not save chat history', e),
    };
    const withProvider = endpoint.withProvider.bind(endpoint);
    this.chat = this.register(new Chat({ store: data.history, output, withProvider, decide: decideInModal }));
  }

  /** Re-reads limits after a settings change. */
  configure(): void {
    this.limiter.configure(rateLimitsOf(currentSettings().settings));
  }

  initialState(): HostToWebview {
    const { models, model } = this.endpoint.models(this.model);
    return {
      type: 'init',
      profile: this.endpoint.active().profile,
      models,
      model,
      turns: this.data.history.turns,
      ...(vscode.workspace.isTrusted ? {} : { disabledReason: RESTRICTED }),
    };
  }

  async handle(message: Exclude<WebviewToHost, { type: 'ready' }>): Promise<void> {
    switch (message.type) {
      case 'send':
        await this.ask({ prompt: message.text });
        return;
      case 'stop':
        return this.chat.stop();
      case 'setModel':
        this.model = message.model;
        return;
      case 'clearHistory':
        return this.clear();
      case 'openLink':
        await openLinkAfterConfirm(message.url);
        return;
      case 'copyCode':
      case 'insertCode':
      case 'applyCode':
        // Issue 10: through the restore policy (references by default, never the key).
        return handleCodeAction(message, {
          map: this.chat.currentConversation.map,
          enabled: currentSettings().settings['redaction.restoreOnInsert'],
          ui: this.restoreUi,
        });
    }
  }

  /** Sends one request through the pipeline and streams the answer into the chat. */
  async ask(input: ChatQuestion): Promise<RunResult | undefined> {
    await this.whenLoaded;
    if (!vscode.workspace.isTrusted && (input.attachments?.length ?? 0) > 0) {
      void vscode.window.showWarningMessage(RESTRICTED);
      return undefined;
    }
    const profile = this.endpoint.active().profile;
    const outcome = await this.chat.ask(input, () => this.setup(profile));
    switch (outcome.kind) {
      case 'busy':
        void vscode.window.showInformationMessage('Secure GPT is still answering. Stop it first, or wait.');
        return undefined;
      case 'failed':
        this.log.showError('the request failed', outcome.error);
        return undefined;
      case 'ran':
        if (outcome.result.failure?.kind === 'auth') {
          // A rejected key: the notice's button sets a new one for the profile that was rejected.
          void showFailure(vscodeFailureUi(this.log), outcome.result.failure.message, 'auth', profile);
        }
        return outcome.result;
    }
  }

  /** One request's pipeline and model, from the settings and `.env` values as they are now. */
  private async setup(profile: string): Promise<RequestSetup> {
    const { settings, problems } = currentSettings();
    problems.forEach((p) => this.log.warn(p.message));
    const model = await this.endpoint.model(this.model);
    const known = await workspaceEnvValues(this.log);
    // Issue 6: the same audit records feed the log at info level.
    const { usage, audit } = this.data;
    const stores = { limiter: this.limiter, usage, audit, onAudit: (e: AuditEntry) => this.data.appended(e) };
    return { pipeline: buildPipeline({ settings, profile, known }, stores, this.log), model };
  }

  /** Forgets the conversation, its restore map and the saved history. */
  clear(): Promise<void> {
    return this.chat.clear();
  }
}
