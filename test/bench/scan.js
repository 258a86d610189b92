// Scan throughput: Secure GPT's engine (one thread) against ripgrep (-j1, ~14 common secret patterns)
// and secretlint (recommended preset) on the same generated tree, measured in the same run.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync, spawnSync } = require('node:child_process');
const { generateTree } = require('./generate');
const { minorFaults, pageTouchMicros } = require('./machine');

const ROOT = path.resolve(__dirname, '..', '..');

/** About fourteen patterns of the kind public secret-scanning configs carry, for ripgrep. */
const RG_PATTERNS = [
  String.raw`\b(AKIA|ASIA)[0-9A-Z]{16}\b`,
  String.raw`\bgh[pousr]_[A-Za-z0-9]{36}\b`,
  String.raw`\bgithub_pat_[A-Za-z0-9_]{82}\b`,
  String.raw`\bxox[baprse]-[0-9A-Za-z-]{10,72}`,
  String.raw`\b[rs]k_live_[0-9A-Za-z]{24,99}\b`,
  String.raw`\bsk-(proj|svcacct|admin)-[A-Za-z0-9_-]{40,200}`,
  String.raw`\bAIza[0-9A-Za-z_-]{35}\b`,
  String.raw`-----BEGIN ([A-Z]+ )?PRIVATE KEY-----`,
  String.raw`\bglpat-[0-9A-Za-z_-]{20}\b`,
  String.raw`\bnpm_[A-Za-z0-9]{36}\b`,
  String.raw`\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}\b`,
  String.raw`\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}`,
  String.raw`(postgres|mysql|mongodb|redis)://[^:\s/]+:[^@\s]+@`,
  String.raw`(?i)(password|secret|token|api_?key)\s*[:=]\s*["'][^"'\s]{8,}["']`,
];

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timeIt(runs, fn) {
  const times = [];
  let result;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    result = fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { ms: median(times), result };
}

function listFiles(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p));
    else out.push(p);
  }
  return out;
}

/** Whether util-linux's `taskset` is here to pin a process to one core (Linux only). */
function hasTaskset() {
  const r = spawnSync('taskset', ['-c', '0', 'true']);
  return !r.error && r.status === 0;
}

