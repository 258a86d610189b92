#!/usr/bin/env node
// Runs an extension test suite inside the real VS Code 1.100.3 (code-server), driven by headless Chromium.
//
// Usage: node test/support/runVsCode.js --tests out/test/integration/index.js
//          [--extension DIR]          extensionDevelopmentPath (default: the repo)
//          [--workspace DIR]          copied to a temp dir per run (default: test/fixtures/workspace)
//          [--install-extension F]    a .vsix installed into the throwaway extensions dir first (repeatable)
//          [--timeout MS]             watchdog (default: RUN_TIMEOUT_MS or 600000)
// Exit: 0 green, 1 red (a failing test, or a test file that does not load), 2 watchdog timeout, 3 harness error.
// Environment variables pass through to the extension host. VERBOSE=1 shows server and all browser output.
// SECURE_GPT_TEST_HOOKS is set to a fresh random token: with it, and only in test mode, the extension publishes
// the hooks the tests use (src/extension/testHooks.ts); a production host never sets it.
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const util = require('util');
const { chromium } = require('playwright-core');
const host = require('./codeServerHost');

const verbose = Boolean(process.env.VERBOSE);
const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
const say = (message) => console.log(`[runner] ${message}`);

function parseArgs(argv) {
  const options = {
    extension: host.root,
    tests: undefined,
    workspace: path.join(host.root, 'test', 'fixtures', 'workspace'),
    installExtensions: [],
    timeoutMs: Number(process.env.RUN_TIMEOUT_MS || 600_000),
  };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    if (value === undefined) {
      throw new Error(`${argv[i]} needs a value`);
    }
    switch (argv[i++]) {
      case '--extension':
        options.extension = path.resolve(value);
        break;
      case '--tests':
        options.tests = path.resolve(value);
        break;
      case '--workspace':
        options.workspace = path.resolve(value);
        break;
      case '--install-extension':
        options.installExtensions.push(path.resolve(value));
        break;
      case '--timeout':
        options.timeoutMs = Number(value);
        break;
      default:
        throw new Error(`unknown option ${argv[i - 1]}`);
    }
  }
  if (!options.tests) {
    throw new Error('--tests FILE is required');
  }
  // VS Code accepts the entry with or without .js; check the file it will load.
  const testsFile = options.tests.endsWith('.js') ? options.tests : `${options.tests}.js`;
  for (const file of [testsFile, options.workspace, path.join(options.extension, 'package.json')]) {
    if (!fs.existsSync(file)) {
      throw new Error(`not found: ${file}`);
    }
  }
  for (const file of options.installExtensions) {
    if (!fs.existsSync(file)) {
      throw new Error(`not found: ${file}`);
    }
  }
  return options;
}

/** Lines the test index (test/integration/index.ts) logs, mocha's report among them, carry this tag. */
const testsTag = '[tests] ';
const noise = /Failed to load resource|open-vsx|ENOTFOUND|ERR_NAME_NOT_RESOLVED|service worker controller/;

/**
 * Prints a workbench console message. The extension host's console reaches the workbench as log lines
 * (['%c INFO', 'color: ...', text]): the tagged ones are the test report and print bare; other logs show with
 * VERBOSE=1, errors always.
 */
async function printConsole(message) {
  const type = message.type();
  let args;
  try {
    args = await Promise.all(message.args().map((arg) => arg.jsonValue()));
  } catch {
    args = [message.text()];
  }
  if (typeof args[0] === 'string' && args[0].includes('%c')) {
    const styles = (args[0].match(/%c/g) || []).length;
    args = [args[0].replace(/%c/g, '').trim(), ...args.slice(1 + styles)];
  }
  const tagged = args.findIndex((arg) => typeof arg === 'string' && arg.startsWith(testsTag));
  if (tagged >= 0) {
    console.log(util.format(...args.slice(tagged)).slice(testsTag.length));
    return;
  }
  // Error objects serialise to {}: fall back to the browser's own rendering.
  let text = util.format(...args);
  if (text.trim() === '' || text.includes('{}')) {
    text = message.text();
  }
  if (verbose || (type === 'error' && text.trim() !== '' && !noise.test(text))) {
    console.log(`[workbench:${type}] ${text}`);
  }
}

/** Waits for `promise` (if any) to settle, but no longer than `ms`. */
function settle(promise, ms) {
  let timer;
  const timeout = new Promise((resolve) => (timer = setTimeout(resolve, ms)));
  return Promise.race([Promise.resolve(promise).catch(() => {}), timeout]).finally(() => clearTimeout(timer));
}

