import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LockTimeoutError, withFileLock } from './fileLock';

describe('withFileLock', () => {
  let dir: string;
  beforeEach(async () => (dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sgpt-lock-'))));
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  it('runs one holder at a time and releases the lock after a throw', async () => {
    const lock = path.join(dir, 'x.lock');
    let inside = 0;
    let most = 0;
    const run = async (): Promise<void> => {
      inside += 1;
      most = Math.max(most, inside);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inside -= 1;
    };
    await Promise.all(Array.from({ length: 6 }, () => withFileLock(lock, run)));
    assert.equal(most, 1);
    await assert.rejects(
      withFileLock(lock, () => Promise.reject(new Error('boom'))),
      /boom/,
    );
    await assert.rejects(fs.stat(lock), { code: 'ENOENT' });
  });

  it('gives up on a fresh lock held past the wait, and leaves it in place', async () => {
    const lock = path.join(dir, 'x.lock');
    await fs.writeFile(lock, '1\n');
    await assert.rejects(
      withFileLock(lock, () => Promise.resolve(), { timeoutMs: 30 }),
      LockTimeoutError,
    );
    assert.equal(await fs.readFile(lock, 'utf8'), '1\n');
  });
});