/** Runs the scan comparison; returns rows for the report. */
function benchScan({ mb = 50, secretlintMb = 5, runs = 3 } = {}) {
  const { scan } = require(path.join(ROOT, 'out/src/core/detect/scanner.js'));
  const { builtinRules } = require(path.join(ROOT, 'out/src/core/detect/catalog.js'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sgpt-bench-'));
  try {
    const tree = generateTree(path.join(dir, 'tree'), mb * 1048576);
    const files = listFiles(path.join(dir, 'tree'));
    const bytes = tree.bytes;
    // Warm the page cache and the JIT once, outside the timings.
    for (const f of files.slice(0, 50)) scan(fs.readFileSync(f, 'utf8'));

    const engine = timeIt(runs, () => {
      let n = 0;
      for (const f of files) n += scan(fs.readFileSync(f, 'utf8')).length;
      return n;
    });
    // The whole process as a user or CI runs it (start-up, walk, .gitignore, reads, JSON), beside rg's; on one
    // thread, as rg -j1 is (the multi-core figure is scanJobs.js's).
    const cliArgs = [
      path.join(ROOT, 'dist/cli.js'),
      'scan',
      path.join(dir, 'tree'),
      '--format',
      'json',
      '--jobs',
      '1',
    ];
    const cli = timeIt(runs, () => spawnSync(process.execPath, cliArgs, { maxBuffer: 1 << 28 }));
    // The same process pinned to one core: `--jobs 1` scans on one thread, but V8 compiles and collects
    // garbage on others, which on 2 cores have the second one to themselves. Pinned, they share the scan's.
    const pinned = hasTaskset()
      ? timeIt(runs, () =>
          spawnSync('taskset', ['-c', '0', process.execPath, ...cliArgs], { maxBuffer: 1 << 28 }),
        )
      : undefined;
    // Node parses the CA bundle NODE_EXTRA_CA_CERTS names at every start, before any of our code runs (a
    // 215 KB bundle costs 40-60 ms here). The same two runs without it say how much of the figures above is
    // that machine's setting rather than the scan's.
    const caBundle = process.env.NODE_EXTRA_CA_CERTS;
    const envNoCa = { ...process.env };
    delete envNoCa.NODE_EXTRA_CA_CERTS;
    const withoutCa =
      caBundle === undefined
        ? undefined
        : {
            kb: fs.existsSync(caBundle) ? fs.statSync(caBundle).size / 1024 : 0,
            cli: timeIt(runs, () =>
              spawnSync(process.execPath, cliArgs, { maxBuffer: 1 << 28, env: envNoCa }),
            ),
            pinned: hasTaskset()
              ? timeIt(runs, () =>
                  spawnSync('taskset', ['-c', '0', process.execPath, ...cliArgs], {
                    maxBuffer: 1 << 28,
                    env: envNoCa,
                  }),
                )
              : undefined,
          };
    // What a fresh page costs here, and how many the scan touches: the part of a whole process's time that
    // is the machine's memory, not the scan's work (see machine.js).
    const memory = {
      pageUs: pageTouchMicros(),
      scanFaults: minorFaults(cliArgs),
      nodeFaults: minorFaults(['-e', '0']),
    };
    const rgArgs = [
      '-j1',
      '--no-messages',
      '--no-ignore',
      '-c',
      ...RG_PATTERNS.flatMap((p) => ['-e', p]),
      path.join(dir, 'tree'),
    ];
    const rg = timeIt(runs, () => {
      const r = spawnSync('rg', rgArgs, { maxBuffer: 1 << 26 });
      if (r.error) throw r.error;
      return r.stdout.toString().trim().split('\n').filter(Boolean).length;
    });

    // secretlint on a slice: it is far slower, so a few MB give a stable figure.
    const slice = path.join(dir, 'slice');
    fs.mkdirSync(slice);
    let sliceBytes = 0;
    for (const f of files) {
      if (sliceBytes >= secretlintMb * 1048576) break;
      fs.copyFileSync(f, path.join(slice, path.basename(f)));
      sliceBytes += fs.statSync(f).size;
    }
    fs.writeFileSync(
      path.join(slice, '.secretlintrc.json'),
      '{"rules":[{"id":"@secretlint/secretlint-rule-preset-recommend"}]}',
    );
    const secretlintBin = path.join(ROOT, 'node_modules/.bin/secretlint');
    const sl = timeIt(1, () =>
      spawnSync(secretlintBin, ['--secretlintrc', '.secretlintrc.json', '--format', 'json', '*.*'], {
        cwd: slice,
        maxBuffer: 1 << 28,
      }),
    );
    const slEngine = timeIt(runs, () => {
      let n = 0;
      for (const f of fs.readdirSync(slice)) n += scan(fs.readFileSync(path.join(slice, f), 'utf8')).length;
      return n;
    });

    const mbps = (b, ms) => b / 1048576 / (ms / 1000);
    return {
      rules: builtinRules.length,
      files: files.length,
      mb: bytes / 1048576,
      engineMbps: mbps(bytes, engine.ms),
      engineMs: engine.ms,
      engineFindings: engine.result,
      cliMs: cli.ms,
      cliExit: cli.result.status,
      cliPinnedMs: pinned?.ms,
      cliPinnedExit: pinned?.result.status,
      caBundleKb: withoutCa?.kb,
      pageUs: memory.pageUs,
      scanFaults: memory.scanFaults,
      nodeFaults: memory.nodeFaults,
      cliNoCaMs: withoutCa?.cli.ms,
      cliPinnedNoCaMs: withoutCa?.pinned?.ms,
      rgMs: rg.ms,
      rgFilesWithMatches: rg.result,
      rgMbps: mbps(bytes, rg.ms),
      secretlintMb: sliceBytes / 1048576,
      secretlintMs: sl.ms,
      secretlintMbps: mbps(sliceBytes, sl.ms),
      engineOnSliceMbps: mbps(sliceBytes, slEngine.ms),
      rgVersion: execFileSync('rg', ['--version']).toString().split('\n')[0],
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { benchScan, timeIt, median };

// `node test/bench/scan.js [--quick]`: the figures alone (needs out/ and dist/, as `npm run bench` builds).
if (require.main === module) {
  const quick = process.argv.includes('--quick');
  console.log(benchScan({ mb: quick ? 10 : 50, secretlintMb: 1, runs: quick ? 3 : 5 }));
}
