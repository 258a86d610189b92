import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ChatTurn } from '../../protocol/webview';
import { jsonForScript, postWhenLoaded, stateForPage } from './firstState';
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

describe("the chat's first state written into its page", () => {
  /** A source whose history settles when the test says. */
  function source(): {
    src: { initialState: () => { turns: number }; whenLoaded: Promise<void> };
    load: (turns: number) => void;
    fail: () => void;
  } {
    let turns = 0;
    let settle: (ok: boolean) => void = () => undefined;
    const whenLoaded = new Promise<void>((resolve, reject) => {
      settle = (ok) => (ok ? resolve() : reject(new Error('unreadable')));
    });
    return {
      src: { initialState: () => ({ turns }), whenLoaded },
      load: (n) => {
        turns = n;
        settle(true);
      },
      fail: () => settle(false),
    };
  }

  it('is the loaded state once the history is read, while the rest of activation is still pending', async () => {
    const { src, load } = source();
    const rest = never(); // the language client, the keychain, the models: none of it is awaited
    const page = stateForPage(src, 60_000);
    load(2);
    assert.deepEqual(await page, { turns: 2 });
    void rest;
  });

  it('is left out when there is no handler yet or the history takes longer than the wait', async () => {
    assert.equal(await stateForPage(undefined, 60_000), undefined);
    const { src, load } = source();
    assert.equal(await stateForPage(src, 5), undefined);
    load(1); // too late for this page: `ready` brings it instead
    assert.deepEqual(await stateForPage(src, 5), { turns: 1 });
  });

  it('still holds the state when the history could not be read', async () => {
    const { src, fail } = source();
    const page = stateForPage(src, 60_000);
    fail();
    assert.deepEqual(await page, { turns: 0 });
  });

  it('is not posted again on `ready` when unchanged, and is posted once when it changed meanwhile', async () => {
    const { src, load } = source();
    load(3);
    const embedded = JSON.stringify(await stateForPage(src, 60_000));
    const posted: unknown[] = [];
    const post = (state: unknown): number => posted.push(state);
    assert.equal(await postWhenLoaded(src, post, () => true, embedded), true);
    assert.deepEqual(posted, [], 'the page already shows this state');
    const changed = { initialState: () => ({ turns: 4 }), whenLoaded: src.whenLoaded };
    assert.equal(await postWhenLoaded(changed, post, () => true, embedded), true);
    assert.deepEqual(posted, [{ turns: 4 }]);
  });

  it('is escaped so that no text in it closes the script element or opens a comment', () => {
    const question = '</script><script>alert(1)</script><!-- & \u2028\u2029 </SCRIPT >';
    const json = jsonForScript({ turns: [{ question }] });
    assert.doesNotMatch(json, /[<>&\u2028\u2029]/);
    assert.deepEqual(JSON.parse(json), { turns: [{ question }] });
  });
});
