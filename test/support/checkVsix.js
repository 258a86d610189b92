#!/usr/bin/env node
// Proves the packaged extension works as users get it: checks what the .vsix holds, installs it into a throwaway
// code-server extensions dir (`--install-extension`) and runs out/test/integration/vsix/ against the installed copy,
// inside a private keyring so the packaged keytar binary is exercised too.
//
// Usage: node test/support/checkVsix.js [FILE.vsix]   (default: `npm run package`, then secure-gpt.vsix)
// Needs the tests compiled (npm run compile-tests) and code-server installed (test/support/codeServer.sh).
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { root } = require('./codeServerHost');

const say = (message) => console.log(`[vsix] ${message}`);

/** Every file the package must carry, and patterns it must not. */
const required = [
  'extension/package.json',
  // vsce renames these: LICENSE (without it vsce stops to ask) and the changelog the Marketplace shows.
  'extension/LICENSE.txt',
  'extension/changelog.md',
  'extension/dist/extension.js',
  // The extension's entry loads the rest from here just after activation (esbuild.js, extensionChunks).
  'extension/dist/ext/features.js',
  'extension/dist/ext/logScrubber.js',
  'extension/dist/server.js',
  'extension/dist/cli.js',
  // The CLI's subcommands are bundles of their own beside it (esbuild.js, cliCommandChunks).
  'extension/dist/cli/scan.js',
  'extension/dist/cli/lsp.js',
  // `scan --jobs` starts its workers from the first, which loads the second (src/cli/scanWorkerBoot.ts).
  'extension/dist/cli/scanWorkerBoot.js',
  'extension/dist/cli/scanWorker.js',
  // The editor's Start Local Gateway runs this one (src/extension/gateway/).
  'extension/dist/cli/proxy.js',
  'extension/dist/webview.js',
  'extension/node_modules/keytar/package.json',
  'extension/node_modules/keytar/lib/keytar.js',
  'extension/node_modules/keytar/build/Release/keytar.node',
];
const forbidden = [
  /^extension\/(src|test|out|\.vscode-test|\.secure-gpt)\//,
  /^extension\/(CONTRIBUTING\.md|\.pre-commit-hooks\.yaml)$/,
  /\.map$/,
  /^extension\/node_modules\/(?!keytar\/)/,
];

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited ${result.status ?? result.signal}`);
  }
  return result;
}

function listVsix(file) {
  // A .vsix is a zip. python3 is on every machine this runs on (node-gyp needs it); unzip may not be.
  const script = 'import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))';
  const result = spawnSync('python3', ['-c', script, file], { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`cannot list ${file}: ${result.stderr || result.error}`);
  }
  return result.stdout.split('\n').filter((line) => line !== '');
}

function checkContents(file) {
  const entries = listVsix(file);
  const missing = required.filter((entry) => !entries.includes(entry));
  const unwanted = entries.filter((entry) => forbidden.some((pattern) => pattern.test(entry)));
  if (missing.length > 0 || unwanted.length > 0) {
    throw new Error(
      `${path.basename(file)} is wrong:\n` +
        missing.map((entry) => `  missing: ${entry}`).join('\n') +
        unwanted.map((entry) => `\n  unwanted: ${entry}`).join(''),
    );
  }
  say(`${path.basename(file)}: ${entries.length} entries, keytar.node included, no sources, tests or maps`);
}

/** A do-nothing extension to stand in as the development extension, so the real one loads from the .vsix. */
function probeExtension() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secure-gpt-vsix-probe-'));
  const manifest = {
    name: 'vsix-probe',
    publisher: 'secure-gpt-test',
    version: '0.0.0',
    engines: { vscode: '^1.100.0' },
  };
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest));
  return dir;
}

function main() {
  const started = Date.now();
  let vsix = process.argv[2] && path.resolve(process.argv[2]);
  if (!vsix) {
    run('npm', ['run', '--silent', 'package'], { stdio: ['ignore', 'ignore', 'inherit'] });
    vsix = path.join(root, 'secure-gpt.vsix');
  }
  checkContents(vsix);
  const probe = probeExtension();
  try {
    const tests = 'out/test/integration/vsix/installedVsix.vsixcheck.js';
    run(
      path.join(root, 'test', 'support', 'withKeyring.sh'),
      [
        'node',
        'test/support/runVsCode.js',
        '--extension',
        probe,
        '--install-extension',
        vsix,
        '--tests',
        'out/test/integration/index.js',
      ],
      { env: { ...process.env, SECURE_GPT_TEST_FILES: tests } },
    );
  } finally {
    fs.rmSync(probe, { recursive: true, force: true });
  }
  say(`the .vsix installs into code-server and activates (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

try {
  main();
} catch (error) {
  console.error(`[vsix] FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
