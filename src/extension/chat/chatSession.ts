import * as vscode from 'vscode';
import { Scrubber } from '../../core/scrub';
import { RateLimiter } from '../../core/limits/rateLimiter';
import { Conversation } from '../../core/pipeline/conversation';
import type { Attachment } from '../../core/pipeline/exclude';
import { buildPipeline } from '../../core/pipeline/buildPipeline';
import type { RunResult } from '../../core/pipeline/pipeline';
import type { Decision, DecisionRequest } from '../../core/pipeline/prepare';
import type { ChatTurn, HostToWebview, WebviewToHost } from '../../protocol/webview';
import type { ChatHandler, ChatViewProvider } from '../chatView';
import type { Log } from '../log';
import type { LocalData } from '../records/localData';
import type { RestoreUi } from '../../core/restore/restorePolicy';
import { handleCodeAction, openLinkAfterConfirm } from './codeActions';
import { showFailure } from './failureNotice';
import { vscodeFailureUi } from './failureNoticeUi';
import type { EndpointAccess } from './endpointAccess';
import type { ChatHistory } from './history';
import { modalRestoreUi } from './restoreUi';
import { workspaceEnvValues } from './knownValues';
import { currentSettings } from './settingsReader';

/** What a palette action or the chat panel asks. */
export interface AskInput {
  readonly prompt: string;
  readonly attachments?: readonly Attachment[];
  /** What the question is about, shown under it ("Ask about: config.js"); defaults to the attachments' paths. */
  readonly title?: string;
}

/** The sub-label of a turn: the action's title, else the paths of what was attached. */
export function aboutOf(input: AskInput): string | undefined {
  if (input.title !== undefined) {
    return input.title;
  }
  const paths = (input.attachments ?? []).map((a) => a.path);
  return paths.length > 0 ? `with ${paths.join(', ')}` : undefined;
}

const RESTRICTED =
  'This workspace is in Restricted Mode: Secure GPT does not send workspace content to a model until you trust it. Secret warnings still run.';

/** The chat: one conversation per workspace window, its turns, and the pipeline every request passes. */
export class ChatSession implements ChatHandler, vscode.Disposable {
  private conversation = new Conversation();
  private current: AbortController | undefined;
  private model: string | undefined;
  private readonly limiter: RateLimiter;
  private readonly history: ChatHistory;
  private readonly loaded: Promise<void>;
  private readonly updated = new vscode.EventEmitter<ChatTurn>();
  /** Fires whenever a turn starts, grows or ends (the status of a request, for tests and views). */
  readonly onDidUpdate = this.updated.event;

  constructor(
    private readonly view: ChatViewProvider,
    private readonly endpoint: EndpointAccess,
    private readonly data: LocalData,
    private readonly log: Log,
    private readonly restoreUi: RestoreUi = modalRestoreUi,
  ) {
    const { settings } = currentSettings();
    this.limiter = new RateLimiter({
      requestsPerMinute: settings['limits.requestsPerMinute'],
      tokensPerMinute: settings['limits.tokensPerMinute'],
    });
    this.history = data.history;
    this.loaded = this.history.ready();
  }

  /** Re-reads limits after a settings change. */
  configure(): void {
    const { settings } = currentSettings();
    this.limiter.configure({
      requestsPerMinute: settings['limits.requestsPerMinute'],
      tokensPerMinute: settings['limits.tokensPerMinute'],
    });
  }

  initialState(): HostToWebview {
    const { models, model } = this.endpoint.models(this.model);
    return {
      type: 'init',
      profile: this.endpoint.active().profile,
      models,
      model,
      turns: this.history.turns,
      ...(vscode.workspace.isTrusted ? {} : { disabledReason: RESTRICTED }),
    };
  }

  async handle(message: Exclude<WebviewToHost, { type: 'ready' }>): Promise<void> {
    switch (message.type) {
      case 'send':
        await this.ask({ prompt: message.text });
        return;
      case 'stop':
        this.stop();
        return;
      case 'setModel':
        this.model = message.model;
        return;
      case 'clearHistory':
        await this.clear();
        return;
      case 'openLink':
        await openLinkAfterConfirm(message.url);
        return;
      case 'copyCode':
      case 'insertCode':
      case 'applyCode':
        // Issue 10: through the restore policy (references by default, never the key).
        await handleCodeAction(message, {
          map: this.conversation.map,
          enabled: currentSettings().settings['redaction.restoreOnInsert'],
          ui: this.restoreUi,
        });
        return;
    }
  }

