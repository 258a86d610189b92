import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { scanV8Flags } from './scanJit';

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
});