/** Set once the server may be running: stops everything, then exits with `code`. */
let finish = async (code, reason) => {
  if (reason) {
    console.error(`[runner] ${reason}`);
  }
  process.exit(code);
};

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const entry = host.codeServerEntry();
  const { codeServer, vscode } = host.versions(entry);
  say(`code-server ${codeServer} (VS Code ${vscode})`);

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'secure-gpt-vscode-'));
  const dirs = host.instanceDirs(tmp);
  const workspace = path.join(tmp, 'workspace');
  host.copyDir(options.workspace, workspace);
  const env = host.serverEnv(dirs, {
    SECURE_GPT_EXTENSIONS_DIR: dirs.extensions,
    SECURE_GPT_TEST_WORKSPACE: workspace,
    SECURE_GPT_TEST_HOOKS: crypto.randomBytes(16).toString('hex'),
  });

  let server;
  let browser;
  let printing = Promise.resolve();
  const serverLog = [];
  let finishing = false;
  const watchdog = setTimeout(
    () => void finish(2, `TIMEOUT: no result within ${options.timeoutMs} ms`),
    options.timeoutMs,
  );
  finish = async (code, reason) => {
    if (finishing) {
      return;
    }
    finishing = true;
    clearTimeout(watchdog);
    await settle(printing, 2000);
    if (reason) {
      console.error(`[runner] ${reason}`);
    }
    // A red test is the suite's news; a harness failure (timeout, crash) needs the server's side of the story.
    if (code > 1 && !verbose && serverLog.length > 0) {
      console.error(`[runner] code-server output:\n${serverLog.join('')}`);
    }
    // The server first: it is the one that would outlive us. Each step is bounded, so cleanup cannot hang.
    await settle(server?.stop(), 10_000);
    await settle(browser?.close(), 5000);
    fs.rmSync(tmp, { recursive: true, force: true });
    say(`exit ${code} after ${elapsed()}`);
    process.exit(code);
  };
  // Playwright can throw from its own callbacks when the page goes away mid-call: clean up, never crash past it.
  process.on('uncaughtException', (error) => void finish(3, `uncaught: ${error.stack || error}`));
  process.on('unhandledRejection', (error) => void finish(3, `unhandled: ${error?.stack || error}`));
  // Last resort if this process dies anyway: a detached code-server would otherwise run on.
  process.on('exit', () => server?.kill());
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => void finish(130, `interrupted by ${signal}`));
  }

  host.installExtensions(entry, dirs, options.installExtensions, env);
  const port = await host.freePort();
  server = host.startServer({
    entry,
    dirs,
    port,
    folder: workspace,
    env,
    onOutput: (text) => (verbose ? process.stdout.write(`[server] ${text}`) : serverLog.push(text)),
  });
  server.child.on('exit', (code, signal) => void finish(3, `code-server exited (${code ?? signal})`));
  await server.listening;
  say(`code-server listening on 127.0.0.1:${port} after ${elapsed()}`);

  browser = await chromium.launch(host.chromiumOptions());
  const page = await browser.newPage();
  await host.serveEscapedWebviewResources(page, [options.extension, dirs.extensions, workspace], (file) => {
    if (verbose) {
      say(`served ${file} for a webview (the service worker missed it)`);
    }
  });
  // Chained, so lines print in the order the workbench logged them; none once finishing (the workbench then only
  // complains that its server went away).
  page.on('console', (message) => {
    if (!finishing) {
      printing = printing.then(() => printConsole(message));
    }
  });
  page.on('requestfailed', (request) => {
    if (verbose) {
      console.log(`[workbench:requestfailed] ${request.url()} ${request.failure()?.errorText ?? ''}`);
    }
  });
  page.on('pageerror', (error) => verbose && console.log(`[workbench:pageerror] ${error.message}`));
  page.on('crash', () => void finish(3, 'the workbench page crashed'));
  // The workbench calls this when the extension tests' run() settles: 0 resolved, 1 rejected.
  const result = new Promise((resolve) => {
    void page.exposeFunction('codeAutomationExit', (code) => resolve(code));
  });

  const authority = `127.0.0.1:${port}`;
  const payload = [
    ['extensionDevelopmentPath', `vscode-remote://${authority}${options.extension}`],
    ['extensionTestsPath', `vscode-remote://${authority}${options.tests}`],
  ];
  const url = `${server.url}?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  if (verbose) {
    say(`open ${url}`);
  }
  await page.goto(url);
  const code = await result;
  await finish(code === 0 ? 0 : 1, code === 0 ? undefined : `the tests reported exit code ${code}`);
}

main().catch((error) => {
  void finish(3, `ERROR ${error instanceof Error ? error.message : String(error)}`);
});
