#!/usr/bin/env node
// `npm run test:integration` (after the build and test compile): installs code-server if missing, runs the
// integration suite in it inside a private keyring, then checks the harness itself can fail, and that the .vsix
// installs and activates.
//
// Usage: node test/support/runIntegration.js [FILE...] [--grep PATTERN]
//   FILE: test/integration/x.integration.test.ts (or its compiled .js); with FILEs or --grep only those run,
//   and the self-checks and .vsix check are skipped. SKIP_VSIX_CHECK=1 skips the .vsix check alone.
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { root } = require('./codeServerHost');

const support = path.join(root, 'test', 'support');

const index = 'out/test/integration/index.js';
const timings = [];

function timed(label, action) {
  const started = Date.now();
  const result = action();
  timings.push(`${label} ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

function fail(message, output) {
  if (output) {
    process.stderr.write(output);
  }
  console.error(`[integration] FAILED: ${message}${timings.length > 0 ? ` (${timings.join(', ')})` : ''}`);
  process.exit(1);
}

/** Maps test/integration/x.integration.test.ts to the compiled out/test/integration/x.integration.test.js. */
function compiledPath(file) {
  const relative = path.relative(root, path.resolve(file));
  return relative.startsWith('out' + path.sep)
    ? relative
    : path.join('out', relative.replace(/\.ts$/, '.js'));
}

function parseArgs(argv) {
  const files = [];
  let grep;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--grep') {
      grep = argv[++i];
    } else {
      files.push(compiledPath(argv[i]));
    }
  }
  return { files, grep };
}

/** Runs the test runner in a private keyring; `capture` collects its output instead of streaming it. */
function runner(args, { env = {}, capture = false } = {}) {
  const result = spawnSync(
    path.join(support, 'withKeyring.sh'),
    ['node', path.join(support, 'runVsCode.js'), ...args],
    {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      encoding: 'utf8',
    },
  );
  return { status: result.status, output: capture ? `${result.stdout}${result.stderr}` : '' };
}

/** A run the harness must report red: `expect` checks its exit status and output. */
function selfCheck(label, args, env, expect) {
  const { status, output } = timed(`self-check (${label})`, () => runner(args, { env, capture: true }));
  const problem = expect(status, output);
  if (problem) {
    fail(`self-check "${label}": ${problem}; the harness would let a broken run pass`, output);
  }
  console.log(`[integration] self-check: ${label} -> exit ${status}, as it must`);
}

/**
 * Packages test/fixtures/probeExtension (an extension with no privilege, reading what any other extension can:
 * see exports.integration.test.ts) into a throwaway .vsix. Code-server loads one extensionDevelopmentPath only,
 * so the probe comes in as an installed extension, as a user's other extensions do.
 */
function packageProbe() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secure-gpt-probe-'));
  const vsix = path.join(dir, 'probe.vsix');
  const result = spawnSync(
    path.join(root, 'node_modules', '.bin', 'vsce'),
    ['package', '--allow-missing-repository', '--skip-license', '--out', vsix],
    { cwd: path.join(root, 'test', 'fixtures', 'probeExtension'), encoding: 'utf8' },
  );
  if (result.status !== 0) {
    fail('the probe extension did not package', `${result.stdout}${result.stderr}`);
  }
  return { vsix, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

function main() {
  const { files, grep } = parseArgs(process.argv.slice(2));
  const focused = files.length > 0 || grep !== undefined;

  const install = timed('code-server install/check', () =>
    spawnSync(path.join(support, 'codeServer.sh'), [], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
    }),
  );
  if (install.status !== 0) {
    fail('code-server could not be installed');
  }
  const entry = install.stdout.trim().split('\n').pop();
  process.env.CODE_SERVER_ENTRY = entry;

  const env = {};
  if (files.length > 0) {
    env.SECURE_GPT_TEST_FILES = files.join(',');
  }
  if (grep !== undefined) {
    env.SECURE_GPT_TEST_GREP = grep;
  }
  // A second extension, installed as users install one, runs next to ours: the tests check what it can reach.
  const probe = timed('probe extension package', packageProbe);
  const suite = timed('integration suite', () =>
    runner(['--install-extension', probe.vsix, '--tests', index], { env }),
  );
  probe.remove();
  if (suite.status !== 0) {
    fail(`the integration suite exited ${suite.status}`);
  }
  if (focused) {
    console.log(`[integration] green (${timings.join(', ')}); self-checks skipped for a focused run`);
    return;
  }

  selfCheck(
    'a failing assertion turns the run red',
    ['--tests', index],
    { SECURE_GPT_TEST_FILES: 'out/test/integration/selfcheck/redRun.selfcheck.js' },
    (status, output) =>
      status !== 1
        ? `exit ${status}, expected 1`
        : !/^\s*1 passing/m.test(output) || !/^\s*1 failing/m.test(output)
          ? "mocha's report (1 passing, 1 failing) did not reach the terminal"
          : undefined,
  );
  selfCheck(
    'a missing test entry is an error',
    ['--tests', 'out/test/integration/noSuchIndex.js'],
    {},
    (status) => (status === 0 || status === null ? `exit ${status}` : undefined),
  );
  selfCheck(
    'the watchdog ends a run that never reports',
    ['--tests', index, '--timeout', '2000'],
    {},
    (status) => (status !== 2 ? `exit ${status}, expected 2` : undefined),
  );

  // Restricted Mode needs a workbench started with workspace trust on, so it is a run of its own.
  const restricted = timed('restricted mode', () =>
    runner(['--tests', index], {
      env: {
        SECURE_GPT_WORKSPACE_TRUST: '1',
        SECURE_GPT_TEST_FILES: 'out/test/integration/restricted/restricted.trustcheck.js',
      },
    }),
  );
  if (restricted.status !== 0) {
    fail(`the Restricted Mode suite exited ${restricted.status}`);
  }

  if (process.env.SKIP_VSIX_CHECK) {
    console.log('[integration] .vsix check skipped (SKIP_VSIX_CHECK)');
  } else {
    const vsix = timed('.vsix check', () =>
      spawnSync(process.execPath, [path.join(support, 'checkVsix.js')], { cwd: root, stdio: 'inherit' }),
    );
    if (vsix.status !== 0) {
      fail('the packaged .vsix did not install and activate');
    }
  }
  console.log(`[integration] green: ${timings.join(', ')}`);
}

if (!fs.existsSync(path.join(root, index))) {
  fail(`${index} is missing: run npm run compile-tests first`);
}
main();
