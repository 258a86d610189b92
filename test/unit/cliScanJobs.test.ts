import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { fingerprintOf } from '../../src/core/detect/finding';
import { Worker } from 'node:worker_threads';
import { createScanPool, growsNow, SCAN_WORKER_FILE } from '../../src/cli/scanPool';
import type { FileResult } from '../../src/cli/scanWork';
import { scanEntry } from '../../src/cli/scanWork';
import { readEntry } from '../../src/core/fs/readEntry';
import { nodeBundleOptions } from '../support/nodeBundle';
import { seededInts } from '../support/seededRandom';
import { freshToken, makeTree } from './cliSupport';

// `scan --jobs N` spreads a tree over worker threads; its report must be the one a single thread gives,
// finding for finding and line for line. The tree is generated with keys planted at seeded places.
const repo = resolve(__dirname, '../../..');
const outDir = join(repo, 'out/cliJobsBundle');
const SEED = 1313;

const FILLER = [
  'export function total(items: readonly number[]): number {',
  '  return items.reduce((sum, n) => sum + n, 0);',
  '}',
  'const retries = 3; // how often a request is tried',
  '# notes: the handler parses the request and renders the response',
  'timeoutMs: 500',
];

interface Tree {
  readonly dir: string;
  /** The keys planted, in the walk's order (sorted paths, then line). */
  readonly planted: readonly string[];
  /** The generated source files, absolute, in the walk's order. */
  readonly sources: readonly string[];
}

/** `files` files of `lines` lines each, with keys planted at seeded places. */
function plantedTree(files: number, lines: number): Tree {
  const draw = seededInts(SEED);
  const spec: Record<string, string | Buffer> = {};
  const planted: [string, string][] = [];
  for (let f = 0; f < files; f++) {
    const out: string[] = [];
    for (let l = 0; l < lines; l++) {
      out.push(FILLER[draw(FILLER.length)]!);
      if (draw(400) === 0) {
        // GitHub tokens of two kinds, whose checksum makes each a finding whatever the draw: a random
        // OpenAI key reads as a placeholder about once in 20,000 draws (a `-Todo` hump inside it), which
        // failed this test about one run in 60; placeholders are tested where they are judged.
        const key = draw(2) === 0 ? freshToken() : freshToken('gho');
        planted.push([fileName(f), key]);
        out.push(`const key${l} = '${key}';`);
      }
    }
    spec[fileName(f)] = `${out.join('\n')}\n`;
  }
  spec['d0/image.bin'] = Buffer.from([0, 1, 2, 3, 0, 0, 255, 0]);
  spec['ignored/key.ts'] = `const k = '${freshToken()}';\n`;
  spec['.gitignore'] = 'ignored/\n';
  spec['.git/HEAD'] = 'ref: refs/heads/main\n';
  const dir = makeTree(spec);
  // Sorted paths are the walk's order here: no name holds a character that sorts before '/'.
  const byPath = (a: [string, string], b: [string, string]): number =>
    a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
  const sources = Array.from({ length: files }, (_, f) => fileName(f)).sort();
  return {
    dir,
    planted: planted.sort(byPath).map(([, key]) => key),
    sources: sources.map((name) => join(dir, name)),
  };
}

/** Nested directories, so the walk's order is not the order the files were written in. */
function fileName(f: number): string {
  return `d${f % 7}/sub${f % 3}/f${String(f).padStart(4, '0')}.ts`;
}

