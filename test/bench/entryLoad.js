// What VS Code pays before `activate` runs: reading, compiling and running the extension's entry bundle. Times
// `require()` of dist-shaped bundles in plain Node with a stub `vscode` module, each in a fresh process (no
// compile cache), for the entry as shipped (a small entry, the rest in dist/ext/, loaded after activation) beside
// the whole extension as one bundle, as it was built before the split. Both are built here from the sources,
// minified as `npm run package` ships them. `node test/bench/entryLoad.js [--quick]` prints the figures alone.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..', '..');

// Runs in the child: a `vscode` whose every property, call and construction gives the stub again, enough for
// any module's top-level code; then the one timed `require`.
const CHILD = `
const Module = require('node:module');
const stub = new Proxy(function () {}, {
  get: (_t, key) => (key === Symbol.toPrimitive ? () => '' : key === 'then' ? undefined : stub),
  apply: () => stub,
  construct: () => stub,
  // esbuild's __toESM copies a module onto an object made from its prototype: lookups then reach the stub.
  getPrototypeOf: () => stub,
});
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? stub : load.call(this, request, ...rest);
};
const began = performance.now();
require(process.argv[1]);
console.log(performance.now() - began);
`;

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Builds the extension into `outdir`, split as shipped or as one bundle; returns the entry's path and size. */
async function build(outdir, split) {
  const esbuild = require('esbuild');
  const { extensionBundle, common, stripRuleNegatives } = require(path.join(ROOT, 'esbuild.js'));
  const options = { ...common, minify: true, sourcemap: false, plugins: [stripRuleNegatives] };
  const entry = path.join(outdir, 'extension.js');
  await esbuild.build({ ...extensionBundle(options, { split, outdir }), absWorkingDir: ROOT });
  return { entry, bytes: fs.statSync(entry).size };
}

/** Median `require()` time of `entry` over `runs` fresh processes. */
function requireMs(entry, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, ['-e', CHILD, entry], { encoding: 'utf8' });
    if (r.status !== 0) {
      throw new Error(`require(${path.basename(entry)}) failed: ${r.stderr.trim().split('\n').pop()}`);
    }
    times.push(Number(r.stdout.trim()));
  }
  return median(times);
}

async function measureEntryLoad({ runs = 10 } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secure-gpt-entry-'));
  try {
    const split = await build(path.join(dir, 'split'), true);
    const single = await build(path.join(dir, 'single'), false);
    // Interleaved, so that a change in the machine's load falls on both alike.
    const splitMs = [];
    const singleMs = [];
    for (let i = 0; i < runs; i++) {
      splitMs.push(requireMs(split.entry, 1));
      singleMs.push(requireMs(single.entry, 1));
    }
    return {
      runs,
      split: { bytes: split.bytes, ms: median(splitMs) },
      single: { bytes: single.bytes, ms: median(singleMs) },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The `npm run bench` section. */
async function report({ section, fmt }) {
  section('Extension entry bundle: require() in plain Node, stub vscode, fresh process each');
  const m = await measureEntryLoad({ runs: 10 });
  const kb = (bytes) => `${fmt(bytes / 1024, 0)} KB`;
  console.log(
    `entry as shipped (dist/extension.js, rest in dist/ext/):   ${kb(m.split.bytes)}, require ${fmt(m.split.ms)} ms`,
  );
  console.log(
    `previous, one bundle (the whole extension, all of it run): ${kb(m.single.bytes)}, require ${fmt(m.single.ms)} ms`,
  );
  console.log(
    `medians of ${m.runs}; ${fmt(m.single.ms / m.split.ms, 1)}x faster to load, ${fmt(m.single.bytes / m.split.bytes, 1)}x smaller`,
  );
}

module.exports = { measureEntryLoad, report };

if (require.main === module) {
  require('./reporting').runAlone(report, process.argv.includes('--quick'));
}
