import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { ChatTurn } from '../../protocol/webview';
import { ChatHistory, MAX_TURNS } from './history';

const DAY_MS = 86_400_000;

function turn(id: string, question: string, outcome: ChatTurn['outcome'] = 'done'): ChatTurn {
  return {
    id,
    question,
    answer: `answer to ${question}`,
    sent: question,
    redactions: 0,
    excluded: [],
    model: 'm',
    outcome,
  };
}

/** Asks one question the way the chat session does: a new id, a streaming turn, then its final form. */
function ask(history: ChatHistory, question: string): string {
  const id = history.newId();
  history.add(turn(id, question, 'streaming'));
  history.replace(turn(id, question));
  return id;
}

function onDisk(dir: string): { nextId: number; turns: (ChatTurn & { at: number })[] } {
  return JSON.parse(readFileSync(path.join(dir, 'chat.json'), 'utf8')) as {
    nextId: number;
    turns: (ChatTurn & { at: number })[];
  };
}

describe('ChatHistory', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sgpt-history-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('with readNow, holds the saved turns and the id counter when the constructor returns', async () => {
    const first = new ChatHistory(dir);
    await first.ready();
    const ids = [ask(first, 'one'), ask(first, 'two')];
    await first.save();

    const now = new ChatHistory(dir, Date.now, { readNow: true });
    assert.deepEqual(
      now.turns.map((t) => t.question),
      ['one', 'two'],
      'read before any await',
    );
    assert.ok(!ids.includes(now.newId()));
    await now.ready();
    // No file, or not JSON: empty, as the asynchronous read gives.
    writeFileSync(path.join(dir, 'chat.json'), '{ not json');
    assert.deepEqual(new ChatHistory(dir, Date.now, { readNow: true }).turns, []);
    assert.deepEqual(new ChatHistory(undefined, Date.now, { readNow: true }).turns, []);
  });

  it('never repeats an id after more than the cap of turns and a reload (a new turn overwrote an old one)', async () => {
    const first = new ChatHistory(dir);
    await first.ready();
    const ids: string[] = [];
    for (let i = 1; i <= MAX_TURNS + 1; i++) {
      ids.push(ask(first, `question ${i}`));
    }
    await first.save();

    const reloaded = new ChatHistory(dir);
    await reloaded.ready();
    assert.equal(reloaded.turns.length, MAX_TURNS);
    const id = ask(reloaded, 'after the reload');
    assert.ok(!ids.includes(id), `${id} was handed out before`);
    await reloaded.save();

    const turns = new ChatHistory(dir);
    await turns.ready();
    const questions = turns.turns.map((t) => t.question);
    assert.equal(new Set(turns.turns.map((t) => t.id)).size, MAX_TURNS, 'ids are unique');
    // The old turns are all there in order; only the oldest went to make room.
    assert.deepEqual(questions, [
      ...Array.from({ length: MAX_TURNS - 1 }, (_, i) => `question ${i + 3}`),
      'after the reload',
    ]);
  });

  it('keeps the newest turn when the cap drops old ones, in memory and on disk', async () => {
    const history = new ChatHistory(dir);
    for (let i = 1; i <= MAX_TURNS; i++) {
      ask(history, `question ${i}`);
    }
    // The newest turn is still streaming when the cap bites: it is kept, and written once it ends.
    const id = history.newId();
    history.add(turn(id, 'newest', 'streaming'));
    assert.equal(history.turns.length, MAX_TURNS);
    assert.equal(history.turns.at(-1)?.question, 'newest');
    assert.equal(history.turns[0]?.question, 'question 2');
    await history.save();
    assert.equal(onDisk(dir).turns.at(-1)?.question, `question ${MAX_TURNS}`, 'a streaming turn waits');
    assert.ok(history.replace(turn(id, 'newest')));
    await history.save();
    const saved = onDisk(dir).turns;
    assert.equal(saved.length, MAX_TURNS);
    assert.equal(saved.at(-1)?.question, 'newest');
  });

  it("ages out an active user's old turns, though the file is written every day", async () => {
    let now = Date.UTC(2026, 0, 1);
    const history = new ChatHistory(dir, () => now);
    ask(history, 'from January');
    await history.save();
    // The user keeps asking every day: the file is never older than a day.
    for (let day = 1; day <= 40; day++) {
      now += DAY_MS;
      ask(history, `day ${day}`);
      await history.save();
    }
    const removed = await history.expire(new Date(now - 30 * DAY_MS));
    assert.equal(removed, 10, 'January 1 and days 1 to 9 are older than 30 days');
    assert.deepEqual(
      history.turns.map((t) => t.question),
      Array.from({ length: 31 }, (_, i) => `day ${i + 10}`),
    );
    assert.deepEqual(
      onDisk(dir).turns.map((t) => t.question),
      history.turns.map((t) => t.question),
    );
  });

  it('drops expired turns from an open session, so its next answer does not write them back', async () => {
    let now = Date.UTC(2026, 0, 1);
    const session = new ChatHistory(dir, () => now);
    ask(session, 'an old secret-free question');
    await session.save();
    now += 31 * DAY_MS;
    assert.equal(await session.expire(new Date(now - 30 * DAY_MS)), 1);
    assert.deepEqual(session.turns, []);
    assert.deepEqual(onDisk(dir).turns, []);

    ask(session, 'the next question');
    await session.save();
    assert.deepEqual(
      onDisk(dir).turns.map((t) => t.question),
      ['the next question'],
    );
  });

  it('keeps each turn its time across a reload and ages a version 1 file by when it was written', async () => {
    writeFileSync(
      path.join(dir, 'chat.json'),
      JSON.stringify({ version: 1, turns: [turn('t1', 'one'), turn('t7', 'seven')] }),
    );
    const legacy = new ChatHistory(dir);
    await legacy.ready();
    assert.deepEqual(
      legacy.turns.map((t) => t.id),
      ['t1', 't7'],
    );
    assert.ok(!('at' in (legacy.turns[0] ?? {})), 'the time stays out of what the webview is sent');
    assert.equal(legacy.newId(), 't8', 'past every id the old file holds');
    assert.equal(await legacy.expire(new Date(Date.now() - DAY_MS)), 0, 'the file was written just now');
    assert.equal(await legacy.expire(new Date(Date.now() + DAY_MS)), 2);
  });

  it('clears memory and disk, and ids still move on', async () => {
    const history = new ChatHistory(dir);
    const before = ask(history, 'to forget');
    await history.save();
    await history.clear();
    assert.deepEqual(history.turns, []);
    assert.throws(() => readFileSync(path.join(dir, 'chat.json')), /ENOENT/);
    assert.notEqual(ask(history, 'again'), before);
  });

  it('keeps turns in memory only when the window has no workspace storage', async () => {
    const history = new ChatHistory(undefined);
    await history.ready();
    ask(history, 'no folder open');
    await history.save();
    assert.equal(history.turns.length, 1);
  });
});
