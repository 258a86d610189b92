import * as vscode from 'vscode';
import type { ChatTurn, HostToWebview, PastChat, WebviewToHost } from '../../protocol/webview';
import type { ChatHandler, ChatViewProvider } from './chatView';
import { Disposable } from '../../core/disposable';
import type { Log } from '../log';
import { PendingAttachments } from './chatAttachments';
import type { ChatSession } from './chatSession';
import { PastChats } from './pastChats';
import type { ProfileWatch } from './profileWatch';

type Message = Exclude<WebviewToHost, { type: 'ready' }>;

/**
 * What the chat panel adds around the session: the header badge (profile and key state), the welcome
 * buttons, New Chat with a history list, and attachments picked from the panel. Requests still go only
 * through `ChatSession.ask`, so an attachment from here meets the same exclusion and redaction as one from
 * a palette action.
 */
export class ChatPanel extends Disposable implements ChatHandler {
  private readonly past: PastChats;
  private readonly pending = new PendingAttachments();
  private viewing: { chat: PastChat; turns: readonly ChatTurn[] } | undefined;
  private pastList: PastChat[] = [];
  readonly whenLoaded: Promise<void>;

  constructor(
    private readonly session: ChatSession,
    private readonly view: ChatViewProvider,
    private readonly profile: ProfileWatch,
    historyDir: string | undefined,
    private readonly log: Log,
  ) {
    super();
    this.past = new PastChats(historyDir);
    // The first state waits for the saved turns and the list of earlier chats: two small local files.
    this.whenLoaded = Promise.all([
      session.whenLoaded,
      this.past.list().then((list) => {
        this.pastList = list;
      }),
    ]).then(() => undefined);
    this.register(profile.onDidChange((state) => this.view.post({ type: 'profileState', state })));
  }

  initialState(): HostToWebview {
    const base = this.session.initialState();
    if (base.type !== 'init') {
      return base;
    }
    return {
      ...base,
      ...(this.viewing ? { turns: this.viewing.turns, viewing: this.viewing.chat } : {}),
      state: this.profile.state,
      past: this.pastList,
      attachments: this.pending.chips,
    };
  }

  async handle(message: Message): Promise<void> {
    switch (message.type) {
      case 'runCommand':
        // The schema admits only the welcome commands; the badge refreshes from the key module's event.
        await vscode.commands.executeCommand(message.command);
        await this.profile.refresh();
        return;
      case 'newChat':
        await this.newChat();
        return;
      case 'openPastChat':
        await this.openPast(message.id);
        return;
      case 'closePastChat':
        this.viewing = undefined;
        this.view.post(this.initialState());
        return;
      case 'attachSelection':
      case 'attachFile':
        if (
          message.type === 'attachSelection'
            ? this.pending.attachSelection()
            : await this.pending.attachFile()
        ) {
          this.postAttachments();
        }
        return;
      case 'removeAttachment':
        this.pending.remove(message.id);
        this.postAttachments();
        return;
      case 'send': {
        if (this.viewing) {
          return; // the composer is disabled on an earlier chat; a stray message is not sent
        }
        const attachments = this.pending.take();
        this.postAttachments();
        await this.session.ask({ prompt: message.text, attachments });
        return;
      }
      case 'copyCode':
      case 'insertCode':
      case 'applyCode':
        if (this.viewing) {
          // Its placeholders belong to a map that is gone: restoring with the current one would put a
          // different conversation's secret in their place.
          this.log.warn(`Ignored '${message.type}' on an earlier chat (read-only).`);
          return;
        }
        await this.session.handle(message);
        return;
      case 'clearHistory':
        await this.clearAll();
        return;
      default:
        await this.session.handle(message);
    }
  }

  /** Starts a fresh conversation; the current one goes to the history list. */
  async newChat(): Promise<void> {
    if (this.session.chat.busy) {
      void vscode.window.showInformationMessage('Secure GPT is still answering. Stop it first, or wait.');
      return;
    }
    const old = await this.session.chat.newConversation();
    await this.past.add(old);
    this.pastList = await this.past.list();
    this.viewing = undefined;
    this.pending.clear();
    this.view.post(this.initialState());
  }

  /** Clear History and Purge: the current conversation and every earlier one. */
  async clearAll(): Promise<void> {
    this.viewing = undefined;
    this.pending.clear();
    await this.session.clear();
    await this.past.clear();
    this.pastList = [];
    this.view.post(this.initialState());
  }

  private async openPast(id: string): Promise<void> {
    const found = await this.past.get(id);
    if (!found) {
      return;
    }
    this.viewing = found;
    this.view.post(this.initialState());
  }

  private postAttachments(): void {
    this.view.post({ type: 'attachments', attachments: this.pending.chips });
  }
}
