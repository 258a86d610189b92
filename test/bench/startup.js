// CLI start-up as a pre-commit hook pays it: `secure-gpt scan` of three small files as a whole process,
// against a bare `node -e 0` in the same run. The two are interleaved so both see the same machine load,
// and the figure is the ratio of medians. Also counts the modules the scan loads, which does not depend
// on the load. Needs dist/ (`node esbuild.js`). `node test/bench/startup.js` prints the figures alone.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { performance } = require('node:perf_hooks');

const ROOT = path.resolve(__dirname, '..', '..');

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Three small files of the kind a commit stages. */
function smallFiles(dir) {
  const files = {
    'app.ts': 'export const answer = (n: number): number => n * 2;\n',
    'README.md': '# notes\n\nNothing to see here.\n',
    'settings.yaml': 'retries: 3\ntimeoutMs: 500\n',
  };
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return Object.keys(files);
}

function timeProcess(args, cwd) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = performance.now() - t0;
  if (r.error) throw r.error;
  return { ms, status: r.status, stderr: r.stderr.toString() };
}

/**
 * `runs` interleaved pairs of (`node -e 0`, `node cli scan a b c`); returns the medians, their ratio, and
 * the number of modules (`Module._load` calls, node: built-ins included) the scan process loads.
 */
function measureStartup({ runs = 9, cliJs = path.join(ROOT, 'dist', 'cli.js') } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sgpt-startup-'));
  try {
    const files = smallFiles(dir);
    const scanArgs = [cliJs, 'scan', ...files];
    const bare = [];
    const cli = [];
    let status;
    timeProcess(scanArgs, dir); // page cache, not JIT: every run below is a cold process.
    for (let i = 0; i < runs; i++) {
      bare.push(timeProcess(['-e', '0'], dir).ms);
      const r = timeProcess(scanArgs, dir);
      cli.push(r.ms);
      status = r.status;
    }
    const counter = path.join(dir, 'countLoads.js');
    fs.writeFileSync(
      counter,
      "const M = require('node:module'); const load = M._load; let n = 0;\n" +
        'M._load = function (...a) { n++; return load.apply(this, a); };\n' +
        "process.on('exit', () => process.stderr.write(`\\nmodules loaded: ${n}\\n`));\n",
    );
    const counted = timeProcess(['--require', counter, ...scanArgs], dir);
    const modules = Number(/modules loaded: (\d+)/.exec(counted.stderr)?.[1] ?? NaN);
    // What the scan parses: the dispatcher and, when the CLI is split, the scan command's own bundle.
    const scanJs = path.join(path.dirname(cliJs), 'cli', 'scan.js');
    const bundleBytes = fs.statSync(cliJs).size + (fs.existsSync(scanJs) ? fs.statSync(scanJs).size : 0);
    return {
      runs,
      bareMs: median(bare),
      cliMs: median(cli),
      ratio: median(cli) / median(bare),
      status,
      modules,
      bundleBytes,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `secure-gpt redact` of 2 KB of ordinary code as a whole process (what a pipe into another AI tool pays
 * each time: start-up, the redact tier's first run, cold), interleaved with `node -e 0`.
 */
function measureRedactStartup({ runs = 9, cliJs = path.join(ROOT, 'dist', 'cli.js') } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sgpt-startup-'));
  try {
    const lines = [
      'export async function fetchOrders(client: Client, since: Date): Promise<Order[]> {',
      "  const response = await client.get('/v1/orders', { params: { since: since.toISOString() } });",
      '  return response.data.items.map((item: RawOrder) => ({ id: item.id, total: item.total_cents / 100 }));',
      '}',
    ];
    let text = '';
    for (let i = 0; text.length < 2048; i++) text += `${lines[i % lines.length]}\n`;
    fs.writeFileSync(path.join(dir, 'orders.ts'), text);
    const args = [cliJs, 'redact', 'orders.ts'];
    const bare = [];
    const cli = [];
    let status;
    timeProcess(args, dir); // page cache and the code cache, as every later run finds them
    for (let i = 0; i < runs; i++) {
      bare.push(timeProcess(['-e', '0'], dir).ms);
      const r = timeProcess(args, dir);
      cli.push(r.ms);
      status = r.status;
    }
    return { runs, kb: text.length / 1024, bareMs: median(bare), cliMs: median(cli), status };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The `npm run bench` section. */
async function report({ section, fmt, verdict, quick }) {
  section('CLI start-up: `secure-gpt scan` of three small files vs `node -e 0` (whole processes)');
  const m = measureStartup({ runs: quick ? 7 : 15 });
  console.log(
    `node -e 0: ${fmt(m.bareMs, 0)} ms; secure-gpt scan: ${fmt(m.cliMs, 0)} ms (exit ${m.status}); medians of ${m.runs} interleaved runs`,
  );
  console.log(
    `the scan loads ${m.modules} modules and parses ${fmt(m.bundleBytes / 1024, 0)} KB of bundle (dist/cli.js + dist/cli/scan.js)`,
  );
  console.log(`target <= 2x node -e 0: ${fmt(m.ratio, 2)}x -> ${verdict(m.ratio <= 2)}`);
  const r = measureRedactStartup({ runs: quick ? 7 : 15 });
  console.log(
    `secure-gpt redact of ${fmt(r.kb, 0)} KB of code: ${fmt(r.cliMs, 0)} ms (exit ${r.status}), ` +
      `${fmt(r.cliMs / r.bareMs, 2)}x node -e 0 (${fmt(r.bareMs, 0)} ms); medians of ${r.runs} interleaved runs; ` +
      'no target: what a pipe into another tool pays, the redact tier cold',
  );
}

module.exports = { measureStartup, measureRedactStartup, report };

if (require.main === module) {
  require('./reporting').runAlone(report, process.argv.includes('--quick'));
}
