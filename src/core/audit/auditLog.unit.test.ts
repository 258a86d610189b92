import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AuditLog } from './auditLog';
import type { AuditEntry } from './auditRecord';
import { sealRecord } from './auditRecord';
import { withFileLock } from './fileLock';

const entry = (n: number, time = new Date().toISOString()): AuditEntry => ({
  time,
  kind: 'request',
  profile: 'openai',
  endpointHost: 'api.openai.com',
  model: 'gpt-4o-mini',
  requestId: `req_${n}`,
  outcome: 'ok',
  usage: { prompt: 10 * n, completion: n, total: 11 * n },
  redactions: { 'github-pat': n },
  payloadSha256: 'ab'.repeat(32),
});

describe('AuditLog', () => {
  let dir: string;
  let log: AuditLog;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sgpt-audit-'));
    log = new AuditLog(dir);
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  const rewrite = async (edit: (lines: string[]) => string[]) => {
    const lines = (await fs.readFile(log.file, 'utf8')).trim().split('\n');
    await fs.writeFile(log.file, edit(lines).join('\n') + '\n');
  };

  it('chains records and verifies an untouched log', async () => {
    await Promise.all([1, 2, 3, 4].map((n) => log.append(entry(n))));
    const records = await log.read();
    assert.deepEqual(
      records.map((r) => r.seq),
      [1, 2, 3, 4],
    );
    assert.equal(records[1]!.prevHash, records[0]!.hash);
    assert.deepEqual(await log.verify(), { ok: true, records: 4 });
  });

  it('names an edited record', async () => {
    for (const n of [1, 2, 3]) {
      await log.append(entry(n));
    }
    await rewrite((lines) => lines.map((l, i) => (i === 1 ? l.replace('"gpt-4o-mini"', '"gpt-4o"') : l)));
    const result = await log.verify();
    assert.equal(result.ok, false);
    assert.ok(!result.ok && result.line === 2 && result.seq === 2 && /edited/.test(result.reason));
  });

  it('finds a removed record in the middle, at the start and at the end', async () => {
    for (const n of [1, 2, 3, 4]) {
      await log.append(entry(n));
    }
    const original = await fs.readFile(log.file, 'utf8');
    await rewrite((lines) => lines.filter((_, i) => i !== 2));
    let result = await log.verify();
    assert.ok(!result.ok && result.line === 3 && /removed or reordered/.test(result.reason));

    await fs.writeFile(log.file, original);
    await rewrite((lines) => lines.slice(1));
    result = await log.verify();
    assert.ok(!result.ok && result.line === 1 && /removed before/.test(result.reason));

    await fs.writeFile(log.file, original);
    await rewrite((lines) => lines.slice(0, -1));
    result = await log.verify();
    assert.ok(!result.ok && /removed at the end/.test(result.reason));
  });

  it('finds reordered records', async () => {
    for (const n of [1, 2, 3]) {
      await log.append(entry(n));
    }
    await rewrite(([a, b, c]) => [a!, c!, b!]);
    const result = await log.verify();
    assert.ok(!result.ok && result.line === 2);
  });

  it('prunes old records behind a checkpoint and still verifies', async () => {
    const old = new Date(Date.now() - 40 * 86_400_000).toISOString();
    for (const n of [1, 2]) {
      await log.append(entry(n, old));
    }
    for (const n of [3, 4]) {
      await log.append(entry(n));
    }
    const removed = await log.prune(new Date(Date.now() - 30 * 86_400_000));
    assert.equal(removed, 2);
    const records = await log.read();
    assert.deepEqual(
      records.map((r) => r.kind),
      ['retention', 'request', 'request'],
    );
    assert.deepEqual(
      records.slice(1).map((r) => r.requestId),
      ['req_3', 'req_4'],
    );
    assert.deepEqual(await log.verify(), { ok: true, records: 3 });
    await log.append(entry(5));
    assert.deepEqual(await log.verify(), { ok: true, records: 4 });
  });

  it('continues the chain when the head file is lost, and verify says the head is missing', async () => {
    for (const n of [1, 2]) {
      await log.append(entry(n));
    }
    await fs.rm(path.join(dir, 'audit.head.json'));
    const result = await log.verify();
    assert.ok(!result.ok && /head file is missing/.test(result.reason));
    const third = await log.append(entry(3));
    assert.equal(third.seq, 3);
    assert.deepEqual(await log.verify(), { ok: true, records: 3 });
  });

  it('keeps one chain when two writers (the editor and its gateway) append at once', async () => {
    // Two instances have two in-process queues: only the lock file beside the log orders them.
    const other = new AuditLog(dir);
    await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? log : other).append(entry(i + 1))));
    assert.deepEqual(
      (await log.read()).map((r) => r.seq),
      Array.from({ length: 12 }, (_, i) => i + 1),
    );
    assert.deepEqual(await other.verify(), { ok: true, records: 12 });
    await assert.rejects(fs.stat(path.join(dir, 'audit.lock')), { code: 'ENOENT' });
  });

  it('verifies what a writer has finished, not a line written before its head (the gateway mid-append)', async () => {
    await log.append(entry(1));
    const last = await log.append(entry(2));
    // Another process's append as AuditLog makes one, held open between its line and its head.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let inside!: () => void;
    const entered = new Promise<void>((resolve) => (inside = resolve));
    const appending = withFileLock(path.join(dir, 'audit.lock'), async () => {
      const record = sealRecord(entry(3), last.seq + 1, last.hash);
      await fs.appendFile(log.file, JSON.stringify(record) + '\n');
      inside();
      await held;
      await fs.writeFile(
        path.join(dir, 'audit.head.json'),
        JSON.stringify({ seq: record.seq, hash: record.hash }),
      );
    });
    await entered;
    const verifying = log.verify();
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    await appending;
    assert.deepEqual(await verifying, { ok: true, records: 3 });
  });

  it('takes over a lock left by a writer that died', async () => {
    const lock = path.join(dir, 'audit.lock');
    await fs.writeFile(lock, '99999\n');
    const old = new Date(Date.now() - 60_000);
    await fs.utimes(lock, old, old);
    await log.append(entry(1));
    assert.deepEqual(await log.verify(), { ok: true, records: 1 });
  });

  it('purges everything', async () => {
    await log.append(entry(1));
    await log.purge();
    assert.deepEqual(await log.read(), []);
    assert.deepEqual(await log.verify(), { ok: true, records: 0 });
  });
});
