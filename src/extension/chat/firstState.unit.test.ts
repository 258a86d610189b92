import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ChatTurn } from '../../protocol/webview';
import { postWhenLoaded } from './firstState';
import { ChatHistory } from './history';

const turn = (id: string): ChatTurn => ({
  id,
  question: `question ${id}`,
  answer: 'answer',
  sent: `question ${id}`,
  redactions: 0,
  excluded: [],
  model: 'm',
  outcome: 'done',
});

/** A promise that settles only when the test says so: the language client, the keychain. */
function never(): Promise<void> {
  return new Promise<void>(() => undefined);
}

describe("the chat's first state after a reload", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sgpt-first-'));
    const saved = new ChatHistory(dir);
    await saved.ready();
    saved.add(turn('t1'));
    saved.add(turn('t2'));
    await saved.save();
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  it('is posted once the history file is read, with its turns, while slower things are still pending', async () => {
    const events: string[] = [];
    const history = new ChatHistory(dir);
    let turns: ChatTurn[] = [];
    const whenLoaded = history.ready().then(() => {
      turns = [...history.turns];
      events.push('history loaded');
    });
    // What else activation starts: none of it may hold the first state back.
    const languageClient = never().then(() => events.push('language client ready'));
    const keyState = never().then(() => events.push('key state read'));
    const posted: { turns: readonly ChatTurn[] }[] = [];
    const done = await postWhenLoaded(
      { initialState: () => ({ turns }), whenLoaded },
      (state) => {
        events.push('init posted');
        posted.push(state);
      },
      () => true,
    );
    assert.equal(done, true);
    assert.deepEqual(events, ['history loaded', 'init posted']);
    assert.deepEqual(
      posted[0]?.turns.map((t) => t.id),
      ['t1', 't2'],
    );
    void languageClient;
    void keyState;
  });

  it('is not posted before the history is loaded, even when the webview was ready first', async () => {
    let release: () => void = () => undefined;
    const whenLoaded = new Promise<void>((resolve) => (release = resolve));
    let posts = 0;
    let loaded = false;
    const pending = postWhenLoaded(
      { initialState: () => ({ loaded }), whenLoaded },
      (state) => {
        posts++;
        assert.equal(state.loaded, true, 'posted a state without the history');
      },
      () => true,
    );
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(posts, 0);
    loaded = true;
    release();
    assert.equal(await pending, true);
    assert.equal(posts, 1);
  });

  it('a failed history load still posts the state; a webview gone meanwhile gets nothing', async () => {
    let posts = 0;
    const failed = Promise.reject(new Error('unreadable'));
    assert.equal(
      await postWhenLoaded(
        { initialState: () => 1, whenLoaded: failed },
        () => posts++,
        () => true,
      ),
      true,
    );
    assert.equal(
      await postWhenLoaded(
        { initialState: () => 2, whenLoaded: Promise.resolve() },
        () => posts++,
        () => false,
      ),
      false,
    );
    assert.equal(posts, 1);
  });
});
