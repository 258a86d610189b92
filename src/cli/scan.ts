import { statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import type { LoadedAllowlist } from '../core/detect/allowlist';
import {
  allowlistMatcher,
  AllowlistError,
  findAllowlistFile,
  readAllowlistFile,
} from '../core/detect/allowlist';
import { builtinRules } from '../core/detect/catalog';
import type { Finding } from '../core/detect/finding';
import type { WalkEntry } from '../core/fs/walk';
import {
  findGitRoot,
  globFilter,
  relativeFrom,
  relativeNamer,
  toPosix,
  walk,
  walkPaths,
} from '../core/fs/walk';
import { formatBytes, parseChoice, parseOptions, parseSize } from './args';
import { flushCodeCaches } from './codeCache';
import { keepYoungGenerationSmall, restoreYoungGenerationGrowth } from './scanJit';
import type { CliCommand, CliIo } from './command';
import { EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, UsageError } from './command';
import { formatJson } from './format/json';
import type { FileFinding } from './format/report';
import { formatSarif } from './format/sarif';
import { formatTextLine, formatTextSummary } from './format/text';
import { createProgress } from './progress';
import { createScanPool } from './scanPool';
import { scanThreadPlan, takePrestartedWorkers } from './scanPrestart';
import type { FileResult } from './scanWork';
import { scanEntry, unexaminedWarning } from './scanWork';

const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

/** Larger files are usually data, bundles or dumps; skipping them (with a note) keeps a scan fast and bounded. */
const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

const HELP = `Usage: secure-gpt scan [options] [paths...]

Scans files and directories (default: .) for API keys, tokens, private keys and passwords.
Honors .gitignore files and skips binary files. Paths named on the command line are scanned even
when git-ignored. Output never holds a secret: only a masked preview and its sha256 fingerprint.

Options:
  -f, --format FORMAT      text (default), json or sarif (SARIF 2.1.0, for GitHub code scanning)
      --exclude GLOB       skip matching files and directories; repeatable. Matched against the path
                           relative to the scanned directory; a glob without '/' matches any base name
      --no-gitignore       scan git-ignored files too
      --max-file-size SIZE skip larger files (bytes, or 512k, 1m...; default 10m)
      --allowlist FILE     allowlist file (default: .secure-gpt/allowlist.json at the scanned
                           directory or above it, up to the git root)
      --staged             scan what the next commit would record: the staged blobs in git's index,
                           not the work tree (for pre-commit hooks); takes no paths
  -j, --jobs N             threads to scan with (default: the idle cores less one, or all of
                           them once a tree proves large); a large tree is spread over them, a few
                           files stay on one; the report is the same
  -h, --help               show this help

Exit status: 0 no findings, 1 findings, 2 error (bad option, missing path, unreadable file,
malformed allowlist).
`;

/** `secure-gpt scan`: the engine over files, for pre-commit hooks and CI. */
export const scanCommand: CliCommand = {
  help: HELP,
  // Each thread's scan is synchronous (sync reads are the fastest way through many small files). Each thread
  // reads what it scans: the walk and reads of a 56 MB tree cost the scanning thread ~40 ms of CPU, and a
  // reader thread that took them over cost more (its start, walk and copies, 60-75 ms on the core V8's
  // compiler uses) than it saved; the whole scan was no faster on 2 cores and slower on one (README).
  run: (args, io) => Promise.resolve().then(() => runScan(args, io)),
};

async function runScan(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    format: { type: 'string', short: 'f', default: 'text' },
    exclude: { type: 'string', multiple: true },
    'no-gitignore': { type: 'boolean' },
    'max-file-size': { type: 'string' },
    allowlist: { type: 'string' },
    staged: { type: 'boolean' },
    jobs: { type: 'string', short: 'j' },
  });
  const format: Format = parseChoice(values.format, FORMATS, '--format');
  const maxFileSize =
    values['max-file-size'] === undefined
      ? DEFAULT_MAX_FILE_SIZE
      : parseSize(values['max-file-size'], '--max-file-size');
  const threads = scanThreadPlan(values.jobs === undefined ? undefined : parseJobs(values.jobs));
  const excludes = values.exclude ?? [];
  const staged = values.staged === true;
  if (staged && positionals.length > 0) {
    throw new UsageError('--staged scans the index and takes no paths');
  }
  const roots = positionals.length > 0 ? positionals : ['.'];
  const cwd = process.cwd();
  // Only --staged runs git: the rest of the time child_process (~6 ms to load) stays unloaded.
  const stagedModule = staged ? await import('./staged') : undefined;
  const fail = (message: string): void => void io.stderr.write(`secure-gpt scan: ${message}\n`);

  // A typo in a CI path must fail loudly, not scan nothing and pass.
  const missing = roots.filter((root) => !pathExists(root));
  if (missing.length > 0) {
    missing.forEach((root) => fail(`${root}: no such file or directory`));
    return EXIT_ERROR;
  }

  let allowlists: (dir: string) => LoadedAllowlist | undefined;
  try {
    allowlists = allowlistResolver(values.allowlist, cwd);
    roots.forEach((root) => allowlists(rootDir(root)));
  } catch (error) {
    if (error instanceof AllowlistError) {
      fail(`allowlist ${error.message}`);
      return EXIT_ERROR;
    }
    throw error;
  }

  // `process.hrtime`, not the `performance` global: its first read loads perf_hooks (~1 ms of start-up).
  const started = process.hrtime.bigint();
  const progress = createProgress(io.stderr, io.isTty);
  const findings: FileFinding[] = [];
  const seen = new Set<string>();
  let files = 0;
  let bytes = 0;
  let binary = 0;
  let tooLarge = 0;
  let errors = 0;

  /** Reports one file's result: the same whichever thread scanned it, in the walk's order. */
  const record = (task: Task, result: FileResult): void => {
    const { file } = task;
    if (result.kind === 'error') {
      errors++;
      progress.done();
      fail(`${file}: ${result.message}`);
      return;
    }
    if (result.kind === 'skipped') {
      if (result.reason === 'binary') {
        binary++;
      } else {
        tooLarge++;
        progress.done();
        fail(
          `${file}: skipped, ${formatBytes(result.size)} is over --max-file-size ${formatBytes(maxFileSize)}`,
        );
      }
      return;
    }
    files++;
    bytes += result.size;
    if (result.unexamined !== undefined) {
      progress.done();
      fail(`${file}: ${unexaminedWarning(result.unexamined)}`);
    }
    for (const finding of result.findings) {
      if (task.isAllowlisted(finding, task.workspacePath)) {
        continue;
      }
      findings.push({ file, finding });
      if (format === 'text') {
        progress.done();
        io.stdout.write(formatTextLine({ file, finding }));
      }
    }
    progress.update(files, bytes);
  };

  const tasks: Task[] = [];
  const prestarted = takePrestartedWorkers();
  // Without --jobs on an idle 2-core machine: one thread, two once the tree proves large (`growLate`).
  const growLate = threads.jobs === 1 && threads.growTo > 1;
  const pool =
    threads.growTo > 1 && !staged
      ? createScanPool({ jobs: threads.growTo, maxFileSize, prestarted, growLate }, (index, result) =>
          record(tasks[index]!, result),
        )
      : undefined;
  if (!pool) {
    prestarted.forEach((worker) => void worker.terminate());
    keepYoungGenerationSmall();
  }
  for (const root of roots) {
    const loaded = allowlists(rootDir(root));
    const isAllowlisted = loaded ? allowlistMatcher(loaded.allowlist) : () => false;
    // --staged covers the whole index, as a commit does: its globs are relative to the repository root.
    const base = staged ? (findGitRoot(cwd) ?? cwd) : statSync(root).isDirectory() ? root : cwd;
    const excluded = globFilter(excludes, base);
    const allowlistedPath = loaded ? globFilter(loaded.allowlist.paths, loaded.root) : () => false;
    const skip = (path: string): boolean => excluded(path) || allowlistedPath(path);
    const fromCwd = relativeNamer(cwd, resolve(root));
    const taskFor = (path: string): Task | undefined => {
      if (seen.has(path)) {
        return undefined; // Overlapping roots (`scan . src`) report a file once.
      }
      seen.add(path);
      const workspacePath = loaded ? toPosix(relativeFrom(loaded.root, path)) : undefined;
      return { file: toPosix(fromCwd(path)) || '.', workspacePath, isAllowlisted };
    };
    if (pool) {
      // The walk feeds the threads as it goes; the results come back in its order (see scanPool.ts).
      for (const found of walkPaths([root], { gitignore: values['no-gitignore'] !== true, exclude: skip })) {
        const task = taskFor(found.path);
        if (task) {
          tasks.push(task);
          pool.add(found.kind === 'found' ? found.path : scanEntry(found));
        }
      }
      continue;
    }
    let entries: Iterable<WalkEntry>;
    try {
      entries = stagedModule
        ? [...stagedModule.stagedEntries(cwd, maxFileSize)].filter((e) => !skip(e.path))
        : walk([root], { gitignore: values['no-gitignore'] !== true, maxFileSize, exclude: skip });
    } catch (error) {
      if (stagedModule && error instanceof stagedModule.StagedError) {
        fail(`--staged: ${error.message}`);
        return EXIT_ERROR;
      }
      throw error;
    }
    for (const entry of entries) {
      const task = taskFor(entry.path);
      if (task) {
        record(task, scanEntry(entry));
      }
    }
  }
  await pool?.finish();
  progress.done();

  if (format === 'json') {
    io.stdout.write(formatJson(findings));
  } else if (format === 'sarif') {
    io.stdout.write(formatSarif(findings, builtinRules, cwd));
  } else {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    io.stdout.write(formatTextSummary(findings, { files, bytes, binary, tooLarge, errors, seconds }));
  }
  // A missed code cache of this bundle (see codeCache.ts) is written now, holding what the scan compiled, under
  // the flags it was read with.
  restoreYoungGenerationGrowth();
  flushCodeCaches();
  return errors > 0 ? EXIT_ERROR : findings.length > 0 ? EXIT_FINDINGS : EXIT_OK;
}

