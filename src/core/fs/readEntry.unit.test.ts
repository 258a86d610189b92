import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readEntry } from './readEntry';

describe('readEntry', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'sgpt-read-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  const make = (files: Record<string, string>): string => {
    for (const [name, text] of Object.entries(files)) {
      writeFileSync(join(root, name), text);
    }
    return root;
  };

  it('without fstat: a file at the limit is read, one byte over is skipped with its size', () => {
    const over = 'y'.repeat(1024 * 1024 + 5);
    const root = make({
      'at.txt': 'a'.repeat(10),
      'over.txt': 'b'.repeat(11),
      'big.txt': over,
      'u.txt': 'caf\u00e9 \u2603',
    });
    const at = readEntry(join(root, 'at.txt'), 10);
    assert.equal(at.kind === 'file' && at.text, 'a'.repeat(10));
    assert.deepEqual(readEntry(join(root, 'over.txt'), 10), {
      kind: 'skipped',
      path: join(root, 'over.txt'),
      size: 11,
      reason: 'too-large',
    });
    assert.equal(readEntry(join(root, 'big.txt'), over.length - 1).kind, 'skipped');
    const big = readEntry(join(root, 'big.txt'), over.length);
    assert.equal(big.kind === 'file' && big.text, over);
    const utf8 = readEntry(join(root, 'u.txt'), 100);
    assert.equal(utf8.kind === 'file' && utf8.text, 'caf\u00e9 \u2603');
  });

  it('reads a pipe (no size to measure) to its end, past the reused buffer, or skips it over the limit', async function () {
    if (process.platform === 'win32' || spawnSync('mkfifo', [join(root, 'probe')]).status !== 0) {
      this.skip();
    }
    const fifo = join(root, 'pipe');
    const size = 2_500_000;
    const through = (maxFileSize: number): Promise<ReturnType<typeof readEntry>> => {
      rmSync(fifo, { force: true });
      spawnSync('mkfifo', [fifo]);
      const writer = spawn('sh', ['-c', `head -c ${size} /dev/zero | tr '\\0' a > "$0"`, fifo]);
      const entry = readEntry(fifo, maxFileSize);
      return new Promise((done) => writer.on('exit', () => done(entry)));
    };
    const whole = await through(4_000_000);
    assert.equal(whole.kind === 'file' && whole.text, 'a'.repeat(size));
    const over = await through(1_500_000);
    assert.deepEqual(over.kind === 'skipped' && [over.reason, over.size > 1_500_000], ['too-large', true]);
  });
});
