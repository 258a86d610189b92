import * as assert from 'node:assert/strict';
import type { ChatTurn } from '../../protocol/webview';
import { chatTitle, PastChats } from './pastChats';
import { freshTempDir } from '../../../test/support/tempDir';

const turn = (id: string, question: string, outcome: ChatTurn['outcome'] = 'done'): ChatTurn => ({
  id,
  question,
  answer: 'a',
  sent: question,
  redactions: 0,
  excluded: [],
  model: 'm',
  outcome,
});

describe('earlier chats of a workspace (New Chat)', () => {
  const dir = freshTempDir('past');

  it('keeps a put-away conversation, newest first, and reads it back after a restart', async () => {
    let clock = Date.UTC(2026, 11, 1);
    const past = new PastChats(dir(), () => new Date((clock += 1000)));
    await past.add([turn('t1', 'first ‹secret:github-pat#1›'), turn('t2', 'more')]);
    await past.add([turn('t3', 'second chat')]);
    await past.add([]); // an empty conversation is not kept
    const list = await past.list();
    assert.deepEqual(
      list.map((c) => [c.title, c.turns]),
      [
        ['second chat', 1],
        ['first ‹secret:github-pat#1›', 2],
      ],
    );
    const reopened = new PastChats(dir());
    const again = await reopened.get(list[1]!.id);
    assert.deepEqual(
      again?.turns.map((t) => t.question),
      ['first ‹secret:github-pat#1›', 'more'],
    );
    assert.equal(await reopened.get('c-none'), undefined);
  });

  it('does not keep a turn still streaming, and clear forgets everything on disk', async () => {
    const past = new PastChats(dir());
    await past.add([turn('t1', 'q'), turn('t2', 'half', 'streaming')]);
    assert.equal((await past.list())[0]?.turns, 1);
    await past.clear();
    assert.deepEqual(await past.list(), []);
    assert.deepEqual(await new PastChats(dir()).list(), []);
  });

  it('titles a chat by its first question on one line, shortened', () => {
    assert.equal(chatTitle([turn('t', '  why\n\nthis?  ')]), 'why this?');
    assert.equal(chatTitle([]), 'Untitled chat');
    const long = chatTitle([turn('t', 'x'.repeat(200))]);
    assert.equal(long.length, 80);
    assert.ok(long.endsWith('…'));
  });
});