describe('scan --jobs: the same report on any number of threads', function () {
  this.timeout(120_000);
  let tree: Tree;

  before(async () => {
    mkdirSync(outDir, { recursive: true });
    await build(nodeBundleOptions('src/cli/cli.ts', join(outDir, 'cli.js')));
    // ~10 MB: enough for the scan to outlast its warm-up and hand work to the workers.
    tree = plantedTree(250, 1000);
  });
  after(() => {
    rmSync(outDir, { recursive: true, force: true });
    rmSync(tree.dir, { recursive: true, force: true });
  });

  it('reports every planted key once, in walk order, identically on one thread and on three', () => {
    // A preload runs in worker threads too: it notes each worker that starts, so the test knows they ran.
    const hook = join(outDir, 'noteWorkers.js');
    const log = join(outDir, 'workers.log');
    writeFileSync(
      hook,
      "const { isMainThread } = require('node:worker_threads');\n" +
        `if (!isMainThread) require('node:fs').appendFileSync(${JSON.stringify(log)}, 'worker\\n');\n`,
    );
    const run = (jobs: number, format: string): { status: number | null; stdout: string; stderr: string } => {
      rmSync(log, { force: true });
      const r = spawnSync(
        process.execPath,
        ['--require', hook, join(outDir, 'cli.js'), 'scan', '--format', format, '--jobs', String(jobs)],
        { cwd: tree.dir, encoding: 'utf8', maxBuffer: 1 << 26 },
      );
      return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    const workersStarted = (): number => {
      try {
        return readFileSync(log, 'utf8').split('\n').filter(Boolean).length;
      } catch {
        return 0;
      }
    };

    const one = run(1, 'json');
    assert.equal(workersStarted(), 0);
    const three = run(3, 'json');
    assert.ok(workersStarted() >= 1, 'the three-thread scan started no worker');
    assert.equal(one.status, 1, one.stderr);
    assert.deepEqual(three, one);

    const report = JSON.parse(one.stdout) as { findings: { file: string; fingerprint: string }[] };
    assert.deepEqual(
      report.findings.map((f) => f.fingerprint),
      tree.planted.map(fingerprintOf),
    );

    // Text too, where findings are written as they come: the same lines, only the timing differs.
    const untimed = (s: string): string => s.replace(/ in \d+\.\d+ s\b/, ' in N s');
    const textOne = run(1, 'text');
    const textThree = run(3, 'text');
    assert.equal(untimed(textThree.stdout), untimed(textOne.stdout));
    assert.equal(textThree.stderr, textOne.stderr);
  });

  it('scans on workers started before the pool, up to jobs - 1 of them, and ends the others', async () => {
    const paths = tree.sources.slice(0, 40);
    const expected = paths.map((path) => scanEntry(readEntry(path, 1 << 30)));
    // As the dispatcher starts them (scanPrestart.ts): unreferenced until the pool takes them.
    const prestarted = [0, 1, 2].map(() => new Worker(SCAN_WORKER_FILE));
    prestarted.forEach((worker) => worker.unref());
    const exited = prestarted.map((worker) => new Promise<void>((done) => worker.once('exit', () => done())));
    const seen: FileResult[] = [];
    const pool = createScanPool({ jobs: 3, maxFileSize: 1 << 30, prestarted, scanOnMain: false }, (_, r) =>
      seen.push(r),
    );
    paths.forEach((path) => pool.add(path));
    const stats = await pool.finish();
    assert.equal(stats.workers, 2);
    assert.equal(stats.byWorkers, paths.length);
    assert.deepEqual(seen, expected);
    await Promise.all(exited); // The third is ended at once, the two used when the pool finishes.
  });

  for (const [when, start] of [
    ['as the walk finds files', { startFiles: 16 }],
    ['once the main thread has scanned a while', { startFiles: Number.POSITIVE_INFINITY, warmUpMs: 0 }],
    ['once the tree proves large (growLate)', { growLate: true, warmUpMs: 0 }],
  ] as const) {
    it(`hands results back in order from workers started ${when}, passing known results through`, async () => {
      const paths = tree.sources.slice(0, 60);
      const known: FileResult = { kind: 'error', message: 'permission denied' };
      const items = [...paths.slice(0, 30), known, ...paths.slice(30)];
      const expected = items.map((item) =>
        typeof item === 'string' ? scanEntry(readEntry(item, 1 << 30)) : item,
      );
      const seen: FileResult[] = [];
      const indexes: number[] = [];
      // The main thread scans nothing once the workers are there: this test is about what they send back.
      const pool = createScanPool({ jobs: 3, maxFileSize: 1 << 30, scanOnMain: false, ...start }, (i, r) => {
        indexes.push(i);
        seen.push(r);
      });
      items.forEach((item) => pool.add(item));
      const stats = await pool.finish();
      assert.ok(stats.workers >= 1 && stats.byWorkers > 0, JSON.stringify(stats));
      assert.deepEqual(
        indexes,
        items.map((_, i) => i),
      );
      assert.deepEqual(seen, expected);
    });
  }

  it('grows late only with as many files left as taken, and never for the last file', () => {
    // Ordinary pools: after the warm-up, while more than one file is left.
    assert.equal(growsNow(41, 40, 900, 2, false), true);
    assert.equal(growsNow(39, 40, 10, 500, false), false);
    assert.equal(growsNow(41, 40, 10, 1, false), false);
    // growLate: the tree must prove large, at least half of it still to take.
    assert.equal(growsNow(251, 250, 400, 400, true), true);
    assert.equal(growsNow(251, 250, 401, 400, true), false);
    assert.equal(growsNow(249, 250, 10, 5000, true), false);
  });

  it('keeps a small tree on one thread when growing late: no worker starts', async () => {
    const paths = tree.sources.slice(0, 40);
    const expected = paths.map((path) => scanEntry(readEntry(path, 1 << 30)));
    const seen: FileResult[] = [];
    const pool = createScanPool({ jobs: 2, maxFileSize: 1 << 30, growLate: true }, (_, r) => seen.push(r));
    paths.forEach((path) => pool.add(path));
    const stats = await pool.finish();
    assert.deepEqual(stats, { workers: 0, byWorkers: 0 });
    assert.deepEqual(seen, expected);
  });

  it('scans on the main thread the files a worker took and never sent back, when it dies', async () => {
    const paths = tree.sources.slice(0, 30);
    const expected = paths.map((path) => scanEntry(readEntry(path, 1 << 30)));
    // Takes the first two files as a real worker would, then exits without a word.
    const dying = new Worker(
      "const { parentPort } = require('node:worker_threads');\n" +
        "parentPort.once('message', ({ shared }) => {\n" +
        '  const counters = new Int32Array(shared);\n' +
        '  Atomics.add(counters, 0, 1);\n' +
        '  Atomics.add(counters, 0, 1);\n' +
        '  process.exit(0);\n' +
        '});\n',
      { eval: true },
    );
    const seen: FileResult[] = [];
    const pool = createScanPool(
      { jobs: 2, maxFileSize: 1 << 30, prestarted: [dying], scanOnMain: false },
      (_, r) => seen.push(r),
    );
    paths.forEach((path) => pool.add(path));
    const stats = await pool.finish();
    assert.deepEqual(stats, { workers: 1, byWorkers: 0 });
    assert.deepEqual(seen, expected);
  });

  it('scans on the main thread a file a worker took and is slow to send back, once nothing is left to take', async () => {
    const paths = tree.sources.slice(0, 20);
    const expected = paths.map((path) => scanEntry(readEntry(path, 1 << 30)));
    // Takes the first file, says so with an empty reply, and never sends its result (a worker warming up).
    const stuck = new Worker(
      "const { parentPort } = require('node:worker_threads');\n" +
        "parentPort.once('message', ({ shared }) => {\n" +
        '  Atomics.add(new Int32Array(shared), 0, 1);\n' +
        '  parentPort.postMessage({ indexes: [], results: [], done: false });\n' +
        '});\n',
      { eval: true },
    );
    const claimed = new Promise((resolve) => stuck.once('message', resolve));
    const seen: FileResult[] = [];
    const pool = createScanPool({ jobs: 2, maxFileSize: 1 << 30, prestarted: [stuck] }, (_, r) =>
      seen.push(r),
    );
    paths.forEach((path) => pool.add(path));
    await claimed;
    const stats = await pool.finish();
    assert.deepEqual(stats, { workers: 1, byWorkers: 0 });
    assert.deepEqual(seen, expected);
  });
});
