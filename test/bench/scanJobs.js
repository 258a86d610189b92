// The whole scan as a process on one thread and on every core (`--jobs`), on the same generated tree in the
// same run, interleaved so both see the same machine load: the multi-core speed-up, and the peak memory
// (RSS, read by a preload from the process's own resource usage, worker threads included) of each.
// Needs dist/ (`node esbuild.js`). `node test/bench/scanJobs.js [--quick]` prints the figures alone.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');
const { performance } = require('node:perf_hooks');
const { generateTree } = require('./generate');

const ROOT = path.resolve(__dirname, '..', '..');

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * CPU time of each thread of process `pid` (ms, by thread id), sampled from /proc every few ms until
 * `stop` is called: a worker's thread is gone once the scan ends, so its last sample is what it used.
 * Empty where there is no /proc (not Linux).
 */
function sampleThreads(pid) {
  const threads = new Map();
  const tickMs = 10; // USER_HZ is 100 on Linux
  const read = () => {
    let tids = [];
    try {
      tids = fs.readdirSync(`/proc/${pid}/task`);
    } catch {
      return;
    }
    for (const tid of tids) {
      try {
        const stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        threads.set(Number(tid), (Number(fields[11]) + Number(fields[12])) * tickMs);
      } catch {
        // The thread ended between the listing and the read.
      }
    }
  };
  const timer = setInterval(read, 3);
  return { threads, stop: () => clearInterval(timer) };
}

/**
 * One scan process: wall time, exit status, peak RSS in MB, the JSON report (to check the runs agree),
 * and the CPU time of its main thread and of its busiest other thread (a worker, when there is one).
 * `roots` are the paths to scan (the whole tree by default); `pin` runs it on one core (`taskset -c 0`,
 * which execs node in its own process, so the thread ids read from /proc are node's). `sample` reads each
 * thread's CPU time from /proc every few ms: that costs this process CPU time the scan's threads then lack
 * when they fill every core (~40 ms of a 60 MB scan's wall time), so the timed runs go without it.
 */
