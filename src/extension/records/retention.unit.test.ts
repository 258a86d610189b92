import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { AuditLog } from '../../core/audit/auditLog';
import { UsageStore } from '../../core/limits/usage';
import type { ChatTurn } from '../../protocol/webview';
import { ChatHistory } from '../chat/history';
import { pruneOlderThan } from './retention';

const DAY_MS = 86_400_000;

function done(id: string, question: string): ChatTurn {
  return {
    id,
    question,
    answer: '',
    sent: question,
    redactions: 0,
    excluded: [],
    model: 'm',
    outcome: 'done',
  };
}

describe('retention', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sgpt-retention-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prunes the chat turns the open session holds, not only the file', async () => {
    let now = Date.now() - 45 * DAY_MS;
    // The same store the chat session writes through (LocalData owns one per window).
    const history = new ChatHistory(path.join(dir, 'history'), () => now);
    history.add(done(history.newId(), 'six weeks ago'));
    await history.save();
    now = Date.now();
    history.add(done(history.newId(), 'today'));
    await history.save();
    const data = {
      audit: new AuditLog(path.join(dir, 'audit')),
      usage: new UsageStore(path.join(dir, 'usage'), () => ({})),
      history,
    };

    const pruned = await pruneOlderThan(data, 30, now);
    assert.equal(pruned.chatTurns, 1);
    assert.deepEqual(
      history.turns.map((t) => t.question),
      ['today'],
    );

    // The session answers again: what retention removed is not written back.
    history.add(done(history.newId(), 'tomorrow'));
    await history.save();
    const saved = readFileSync(path.join(dir, 'history', 'chat.json'), 'utf8');
    assert.ok(!saved.includes('six weeks ago'), saved);
    assert.ok(saved.includes('tomorrow'));
  });

  it('keeps everything when retention is 0 days', async () => {
    const history = new ChatHistory(undefined, () => 0);
    history.add(done(history.newId(), 'from 1970'));
    const data = {
      audit: new AuditLog(path.join(dir, 'audit')),
      usage: new UsageStore(path.join(dir, 'usage'), () => ({})),
      history,
    };
    assert.deepEqual(await pruneOlderThan(data, 0), { auditRecords: 0, chatTurns: 0 });
    assert.equal(history.turns.length, 1);
  });
});
