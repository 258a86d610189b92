import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  defaultJobs,
  prestartCount,
  prestartScanWorkers,
  takePrestartedWorkers,
  threadPlan,
} from './scanPrestart';

describe('prestartCount: the workers `scan` starts before its options are parsed', () => {
  const dirs = new Set(['.', 'src', 'test']);
  const isDirectory = (path: string): boolean => dirs.has(path);
  const count = (args: readonly string[], idle = 2): number => prestartCount(args, idle, isDirectory);

  it('starts jobs - 1 for a directory, from --jobs in each of its spellings or else the idle cores', () => {
    assert.equal(count([]), 1);
    assert.equal(count([], 4), 3);
    assert.equal(count(['src', '--jobs', '3']), 2);
    assert.equal(count(['--jobs=4', 'src']), 3);
    assert.equal(count(['-j', '2', '.']), 1);
    assert.equal(count(['-j5', 'test'], 1), 4);
    assert.equal(count(['-j', '1', 'src'], 4), 0);
    assert.equal(count(['src'], 1), 0);
  });

  it('starts none for files only, --staged, help, or a --jobs that is no count', () => {
    assert.equal(count(['a.ts', 'b.ts', 'c.ts']), 0);
    assert.equal(count(['a.ts', 'src']), 1);
    assert.equal(count(['--staged']), 0);
    assert.equal(count(['--help']), 0);
    assert.equal(count(['-h', 'src']), 0);
    assert.equal(count(['--jobs', 'two', 'src']), 0);
    assert.equal(count(['--jobs']), 0);
  });

  it('does not take an option value for a root', () => {
    // `src` is the value of --exclude here; the only root is the file.
    assert.equal(count(['--exclude', 'src', 'a.ts']), 0);
    assert.equal(count(['--format', 'json', '--allowlist', 'src', '--max-file-size', '1m', 'a.ts']), 0);
    assert.equal(count(['-f', 'json', 'src']), 1);
  });
});

describe('prestartScanWorkers: the hand-over to the scan command', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'sgpt-prestart-'));
    // Stays up until ended, as the real worker does while it waits for batches.
    writeFileSync(
      join(dir, 'worker.js'),
      "require('node:worker_threads').parentPort.on('message', () => {});\n",
    );
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('hands over the workers it started, once', async () => {
    prestartScanWorkers(['--jobs', '3', dir], join(dir, 'worker.js'));
    const workers = takePrestartedWorkers();
    assert.equal(workers.length, 2);
    assert.deepEqual(takePrestartedWorkers(), []);
    await Promise.all(workers.map((worker) => worker.terminate()));
  });

  it('starts none for a single file, and drops a worker that could not start', async () => {
    assert.deepEqual(
      prestartScanWorkers(['--jobs', '3', join(dir, 'worker.js')], join(dir, 'worker.js')),
      [],
    );
    assert.deepEqual(takePrestartedWorkers(), []);
    const [broken] = prestartScanWorkers(['--jobs', '2', dir], join(dir, 'missing.js'));
    assert.ok(broken);
    await new Promise((exited) => broken.once('exit', exited)); // After its 'error', which it must survive.
    assert.deepEqual(takePrestartedWorkers(), []);
  });
});

describe('defaultJobs: the thread count `scan` uses without --jobs', () => {
  it('leaves one idle core to the engine warm-up: one thread on 2 idle cores, three on 4', () => {
    assert.equal(defaultJobs(2, 0), 1);
    assert.equal(defaultJobs(4, 0), 3);
    assert.equal(defaultJobs(8, 0.2), 7);
  });

  it('counts busy cores out, and never goes below one thread', () => {
    assert.equal(defaultJobs(4, 1.5), 2);
    assert.equal(defaultJobs(4, 6), 1);
    assert.equal(defaultJobs(1, 0), 1);
    assert.equal(defaultJobs(2, 0.9), 1);
  });
});

describe('threadPlan: the threads `scan` starts on and may grow to', () => {
  it('starts on exactly --jobs when given, and never grows past it', () => {
    assert.deepEqual(threadPlan(1, 2, 0), { jobs: 1, growTo: 1 });
    assert.deepEqual(threadPlan(3, 2, 0), { jobs: 3, growTo: 3 });
  });

  it('without --jobs on 2 idle cores, starts on one thread and may grow to both', () => {
    assert.deepEqual(threadPlan(undefined, 2, 0), { jobs: 1, growTo: 2 });
    assert.deepEqual(threadPlan(undefined, 2, 0.9), { jobs: 1, growTo: 2 });
  });

  it('never grows onto a busy core, nor on one core, nor where the default already has several threads', () => {
    assert.deepEqual(threadPlan(undefined, 2, 1.2), { jobs: 1, growTo: 1 });
    assert.deepEqual(threadPlan(undefined, 1, 0), { jobs: 1, growTo: 1 });
    assert.deepEqual(threadPlan(undefined, 4, 0), { jobs: 3, growTo: 3 });
    assert.deepEqual(threadPlan(undefined, 4, 2.5), { jobs: 1, growTo: 2 });
  });
});
