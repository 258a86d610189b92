import * as assert from 'node:assert/strict';
import type { Settings } from '../config/settings';
import { readSettings } from '../config/settings';
import { githubToken } from '../detect/checksum';
import { ALNUM, randomToken } from '../detect/random';
import type { CompletionRequest, CompletionResult, ModerationVerdict, Provider } from '../openai/provider';
import { buildPipeline } from '../pipeline/buildPipeline';
import type { Decision } from '../pipeline/prepare';
import type { ChatTurn, HostToWebview } from '../../protocol/webview';
import type { RequestSetup, TurnStore } from './chat';
import { Chat } from './chat';

const pat = (): string => githubToken('ghp', randomToken(ALNUM, 30));

/** The turns in memory, as `ChatHistory` keeps them. */
class MemoryStore implements TurnStore {
  readonly list: ChatTurn[] = [];
  saves = 0;
  private next = 1;
  get turns(): readonly ChatTurn[] {
    return this.list;
  }
  newId(): string {
    return `t${this.next++}`;
  }
  add(turn: ChatTurn): void {
    this.list.push(turn);
  }
  replace(turn: ChatTurn): boolean {
    const i = this.list.findIndex((t) => t.id === turn.id);
    if (i >= 0) {
      this.list[i] = turn;
    }
    return i >= 0;
  }
  save(): Promise<void> {
    this.saves += 1;
    return Promise.resolve();
  }
  clear(): Promise<void> {
    this.list.length = 0;
    return Promise.resolve();
  }
}

type Script = (request: CompletionRequest) => Promise<CompletionResult>;

/** A provider whose answers follow `script`; its moderation endpoint flags text holding 'forbidden'. */
function scripted(script: Script): Provider {
  return {
    kind: 'openai',
    endpoint: 'api.example.test',
    complete: script,
    moderate: (text: string): Promise<ModerationVerdict> =>
      Promise.resolve({ flagged: text.includes('forbidden'), categories: ['violence'] }),
  };
}

/** Streams `pieces`, then ends as `end` says. */
const answers =
  (pieces: readonly string[], end: Partial<CompletionResult> = {}): Script =>
  (request) => {
    pieces.forEach((p) => request.onDelta?.(p));
    return Promise.resolve({ text: pieces.join(''), finishReason: 'stop', ...end });
  };

/** Streams `first`, then waits until the request is aborted, as a stopped stream does. */
const streamsUntilStopped =
  (first: string): Script =>
  (request) => {
    request.onDelta?.(first);
    const stopped = { text: first, failure: { kind: 'cancelled' as const, message: 'Stopped by the user.' } };
    return new Promise((resolve) => {
      if (request.signal?.aborted === true) {
        resolve(stopped);
      }
      request.signal?.addEventListener('abort', () => resolve(stopped));
    });
  };

function setup(
  script: Script,
  changes: Partial<Settings> = {},
  decide: () => Decision = () => ({ action: 'cancel' }),
) {
  const store = new MemoryStore();
  const posted: HostToWebview[] = [];
  let provider = scripted(script);
  const chat = new Chat({
    store,
    output: { post: (m) => posted.push(m), updated: () => undefined, saveFailed: () => undefined },
    withProvider: (fn) => fn(provider),
    decide: () => Promise.resolve(decide()),
  });
  const settings = { ...readSettings(() => undefined).settings, ...changes };
  const request = (): Promise<RequestSetup> =>
    Promise.resolve({ pipeline: buildPipeline({ settings, profile: 'p', known: [] }, {}), model: 'm' });
  const deltas = (): string[] => posted.flatMap((m) => (m.type === 'delta' ? [m.text] : []));
  const useProvider = (next: Script): void => {
    provider = scripted(next);
  };
  return { chat, store, posted, request, deltas, useProvider };
}

