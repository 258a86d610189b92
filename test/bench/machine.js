'use strict';
// Machine facts that explain a whole process's time beside the engine's: what a first touch of a fresh page
// of memory costs here (a virtual machine can charge ten microseconds for each, where bare metal charges a
// fraction of one), and how many such faults a scan takes. Printed beside the scan figures, never a target.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

/** Microseconds per first touch of a fresh 4 KB page, in a fresh process touching 64 MB (median of 3). */
function pageTouchMicros() {
  const script =
    'const n = 64 << 20; const t = process.hrtime.bigint(); const b = Buffer.alloc(n);' +
    'for (let i = 0; i < n; i += 4096) b[i] = 1;' +
    'process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1000 / (n / 4096)));';
  const runs = [0, 1, 2].map(() => Number(spawnSync(process.execPath, ['-e', script]).stdout.toString()));
  return runs.sort((a, b) => a - b)[1];
}

/**
 * The minor page faults of one run of `node <args>`, read by a preload at exit (its own flag changes the
 * code cache's key, so a first run warms that cache and the second is read).
 */
function minorFaults(args) {
  const preload = path.join(__dirname, 'faultsPreload.js');
  let faults;
  for (let i = 0; i < 2; i++) {
    const r = spawnSync(process.execPath, ['--require', preload, ...args], { maxBuffer: 1 << 28 });
    const m = /sgpt-bench-faults minor=(\d+)/.exec(r.stderr.toString());
    faults = m ? Number(m[1]) : undefined;
  }
  return faults;
}

module.exports = { pageTouchMicros, minorFaults };
