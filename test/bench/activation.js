// Activation as the editor waits on it, in the real VS Code (the integration harness: code-server): the time
// from `activate` beginning to its return, and to the language client being ready (the server forked and its
// `initialize` answered); and the entry bundle's own top-level run before that, which VS Code's Running
// Extensions view counts in activation too. test/integration/activationTime.integration.test.ts prints both; each harness run is
// a fresh editor, so every figure is a cold activation. Needs dist/ and the compiled tests (`npm run bench`
// does both). `node test/bench/activation.js [--quick]` prints the figures alone.
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const SUITE = 'test/integration/activationTime.integration.test.ts';

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** One harness run: the two figures, or the reason there are none. */
function activateOnce() {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'test/support/runIntegration.js'), SUITE], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const m =
    /\[activation\] activate ([\d.]+) ms; language client ready ([\d.]+) ms.*?entry module ran ([\d.]+) ms.*?features started ([\d.]+) ms/.exec(
      r.stdout ?? '',
    );
  if (!m) {
    const tail = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(-3).join(' | ');
    return { error: r.error?.message ?? `the harness printed no figure (exit ${r.status}): ${tail}` };
  }
  return {
    activateMs: Number(m[1]),
    readyMs: Number(m[2]),
    moduleMs: Number(m[3]),
    featuresMs: Number(m[4]),
  };
}

function measureActivation({ runs = 3 } = {}) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    const r = activateOnce();
    if (r.error) return { error: r.error };
    results.push(r);
  }
  return {
    runs,
    activateMs: median(results.map((r) => r.activateMs)),
    readyMs: median(results.map((r) => r.readyMs)),
    moduleMs: median(results.map((r) => r.moduleMs)),
    featuresMs: median(results.map((r) => r.featuresMs)),
    all: results.map((r) => r.activateMs),
  };
}

/** The `npm run bench` section. */
async function report({ section, fmt, verdict, quick }) {
  section('Activation in the real VS Code (code-server harness, cold editor each run)');
  const m = measureActivation({ runs: quick ? 1 : 3 });
  if (m.error) {
    console.log(`not measured: ${m.error}`);
    return;
  }
  const load = os
    .loadavg()
    .map((l) => fmt(l, 1))
    .join(' ');
  console.log(
    `activate, begin to return: ${fmt(m.activateMs)} ms (runs: ${m.all.map((ms) => fmt(ms)).join(', ')}); language client ready ${fmt(m.readyMs, 0)} ms after activate began; medians of ${m.runs}, load average ${load}`,
  );
  console.log(
    `entry bundle's own run (module load after VS Code compiled it): ${fmt(m.moduleMs)} ms; the rest of the extension (dist/ext/) started ${fmt(m.featuresMs, 0)} ms after activate began`,
  );
  console.log(`target <= 50 ms to activate returning: ${verdict(m.activateMs <= 50)}`);
}

module.exports = { measureActivation, report };

if (require.main === module) {
  require('./reporting').runAlone(report, process.argv.includes('--quick'));
}