describe('Chat: the turn state machine', () => {
  it('streams an answer into one turn that ends done, and saves it', async () => {
    const { chat, store, request, deltas } = setup(answers(['Hel', 'lo']));
    const outcome = await chat.ask({ prompt: 'hi', title: 'Explain: a.ts' }, request);
    assert.equal(outcome.kind, 'ran');
    assert.deepEqual(deltas(), ['Hel', 'lo']);
    assert.equal(store.list.length, 1);
    assert.equal(store.list[0]?.outcome, 'done');
    assert.equal(store.list[0]?.answer, 'Hello');
    assert.equal(store.list[0]?.about, 'Explain: a.ts');
    assert.equal(store.saves, 1);
    assert.equal(chat.busy, false);
  });

  it('is busy from the first moment: a second question is refused and opens no turn', async () => {
    const { chat, store, request } = setup(streamsUntilStopped('partial'));
    const first = chat.ask({ prompt: 'one' }, request);
    assert.equal(chat.busy, true, 'busy before any await');
    assert.deepEqual(await chat.ask({ prompt: 'two' }, request), { kind: 'busy' });
    chat.stop();
    await first;
    assert.equal(store.list.length, 1);
    assert.equal(chat.busy, false);
  });

  it('stop keeps the partial answer and ends the turn as stopped, without an error', async () => {
    const { chat, store, request } = setup(streamsUntilStopped('The first half'));
    const pending = chat.ask({ prompt: 'long one' }, request);
    await new Promise((r) => setImmediate(r));
    chat.stop();
    await pending;
    assert.equal(store.list[0]?.outcome, 'stopped');
    assert.equal(store.list[0]?.answer, 'The first half');
    assert.equal(store.list[0]?.error, undefined);
  });

  it('a cut answer keeps what arrived and ends as error with the reason', async () => {
    const cut = { failure: { kind: 'cut' as const, message: 'The answer was cut off.' } };
    const { chat, store, request } = setup(answers(['half an '], cut));
    await chat.ask({ prompt: 'q' }, request);
    assert.equal(store.list[0]?.outcome, 'error');
    assert.equal(store.list[0]?.answer, 'half an ');
    assert.equal(store.list[0]?.error, 'The answer was cut off.');
  });

  it('block: the turn is saved blocked with its question redacted, and nothing is sent', async () => {
    const token = pat();
    let sent = 0;
    const { chat, store, request } = setup(
      (r) => {
        sent += 1;
        return answers(['x'])(r);
      },
      { 'redaction.policy': 'block' },
    );
    await chat.ask({ prompt: `is ${token} valid?` }, request);
    assert.equal(sent, 0);
    const [turn] = store.list;
    assert.equal(turn?.outcome, 'blocked');
    assert.equal(turn?.question, 'is ‹secret:github-pat#1› valid?');
    assert.equal(turn?.sent, '');
    assert.match(turn?.error ?? '', /redaction policy is 'block'/);
    assert.ok(!JSON.stringify(store.list).includes(token));
  });

  it('ask policy: a cancelled choice blocks the turn; sending with placeholders answers it', async () => {
    const token = pat();
    let choice: Decision = { action: 'cancel' };
    const { chat, store, request } = setup(answers(['fine']), { 'redaction.policy': 'ask' }, () => choice);
    await chat.ask({ prompt: `use ${token}` }, request);
    assert.equal(store.list[0]?.outcome, 'blocked');
    assert.equal(store.list[0]?.question, 'use ‹secret:github-pat#1›');
    choice = { action: 'redact' };
    await chat.ask({ prompt: `use ${token}` }, request);
    assert.equal(store.list[1]?.outcome, 'done');
    assert.equal(store.list[1]?.sent, 'use ‹secret:github-pat#1›');
    assert.ok(!JSON.stringify(store.list).includes(token));
  });

  it('output moderation: a flagged answer is kept flagged and never streamed; a clean one is shown once checked', async () => {
    const { chat, store, request, deltas, useProvider } = setup(answers(['a forbidden ', 'answer']), {
      moderation: 'input+output',
    });
    await chat.ask({ prompt: 'q' }, request);
    assert.equal(deltas().length, 0, 'nothing of a flagged answer reaches the view as it streams');
    assert.deepEqual(store.list[0]?.flagged, ['violence']);
    assert.equal(store.list[0]?.outcome, 'done');
    useProvider(answers(['a kind ', 'answer']));
    await chat.ask({ prompt: 'q' }, request);
    assert.deepEqual(deltas(), ['a kind answer'], 'checked whole, then shown');
    assert.equal(store.list[1]?.flagged, undefined);
  });

  it('retry: a failed request leaves the chat ready, and only the answered exchange joins the conversation', async () => {
    const failed = { failure: { kind: 'server' as const, message: 'The endpoint failed (500).' } };
    const { chat, store, request, useProvider } = setup(answers([], failed));
    await chat.ask({ prompt: 'q' }, request);
    assert.equal(chat.busy, false);
    assert.equal(chat.currentConversation.messages.length, 0);
    useProvider(answers(['ok']));
    await chat.ask({ prompt: 'q' }, request);
    assert.deepEqual(
      store.list.map((t) => [t.id, t.outcome]),
      [
        ['t1', 'error'],
        ['t2', 'done'],
      ],
    );
    assert.equal(chat.currentConversation.messages.length, 2);
  });

  it('a failure before the request is prepared saves the question redacted, with a scrubbed error', async () => {
    const token = pat();
    const { chat, store } = setup(answers(['x']));
    const outcome = await chat.ask({ prompt: `why ${token}?` }, () =>
      Promise.reject(new Error(`endpoint refused while holding ${token}`)),
    );
    assert.equal(outcome.kind, 'failed');
    assert.equal(store.list[0]?.outcome, 'error');
    assert.equal(store.list[0]?.question, 'why ‹secret:github-pat#1›?');
    assert.ok(!JSON.stringify(store.list).includes(token));
    assert.equal(chat.busy, false);
  });

  it('clear stops the answer, forgets the conversation and the turns, and tells the view', async () => {
    const { chat, store, posted, request } = setup(answers(['ok']));
    await chat.ask({ prompt: `use ${pat()}` }, request);
    const before = chat.currentConversation;
    await chat.clear();
    assert.equal(store.list.length, 0);
    assert.notEqual(chat.currentConversation, before);
    assert.equal(before.map.values().next().done, true, 'the old restore map is emptied');
    assert.equal(posted.at(-1)?.type, 'cleared');
  });
});
