import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { SCAN_WORKER_LIMITS, scanV8Flags } from './scanJit';

describe('scanV8Flags', () => {
  it('names only flags this V8 knows (setFlagsFromString would pass over a misspelt one)', () => {
    const options = spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8' }).stdout;
    assert.ok(scanV8Flags().length > 0);
    for (const flag of scanV8Flags()) {
      const name = flag.replace(/^--(?:no-)?/, '').replace(/=.*$/, '');
      assert.ok(options.includes(`\n  --${name} (`), `${name} is a V8 flag`);
    }
  });

  it('turns none of V8 off for good: each flag is a budget, a threshold or a choice V8 makes as it goes', () => {
    // Flags that change how the heap or its threads are set up (concurrent marking, the young generation's
    // size) cannot change once the isolate runs: set then, --no-concurrent-marking aborted the process.
    for (const flag of scanV8Flags()) {
      assert.ok(!/concurrent-marking|semi-space|single-threaded/.test(flag), flag);
    }
  });

  it('keeps the young generation at its first size while one thread scans, and its growth back after', () => {
    // A child that loads the CLI's bundled flags as the scan does, then passes ~100 MB of short-lived objects
    // through the young generation; left to V8 the same loop grows it to 32 MB.
    const child = (keep: boolean): number[] => {
      const script = `const v8 = require('node:v8');
const jit = require(${JSON.stringify(require.resolve('./scanJit'))});
jit.tuneScanJit();
if (${keep}) jit.keepYoungGenerationSmall();
const size = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size;
const churn = () => { let keep = []; for (let i = 0; i < 2e6; i++) { keep.push({ i, s: 'x' + i }); if (keep.length > 100000) keep = []; } };
const first = size();
churn();
const kept = size();
jit.restoreYoungGenerationGrowth();
churn();
console.log(JSON.stringify([first, kept, size()]));`;
      return JSON.parse(spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' }).stdout) as number[];
    };
    const [first, kept, after] = child(true);
    const [, grown] = child(false);
    assert.ok(kept! <= 2 * first!, `young generation ${kept} from ${first}`);
    assert.ok(grown! > kept!, `left to V8 it grows (${grown} against ${kept})`);
    assert.ok(after! > kept!, `restored, it grows again (${after} against ${kept})`);
  });

  it("holds a scan worker's young generation at 3 MB, set as its isolate is made", async () => {
    // The same churn in a worker made with the scan's limits and in one without: only the first stays small.
    const youngAfterChurn = (options: WorkerOptions): Promise<number> =>
      new Promise((resolve, reject) => {
        const code = `const v8 = require('node:v8');
const { parentPort } = require('node:worker_threads');
let keep = [];
for (let i = 0; i < 2e6; i++) { keep.push({ i, s: 'x' + i }); if (keep.length > 100000) keep = []; }
parentPort.postMessage(v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size);`;
        const worker = new Worker(code, { ...options, eval: true });
        worker.once('message', (size: number) => {
          resolve(size);
          void worker.terminate();
        });
        worker.once('error', reject);
      });
    const limited = await youngAfterChurn({ resourceLimits: SCAN_WORKER_LIMITS });
    const free = await youngAfterChurn({});
    assert.ok(limited <= SCAN_WORKER_LIMITS.maxYoungGenerationSizeMb * 2 ** 20, `limited: ${limited}`);
    assert.ok(free > limited, `without the limit it grows (${free} against ${limited})`);
  });
});