  /** Cancels the answer in progress, keeping what arrived. */
  stop(): void {
    this.current?.abort(new Error('Stopped by the user.'));
  }

  /** Settles once the saved history is read: the view's first state waits for it, and nothing else. */
  get whenLoaded(): Promise<void> {
    return this.loaded;
  }

  /** The turns of the current conversation (New Chat puts them in the history list). */
  get currentTurns(): readonly ChatTurn[] {
    return this.history.turns;
  }

  /** The conversation the next request joins (the preview uses it so placeholders match). */
  get currentConversation(): Conversation {
    return this.conversation;
  }

  get busy(): boolean {
    return this.current !== undefined;
  }

  /** Sends one request through the pipeline and streams the answer into the chat. */
  async ask(input: AskInput): Promise<RunResult | undefined> {
    await this.loaded;
    if (!vscode.workspace.isTrusted && (input.attachments?.length ?? 0) > 0) {
      void vscode.window.showWarningMessage(RESTRICTED);
      return undefined;
    }
    if (this.current) {
      void vscode.window.showInformationMessage('Secure GPT is still answering. Stop it first, or wait.');
      return undefined;
    }
    const { settings, problems } = currentSettings();
    for (const p of problems) {
      this.log.warn(p.message);
    }
    const controller = new AbortController();
    this.current = controller;
    // Marked busy first: the first listing of the profile's /models may take a moment (bounded).
    const model = await this.endpoint.model(this.model);
    const profile = this.endpoint.active().profile;
    const id = this.history.newId();
    let turn: ChatTurn | undefined;
    const known = await workspaceEnvValues(this.log);
    const about = aboutOf(input);
    const pipeline = buildPipeline(
      { settings, profile, known },
      {
        limiter: this.limiter,
        usage: this.data.usage,
        audit: this.data.audit,
        // Issue 6: the same records feed the log at info level.
        onAudit: (entry) => this.data.appended(entry),
      },
      this.log,
    );
    // A request stopped before it was prepared (the endpoint refused, the key unreadable) has no
    // redacted message; its question is shown and saved as it would have gone.
    const unsent = (result: RunResult | undefined): string =>
      result?.prepared.kind === 'blocked' ? result.prepared.prompt : pipeline.redactUnsent(input.prompt);
    try {
      const result = await this.endpoint.withProvider(async (provider) => {
        const run = await pipeline.run(
          this.conversation,
          { prompt: input.prompt, attachments: input.attachments ?? [], model },
          provider,
          {
            signal: controller.signal,
            onPrepared: (ready) => {
              turn = {
                id,
                question: ready.prompt,
                ...(about !== undefined ? { about } : {}),
                dryRun: provider.kind === 'dry-run',
                answer: '',
                sent: ready.userMessage,
                redactions: ready.redactions.length,
                excluded: ready.excluded.map((e) => `${e.path} (${e.glob})`),
                model,
                outcome: 'streaming',
              };
              this.history.add(turn);
              this.updated.fire(turn);
              this.view.post({ type: 'turn', turn });
            },
            // With output moderation the pipeline hands the answer over only once it has been checked.
            onDelta: (text) => {
              if (turn) {
                turn = { ...turn, answer: turn.answer + text };
                this.replace(turn);
                this.view.post({ type: 'delta', id, text });
              }
            },
            onStatus: (text) => this.view.post({ type: 'status', text }),
            decide: (request) => this.decide(request),
          },
        );
        return run;
      });
      this.finish(id, () => unsent(result), turn, result, model, undefined, result.flagged, about);
      if (result.failure?.kind === 'auth') {
        // A rejected key: the notice's button sets a new one for the profile that was rejected.
        void showFailure(vscodeFailureUi(this.log), result.failure.message, 'auth', profile);
      }
      return result;
    } catch (error) {
      // Whatever failed outside the provider (which scrubs its own errors) is scrubbed before it is shown.
      const message = new Scrubber().scrubError(error);
      this.finish(id, () => unsent(undefined), turn, undefined, model, message, undefined, about);
      this.log.showError('the request failed', error);
      return undefined;
    } finally {
      this.current = undefined;
      this.view.post({ type: 'status', text: '' });
    }
  }