/** One file as the report names it, with the allowlist that governs it. */
interface Task {
  readonly file: string;
  readonly workspacePath: string | undefined;
  readonly isAllowlisted: (finding: Finding, workspacePath?: string) => boolean;
}

function parseJobs(value: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) {
    throw new UsageError(`--jobs: '${value}' is not a thread count (a whole number, 1 or more)`);
  }
  return Number(value);
}

function pathExists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

/** The directory whose allowlist governs `root`: the root itself, or a file's directory. */
function rootDir(root: string): string {
  const path = resolve(root);
  return statSync(path).isDirectory() ? path : dirname(path);
}

/**
 * Resolves the allowlist for each scanned directory: the `--allowlist` file for all of them, or else the
 * nearest `.secure-gpt/allowlist.json` up to the git root. Each file is read once; a malformed one throws.
 */
function allowlistResolver(
  explicit: string | undefined,
  cwd: string,
): (dir: string) => LoadedAllowlist | undefined {
  if (explicit !== undefined) {
    const loaded = readAllowlistFile(resolve(cwd, explicit), explicit);
    return () => loaded;
  }
  const cache = new Map<string, LoadedAllowlist>();
  return (dir) => {
    const file = findAllowlistFile(dir, findGitRoot(dir) ?? dir);
    if (file === undefined) {
      return undefined;
    }
    let loaded = cache.get(file);
    if (!loaded) {
      loaded = readAllowlistFile(file, toPosix(relative(cwd, file)));
      cache.set(file, loaded);
    }
    return loaded;
  };
}