async function scanOnce(tree, jobs, preload, { roots = [tree], pin = false, sample = false } = {}) {
  const t0 = performance.now();
  const nodeArgs = [
    '--require',
    preload,
    path.join(ROOT, 'dist/cli.js'),
    'scan',
    ...roots,
    '--format',
    'json',
    // No `--jobs` at all: the default thread count (scanPrestart.ts, `threadPlan`).
    ...(jobs === undefined ? [] : ['--jobs', String(jobs)]),
  ];
  const child = pin
    ? spawn('taskset', ['-c', '0', process.execPath, ...nodeArgs], { stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(process.execPath, nodeArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
  const sampler = sample ? sampleThreads(child.pid) : { threads: new Map(), stop: () => {} };
  const out = [];
  const err = [];
  child.stdout.on('data', (d) => out.push(d));
  child.stderr.on('data', (d) => err.push(d));
  const status = await new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  sampler.stop();
  const ms = performance.now() - t0;
  const [, rssKb, cpuUs] = /maxRSS (\d+) cpu (\d+)/.exec(Buffer.concat(err).toString()) ?? [];
  const others = [...sampler.threads]
    .filter(([tid]) => tid !== child.pid)
    .map(([, used]) => used)
    .sort((a, b) => b - a);
  return {
    ms,
    status,
    rssMb: Number(rssKb) / 1024,
    cpuMs: Number(cpuUs) / 1000,
    mainCpuMs: sample ? (sampler.threads.get(child.pid) ?? NaN) : NaN,
    busiestOtherCpuMs: Math.max(0, ...others),
    // The rest: V8's helper threads (optimizing compiles, GC), taken to be all but the `jobs - 1` busiest.
    helpersCpuMs: others.slice(jobs - 1).reduce((sum, used) => sum + used, 0),
    report: Buffer.concat(out).toString(),
  };
}

/**
 * The reference for any design with a second V8 isolate: two one-thread scan processes at once, each on
 * half of the tree's top-level directories. They share no work and no memory, and each pays its own start,
 * rule tables and JIT warm-up, as a worker thread does. Wall time until both have ended.
 */
async function pairOnce(tree, preload) {
  const tops = fs
    .readdirSync(tree)
    .sort()
    .map((name) => path.join(tree, name));
  const halves = [tops.filter((_, i) => i % 2 === 0), tops.filter((_, i) => i % 2 === 1)];
  const t0 = performance.now();
  await Promise.all(halves.map((roots) => scanOnce(tree, 1, preload, { roots })));
  return performance.now() - t0;
}

/**
 * Scans a generated tree of `mb` MB `runs` times on 1 thread and on `jobs`, interleaved; medians and their
 * ratio. `pin` adds a one-thread run pinned to one core, `pair` the two-process reference (pairOnce);
 * `sampleRuns` more runs of each give the CPU time by thread.
 */
async function measureJobs({
  mb = 60,
  runs = 3,
  jobs = os.availableParallelism(),
  pin = false,
  pair = false,
  sampleRuns = 3,
  timeDefault = false,
} = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sgpt-jobs-'));
  try {
    const tree = path.join(dir, 'tree');
    const { bytes } = generateTree(tree, mb * 1048576);
    const preload = path.join(dir, 'rss.js');
    fs.writeFileSync(
      preload,
      "if (require('node:worker_threads').isMainThread) process.on('exit', () =>\n" +
        '  process.stderr.write(`maxRSS ${process.resourceUsage().maxRSS} cpu ${process.cpuUsage().user + process.cpuUsage().system}\\n`));\n',
    );
    await scanOnce(tree, 1, preload); // The page cache, so no run pays the disk.
    const one = [];
    const many = [];
    const pinned = [];
    const pairs = [];
    let same = true;
    for (let i = 0; i < runs; i++) {
      const a = await scanOnce(tree, 1, preload);
      const b = await scanOnce(tree, jobs, preload);
      same &&= a.report === b.report && a.status === b.status;
      one.push(a);
      many.push(b);
      if (pin) {
        pinned.push((await scanOnce(tree, 1, preload, { pin: true })).ms);
      }
      if (pair) {
        pairs.push(await pairOnce(tree, preload));
      }
    }
    // The default, once: it grows onto an idle second core only, and reads the one-minute load average at its
    // start, which the runs above have raised; so it waits (up to 2 minutes) for that to fall under 1.
    let defaultRun;
    if (timeDefault) {
      const until = performance.now() + 120_000;
      while (os.loadavg()[0] >= 0.95 && performance.now() < until) {
        await new Promise((resume) => setTimeout(resume, 5000));
      }
      const load = os.loadavg()[0];
      defaultRun = { load, ms: (await scanOnce(tree, undefined, preload)).ms };
    }
    // What each thread used, from runs of their own (see `sample`).
    const sampledOne = [];
    const sampledMany = [];
    for (let i = 0; i < sampleRuns; i++) {
      sampledOne.push(await scanOnce(tree, 1, preload, { sample: true }));
      sampledMany.push(await scanOnce(tree, jobs, preload, { sample: true }));
    }
    const mbps = (ms) => bytes / 1048576 / (ms / 1000);
    const oneMs = median(one.map((r) => r.ms));
    const manyMs = median(many.map((r) => r.ms));
    return {
      mb: bytes / 1048576,
      runs,
      jobs,
      oneMs,
      manyMs,
      oneMbps: mbps(oneMs),
      manyMbps: mbps(manyMs),
      speedUp: oneMs / manyMs,
      pinnedMs: pin ? median(pinned) : undefined,
      defaultRun,
      pairMs: pair ? median(pairs) : undefined,
      oneCpuMs: median(one.map((r) => r.cpuMs)),
      manyCpuMs: median(many.map((r) => r.cpuMs)),
      // The critical path on idle cores: the one-thread run's main thread against the busiest thread of
      // the many-thread run (its main thread, which also walks and reports, or a worker).
      oneMainCpuMs: median(sampledOne.map((r) => r.mainCpuMs)),
      manyMainCpuMs: median(sampledMany.map((r) => r.mainCpuMs)),
      manyWorkerCpuMs: median(sampledMany.map((r) => r.busiestOtherCpuMs)),
      oneHelpersCpuMs: median(sampledOne.map((r) => r.helpersCpuMs)),
      manyHelpersCpuMs: median(sampledMany.map((r) => r.helpersCpuMs)),
      oneRssMb: Math.max(...one.map((r) => r.rssMb)),
      manyRssMb: Math.max(...many.map((r) => r.rssMb)),
      same,
      status: one[0].status,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Whether util-linux's `taskset` is here to pin a process to one core (Linux only). */
function hasTaskset() {
  const r = spawnSync('taskset', ['-c', '0', 'true']);
  return !r.error && r.status === 0;
}

/** The size of the large tree: where a worker's fixed costs are small against the scan. */
const LARGE_MB = 1000;

/** The `npm run bench` section. */
async function report({ section, fmt, verdict, quick }) {
  const m = await measureJobs({ mb: quick ? 20 : 60, runs: quick ? 3 : 5, pair: true });
  section(
    `Whole scan on every core: \`scan --jobs ${m.jobs}\` vs \`--jobs 1\` (${fmt(m.mb, 0)} MB tree, whole processes)`,
  );
  const load = os
    .loadavg()
    .map((l) => fmt(l, 1))
    .join(' ');
  console.log(
    `machine: ${os.availableParallelism()} cores, load average ${load} (the machine may be shared)`,
  );
  console.log(
    `--jobs 1: ${fmt(m.oneMs, 0)} ms ${fmt(m.oneMbps)} MB/s; --jobs ${m.jobs}: ${fmt(m.manyMs, 0)} ms ${fmt(m.manyMbps)} MB/s; medians of ${m.runs} interleaved runs (exit ${m.status})`,
  );
  console.log(
    `CPU time (all threads): ${fmt(m.oneCpuMs, 0)} ms on 1, ${fmt(m.manyCpuMs, 0)} ms on ${m.jobs} (the threads' overhead: ${fmt(m.manyCpuMs / m.oneCpuMs, 2)}x)`,
  );
  if (Number.isFinite(m.oneMainCpuMs)) {
    // Wall times mean little on a shared machine; what each thread used does not depend on the load. On
    // idle cores a run lasts at least as long as its busiest thread and as its CPU time shared over the
    // cores: on one scanning thread V8's helpers (optimizing compiles) use a core the scan leaves idle, on
    // more they take turns with the scan.
    const floor = (busiest, cpu) => Math.max(busiest, cpu / m.jobs);
    const bound =
      floor(m.oneMainCpuMs, m.oneCpuMs) / floor(Math.max(m.manyMainCpuMs, m.manyWorkerCpuMs), m.manyCpuMs);
    console.log(
      `CPU by thread (from /proc): main ${fmt(m.oneMainCpuMs, 0)} ms on 1; main ${fmt(m.manyMainCpuMs, 0)} ms and busiest other thread ${fmt(m.manyWorkerCpuMs, 0)} ms on ${m.jobs}; V8 helper threads (optimizing compiles, GC) ${fmt(m.oneHelpersCpuMs, 0)} ms on 1, ${fmt(m.manyHelpersCpuMs, 0)} ms on ${m.jobs}`,
    );
    console.log(
      `on ${m.jobs} idle cores the speed-up is at most about ${fmt(bound, 2)}x (a run takes at least its busiest thread's CPU time, and all its threads' CPU time over ${m.jobs} cores)`,
    );
  }
  console.log(
    `reference, two one-thread scans at once, each on half the tree (no shared work; each its own start-up and JIT warm-up, as a worker has): ${fmt(m.pairMs, 0)} ms, ${fmt(m.oneMs / m.pairMs, 2)}x`,
  );
  console.log(`reports identical on 1 and ${m.jobs} threads: ${m.same ? 'yes' : 'NO'}`);
  if (m.jobs >= 2) {
    console.log(
      `target >= 1.6x on 2+ cores (${fmt(m.mb, 0)} MB tree): ${fmt(m.speedUp, 2)}x -> ${verdict(m.speedUp >= 1.6)}`,
    );
  } else {
    console.log(`one core: no speed-up to measure (${fmt(m.speedUp, 2)}x)`);
  }
  console.log(
    `peak RSS: ${fmt(m.oneRssMb, 0)} MB on 1 thread, ${fmt(m.manyRssMb, 0)} MB on ${m.jobs}; target <= 150 MB: ${verdict(Math.max(m.oneRssMb, m.manyRssMb) <= 150)}`,
  );
  if (quick || m.jobs < 2) {
    return;
  }
  // A large tree: the same fixed costs per thread are a small part of the work, so this is the throughput
  // a large repository sees. Pinned to one core, the one-thread scan is also timed without the second core
  // its V8 helper threads use.
  const big = await measureJobs({
    mb: LARGE_MB,
    runs: 3,
    jobs: m.jobs,
    pin: hasTaskset(),
    sampleRuns: 0,
    timeDefault: true,
  });
  section(
    `Whole scan on every core, a large tree: \`scan --jobs ${big.jobs}\` vs \`--jobs 1\` (${fmt(big.mb, 0)} MB, whole processes)`,
  );
  console.log(
    `--jobs 1: ${fmt(big.oneMs, 0)} ms ${fmt(big.oneMbps)} MB/s; --jobs ${big.jobs}: ${fmt(big.manyMs, 0)} ms ${fmt(big.manyMbps)} MB/s; medians of ${big.runs} interleaved runs (exit ${big.status})`,
  );
  if (big.pinnedMs !== undefined) {
    console.log(
      `--jobs 1 pinned to one core (taskset -c 0): ${fmt(big.pinnedMs, 0)} ms ${fmt(big.mb / (big.pinnedMs / 1000))} MB/s; --jobs ${big.jobs} against it: ${fmt(big.pinnedMs / big.manyMs, 2)}x`,
    );
  }
  console.log(
    `CPU time (all threads): ${fmt(big.oneCpuMs, 0)} ms on 1, ${fmt(big.manyCpuMs, 0)} ms on ${big.jobs}; peak RSS ${fmt(big.oneRssMb, 0)} / ${fmt(big.manyRssMb, 0)} MB; reports identical: ${big.same ? 'yes' : 'NO'}`,
  );
  if (big.defaultRun) {
    const { load, ms } = big.defaultRun;
    console.log(
      `no --jobs (the default: one thread, growing onto an idle second core once the tree proves large), one run at load average ${fmt(load, 2)}: ${fmt(ms, 0)} ms, ${fmt(big.oneMs / ms, 2)}x --jobs 1${load >= 1 ? ' (the load kept it on one thread)' : ''}`,
    );
  }
  console.log(
    `target >= 1.6x on 2+ cores (${fmt(big.mb, 0)} MB tree, against --jobs 1 unpinned): ${fmt(big.speedUp, 2)}x -> ${verdict(big.speedUp >= 1.6)}`,
  );
}

module.exports = { measureJobs, report };

if (require.main === module) {
  require('./reporting').runAlone(report, process.argv.includes('--quick'));
}
