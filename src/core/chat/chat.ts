import type { Provider } from '../openai/provider';
import { Conversation } from '../pipeline/conversation';
import type { Attachment } from '../pipeline/exclude';
import type { Pipeline, RunResult } from '../pipeline/pipeline';
import type { Decision, DecisionRequest } from '../pipeline/prepare';
import { redactUnsent } from '../pipeline/prepare';
import { Scrubber } from '../scrub';
import type { ChatTurn, HostToWebview } from '../../protocol/webview';
import type { TurnLabel } from './turn';
import { finishedTurn, streamingTurn, unsentTurn } from './turn';

/** Where the turns live, in memory and on disk (`ChatHistory` in the editor). */
export interface TurnStore {
  readonly turns: readonly ChatTurn[];
  /** An id no turn of this store has had. */
  newId(): string;
  add(turn: ChatTurn): void;
  replace(turn: ChatTurn): boolean;
  save(): Promise<void>;
  clear(): Promise<void>;
}

/** What the chat shows: whole turns as they open and end, answer pieces, a status line, `cleared`. */
export interface ChatOutput {
  post(message: HostToWebview): void;
  /** Every change of a turn, pieces included (the editor's `onDidUpdate`). */
  updated(turn: ChatTurn): void;
  /** The history could not be written; the turn stays in memory. */
  saveFailed(error: unknown): void;
}

/** What the host supplies to the chat. */
export interface ChatHost {
  readonly store: TurnStore;
  readonly output: ChatOutput;
  /** Runs `fn` with the active profile's provider; the key is read for the call and dropped after. */
  withProvider<T>(fn: (provider: Provider) => Promise<T>): Promise<T>;
  /** The `ask` policy's question to the user. */
  decide(request: DecisionRequest): Promise<Decision>;
}

/** What a palette action or the chat panel asks. */
export interface ChatQuestion {
  readonly prompt: string;
  readonly attachments?: readonly Attachment[];
  /** What the question is about, shown under it ("Ask about: config.js"); defaults to the attachments' paths. */
  readonly title?: string;
}

/** The sub-label of a turn: the action's title, else the paths of what was attached. */
export function aboutOf(question: ChatQuestion): string | undefined {
  if (question.title !== undefined) {
    return question.title;
  }
  const paths = (question.attachments ?? []).map((a) => a.path);
  return paths.length > 0 ? `with ${paths.join(', ')}` : undefined;
}

/** Built per request, after the chat is busy: settings and known values are read fresh each time. */
export interface RequestSetup {
  readonly pipeline: Pipeline;
  readonly model: string;
}

/** How `ask` ended: refused while busy, ran (whatever the outcome), or threw outside the pipeline. */
export type AskOutcome =
  | { readonly kind: 'busy' }
  | { readonly kind: 'ran'; readonly result: RunResult }
  | { readonly kind: 'failed'; readonly error: unknown };

/**
 * The chat's state machine, in plain Node: one request at a time, each a turn that opens when the
 * request is prepared, grows with the answer and ends as done, stopped, blocked or error. A turn that
 * never opened (blocked, or failed before it was prepared) is saved with its question redacted.
 */
export class Chat {
  private conversation = new Conversation();
  private current: AbortController | undefined;

  constructor(private readonly host: ChatHost) {}

  get busy(): boolean {
    return this.current !== undefined;
  }

  /** The conversation the next request joins (the preview and the code actions use its placeholders). */
  get currentConversation(): Conversation {
    return this.conversation;
  }

  /** Cancels the answer in progress, keeping what arrived. */
  stop(): void {
    this.current?.abort(new Error('Stopped by the user.'));
  }

  /** Sends one question through the pipeline `setup` builds, and streams the answer into a turn. */
  async ask(question: ChatQuestion, setup: () => Promise<RequestSetup>): Promise<AskOutcome> {
    if (this.current) {
      return { kind: 'busy' };
    }
    const controller = new AbortController();
    // Busy before the first await: building the request may list the profile's models (bounded).
    this.current = controller;
    const { store, output } = this.host;
    const about = aboutOf(question);
    let label: TurnLabel = { id: store.newId(), model: '', ...(about !== undefined ? { about } : {}) };
    let turn: ChatTurn | undefined;
    let pipeline: Pipeline | undefined;
    const unsent = (result?: RunResult): string =>
      result?.prepared.kind === 'blocked'
        ? result.prepared.prompt
        : (pipeline?.redactUnsent(question.prompt) ?? redactUnsent(question.prompt, {}));
    try {
      const request = await setup();
      pipeline = request.pipeline;
      label = { ...label, model: request.model };
      const running = request.pipeline;
      const result = await this.host.withProvider((provider) =>
        running.run(
          this.conversation,
          { prompt: question.prompt, attachments: question.attachments ?? [], model: request.model },
          provider,
          {
            signal: controller.signal,
            onPrepared: (ready) => {
              turn = streamingTurn(label, ready, provider.kind === 'dry-run');
              store.add(turn);
              output.updated(turn);
              output.post({ type: 'turn', turn });
            },
            onDelta: (text) => {
              if (turn) {
                turn = { ...turn, answer: turn.answer + text };
                this.replace(turn);
                output.post({ type: 'delta', id: turn.id, text });
              }
            },
            onStatus: (text) => output.post({ type: 'status', text }),
            decide: (r) => this.host.decide(r),
          },
        ),
      );
      this.finish(turn ?? unsentTurn(label, unsent(result), result), turn === undefined, result);
      return { kind: 'ran', result };
    } catch (error) {
      // Whatever failed outside the provider (which scrubs its own errors) is scrubbed before it is shown.
      const message = new Scrubber().scrubError(error);
      this.finish(turn ?? unsentTurn(label, unsent(), undefined), turn === undefined, undefined, message);
      return { kind: 'failed', error };
    } finally {
      this.current = undefined;
      output.post({ type: 'status', text: '' });
    }
  }

  /** New Chat: a fresh conversation with a new placeholder map; the old turns are returned, not kept. */
  async newConversation(): Promise<readonly ChatTurn[]> {
    const old = [...this.host.store.turns];
    this.reset();
    await this.host.store.clear();
    return old;
  }

  /** Stops the answer in progress, then forgets the conversation, its restore map and the saved turns. */
  async clear(): Promise<void> {
    this.stop();
    this.reset();
    await this.host.store.clear();
    this.host.output.post({ type: 'cleared' });
  }

  /** Stops, and forgets the secrets held for restore. */
  dispose(): void {
    this.stop();
    this.conversation.clear();
  }

  private reset(): void {
    this.conversation.clear();
    this.conversation = new Conversation();
  }

  /** `unopened`: the request never opened its turn, so the store gets it only now. */
  private finish(base: ChatTurn, unopened: boolean, result: RunResult | undefined, error?: string): void {
    const final = finishedTurn(base, result, error);
    if (unopened) {
      this.host.store.add(final);
    }
    this.replace(final);
    this.host.output.post({ type: 'turn', turn: final });
    this.host.store.save().catch((e: unknown) => this.host.output.saveFailed(e));
  }

  private replace(turn: ChatTurn): void {
    this.host.store.replace(turn);
    this.host.output.updated(turn);
  }
}