  /** `unsentQuestion`: the redacted question, asked for only when no turn was started. */
  private finish(
    id: string,
    unsentQuestion: () => string,
    turn: ChatTurn | undefined,
    result: RunResult | undefined,
    model: string,
    error?: string,
    flagged?: readonly string[],
    about?: string,
  ): void {
    const base: ChatTurn = turn ?? {
      id,
      question: unsentQuestion(),
      ...(about !== undefined ? { about } : {}),
      answer: '',
      sent: '',
      redactions: result?.prepared.redactions.length ?? 0,
      excluded: result?.prepared.excluded.map((e) => `${e.path} (${e.glob})`) ?? [],
      model,
      outcome: 'blocked',
    };
    const outcome: ChatTurn['outcome'] =
      result?.outcome === 'cancelled'
        ? 'stopped'
        : result?.outcome === 'blocked'
          ? 'blocked'
          : result?.failure || error
            ? 'error'
            : 'done';
    const message = error ?? result?.message;
    const final: ChatTurn = {
      ...base,
      answer: result?.text ?? base.answer,
      outcome,
      ...(result?.usage
        ? { usage: { prompt: result.usage.prompt, completion: result.usage.completion } }
        : {}),
      ...(message !== undefined && outcome !== 'done' && outcome !== 'stopped' ? { error: message } : {}),
      ...(flagged ? { flagged } : {}),
    };
    if (!turn) {
      this.history.add(final);
    }
    this.replace(final);
    this.view.post({ type: 'turn', turn: final });
    this.history.save().catch((e: unknown) => this.log.error('Could not save chat history', e));
  }

  private replace(turn: ChatTurn): void {
    this.history.replace(turn);
    this.updated.fire(turn);
  }

  /** The `ask` policy: show what was found (kinds and masked previews), let the user choose. */
  private async decide(request: DecisionRequest): Promise<Decision> {
    const lines = request.redactions.map((r) => `${r.ruleId} ${r.preview} (${r.source})`);
    const choice = await vscode.window.showWarningMessage(
      `This request holds ${request.redactions.length} secret(s): ${lines.slice(0, 5).join('; ')}${lines.length > 5 ? '…' : ''}`,
      { modal: true },
      'Send with Placeholders',
      'Send Selected Unredacted…',
    );
    if (choice === 'Send with Placeholders') {
      return { action: 'redact' };
    }
    if (choice === 'Send Selected Unredacted…') {
      const picks = await vscode.window.showQuickPick(
        request.redactions
          .filter((r) => !['api-key', 'env-value', 'listed-value'].includes(r.ruleId))
          .map((r) => ({
            label: r.ruleId,
            description: r.preview,
            detail: r.source,
            fingerprint: r.fingerprint,
          })),
        {
          canPickMany: true,
          title: 'Values to send as they are (false positives). Known values are never sent.',
        },
      );
      return picks && picks.length > 0
        ? { action: 'allow', fingerprints: picks.map((p) => p.fingerprint) }
        : { action: 'cancel' };
    }
    return { action: 'cancel' };
  }

  /** New Chat: a fresh conversation with a new placeholder map; the old turns are returned, not kept here. */
  async newConversation(): Promise<readonly ChatTurn[]> {
    const old = [...this.history.turns];
    this.conversation.clear();
    this.conversation = new Conversation();
    await this.history.clear();
    return old;
  }

  /** Forgets the conversation, its restore map and the saved history. */
  async clear(): Promise<void> {
    this.stop();
    this.conversation.clear();
    this.conversation = new Conversation();
    await this.history.clear();
    this.view.post({ type: 'cleared' });
  }

  dispose(): void {
    this.stop();
    this.conversation.clear();
    this.updated.dispose();
  }
}
