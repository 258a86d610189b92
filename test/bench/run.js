// `npm run bench`: prints figures and ratios against the peers measured in the same run. Never a test:
// nothing here fails on a timing; targets are printed next to the figures.
const fs = require('node:fs');
const path = require('node:path');
const { fmt, verdict, section } = require('./reporting');

async function main() {
  const quick = process.argv.includes('--quick');
  console.log(
    `Secure GPT benchmarks (${new Date().toISOString()}, node ${process.version}, ${require('node:os').cpus().length} cores)`,
  );

  section('Scan throughput (one thread)');
  const { benchScan } = require('./scan');
  const s = benchScan({ mb: quick ? 10 : 50, secretlintMb: quick ? 2 : 5 });
  console.log(`tree: ${s.files} files, ${fmt(s.mb)} MB; catalogue: ${s.rules} rules`);
  console.log(
    `secure-gpt engine : ${fmt(s.engineMs, 0)} ms  ${fmt(s.engineMbps)} MB/s  (${s.engineFindings} findings)`,
  );
  console.log(
    `secure-gpt CLI    : ${fmt(s.cliMs, 0)} ms  ${fmt((s.mb * 1000) / s.cliMs)} MB/s  (whole process, --jobs 1: start-up, walk, .gitignore, JSON; exit ${s.cliExit})`,
  );
  console.log(
    s.cliPinnedMs === undefined
      ? 'secure-gpt CLI, one core: skipped (no taskset)'
      : `secure-gpt CLI, one core: ${fmt(s.cliPinnedMs, 0)} ms  ${fmt((s.mb * 1000) / s.cliPinnedMs)} MB/s  (the same, pinned with taskset -c 0: V8's compiler and GC threads share the scan's core; exit ${s.cliPinnedExit})`,
  );
  if (s.cliNoCaMs !== undefined) {
    const pinnedNoCa =
      s.cliPinnedNoCaMs === undefined
        ? ''
        : `, pinned ${fmt(s.cliPinnedNoCaMs, 0)} ms ${fmt((s.mb * 1000) / s.cliPinnedNoCaMs)} MB/s`;
    console.log(
      `  this machine sets NODE_EXTRA_CA_CERTS (${fmt(s.caBundleKb, 0)} KB), which Node parses at every start; without it: ${fmt(s.cliNoCaMs, 0)} ms ${fmt((s.mb * 1000) / s.cliNoCaMs)} MB/s${pinnedNoCa}`,
    );
  }
  if (s.scanFaults !== undefined) {
    console.log(
      `  this machine: a first touch of a fresh page costs ${fmt(s.pageUs, 1)} µs; the scan takes ${s.scanFaults} minor page faults (node -e 0: ${s.nodeFaults}), about ${fmt(((s.scanFaults - s.nodeFaults) * s.pageUs) / 1000, 0)} ms of its time beyond a bare start at that cost`,
    );
  }
  console.log(`ripgrep -j1 (${s.rgVersion}, 14 patterns): ${fmt(s.rgMs, 0)} ms  ${fmt(s.rgMbps)} MB/s`);
  console.log(
    `secretlint (recommended preset) on ${fmt(s.secretlintMb)} MB: ${fmt(s.secretlintMs, 0)} ms  ${fmt(s.secretlintMbps, 2)} MB/s; engine on the same slice ${fmt(s.engineOnSliceMbps)} MB/s`,
  );
  const rgRatio = s.engineMs / s.rgMs;
  const slRatio = s.engineOnSliceMbps / s.secretlintMbps;
  console.log(`target >= 100 MB/s: ${fmt(s.engineMbps)} MB/s -> ${verdict(s.engineMbps >= 100)}`);
  const cliMbps = (s.mb * 1000) / s.cliMs;
  console.log(
    `target >= 100 MB/s (whole scan process, one thread): ${fmt(cliMbps)} MB/s -> ${verdict(cliMbps >= 100)}`,
  );
  const cliRgRatio = s.cliMs / s.rgMs;
  console.log(`target within 4x of ripgrep's time (engine): ${fmt(rgRatio, 2)}x -> ${verdict(rgRatio <= 4)}`);
  console.log(
    `target within 4x of ripgrep's time (whole scan process vs rg -j1): ${fmt(cliRgRatio, 2)}x -> ${verdict(cliRgRatio <= 4)}`,
  );
  console.log(`target >= 500x secretlint's throughput: ${fmt(slRatio, 0)}x -> ${verdict(slRatio >= 500)}`);

  section('Hostile input (1 MB each, per-byte time vs ordinary code)');
  const { benchPathological } = require('./pathological');
  const rows = benchPathological(quick ? 3 : 5);
  let worst = 0;
  for (const r of rows) {
    worst = Math.max(worst, r.ratio);
    console.log(`${r.name.padEnd(28)} ${fmt(r.ms, 2).padStart(8)} ms  ${fmt(r.ratio, 2)}x`);
  }
  console.log(`target <= 3x: worst ${fmt(worst, 2)}x -> ${verdict(worst <= 3)}`);

  // Sections contributed by other parts of the product, each in its own module.
  for (const extra of [
    'startup.js',
    'scanJobs.js',
    'lspEdit.js',
    'entryLoad.js',
    'activation.js',
    'pipeline.js',
    'redactFloods.js',
    'gateway.js',
  ]) {
    const file = path.join(__dirname, extra);
    if (OWN_PROCESS.has(extra)) {
      runInOwnProcess(file, quick);
      continue;
    }
    if (fs.existsSync(file)) {
      const mod = require(file);
      if (typeof mod.report === 'function') {
        await mod.report({ section, fmt, verdict, quick });
      }
    }
  }
}

/**
 * Sections that time code in their own process (the outgoing pipeline, the gateway) run in a fresh one: what
 * they stand for runs in the extension host or in `secure-gpt ask`, never after this process has scanned a
 * 60 MB and a 1,000 MB tree. Run here after those sections, the same build's 100 KB redaction read 8.51 ms;
 * run alone in the same minute, 5.75-5.79 ms (2026-12-06): the heap and the JIT state the scans left, not
 * the redaction.
 */
const OWN_PROCESS = new Set(['pipeline.js', 'redactFloods.js', 'gateway.js']);

function runInOwnProcess(file, quick) {
  const { spawnSync } = require('node:child_process');
  const r = spawnSync(process.execPath, [file, ...(quick ? ['--quick'] : [])], { stdio: 'inherit' });
  if (r.status !== 0) {
    throw new Error(`${path.basename(file)} exited with ${r.status ?? r.signal}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
