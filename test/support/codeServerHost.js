// Starting and stopping code-server (the real VS Code 1.100.3 server and web workbench), shared by the test
// runner (runVsCode.js), the .vsix check (checkVsix.js) and `npm start` (start.js).
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const path = require('path');

const root = path.resolve(__dirname, '..', '..');
const codeServerDir = path.join(root, '.vscode-test', 'code-server');

/** entry.js of the code-server that test/support/codeServer.sh installed (or CODE_SERVER_ENTRY). */
function codeServerEntry() {
  const entry =
    process.env.CODE_SERVER_ENTRY ||
    path.join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (!fs.existsSync(entry)) {
    throw new Error(`code-server is not installed at ${entry}: run test/support/codeServer.sh`);
  }
  return entry;
}

/** Versions read from the install itself, e.g. { codeServer: '4.100.3', vscode: '1.100.3' }. */
function versions(entry) {
  const pkg = path.resolve(entry, '..', '..', '..');
  const read = (file) => JSON.parse(fs.readFileSync(file, 'utf8')).version;
  return {
    codeServer: read(path.join(pkg, 'package.json')),
    vscode: read(path.join(pkg, 'lib', 'vscode', 'package.json')),
  };
}

/** Runs code-server (or its CLI, e.g. --install-extension) to completion; throws on failure. */
function runCli(entry, args, env) {
  const result = spawnSync(process.execPath, [entry, ...args], { env, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(
      `code-server ${args.join(' ')} failed (${result.status}):\n${result.stdout}${result.stderr}`,
    );
  }
  return result.stdout;
}

/** A free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Directories of one code-server instance: every piece of state it writes lives below `base`. */
function instanceDirs(base) {
  return {
    userData: path.join(base, 'user-data'),
    extensions: path.join(base, 'extensions'),
    xdgData: path.join(base, 'xdg-data'),
    xdgConfig: path.join(base, 'xdg-config'),
    config: path.join(base, 'config.yaml'),
  };
}

/**
 * The environment for code-server: the caller's (so tests can pass settings to the extension host), its own XDG
 * dirs, and no extension gallery unless the caller names one (code-server's default is open-vsx.org, and these
 * runs stay on 127.0.0.1).
 */
function serverEnv(dirs, extra = {}) {
  return {
    ...process.env,
    XDG_DATA_HOME: dirs.xdgData,
    XDG_CONFIG_HOME: dirs.xdgConfig,
    EXTENSIONS_GALLERY: process.env.EXTENSIONS_GALLERY || '{}',
    ...extra,
  };
}

/** Installs .vsix files into the instance's extensions dir, before the server starts. */
function installExtensions(entry, dirs, files, env) {
  for (const file of files) {
    runCli(
      entry,
      ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--install-extension', file],
      env,
    );
  }
}

/**
 * Starts code-server on 127.0.0.1 with telemetry, update checks and workspace trust off (trust stays on, so the
 * workspace opens in Restricted Mode, when SECURE_GPT_WORKSPACE_TRUST=1), in its own process group
 * so `stop` ends its extension host and helpers too. `listening` resolves once it serves; `onOutput` gets its log.
 */
function startServer({ entry, dirs, port, folder, env, extraArgs = [], onOutput = () => {} }) {
  const args = [
    entry,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--config',
    dirs.config,
    '--user-data-dir',
    dirs.userData,
    '--extensions-dir',
    dirs.extensions,
    '--disable-telemetry',
    '--disable-update-check',
    ...(process.env.SECURE_GPT_WORKSPACE_TRUST === '1' ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...extraArgs,
    folder,
  ];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env, detached: true });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const listening = new Promise((resolve, reject) => {
    const onData = (data) => {
      const text = data.toString();
      onOutput(text);
      if (/HTTP server listening/.test(text)) {
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then(({ code, signal }) => reject(new Error(`code-server exited early (${code ?? signal})`)));
  });
  // Callers may stop the server before it listens; that rejection is theirs to ignore.
  listening.catch(() => {});
  const group = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // Already gone.
    }
  };
  return {
    child,
    listening,
    url: `http://127.0.0.1:${port}/`,
    /** SIGKILLs the whole process group at once (synchronous, for exit handlers). */
    kill() {
      group('SIGKILL');
    },
    /** Stops the whole process group: SIGTERM, then SIGKILL after a grace period. */
    async stop(graceMs = 5000) {
      if (child.exitCode !== null || child.signalCode !== null) {
        group('SIGKILL'); // helpers that outlived it
        return;
      }
      group('SIGTERM');
      const timer = setTimeout(() => group('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
      group('SIGKILL'); // helpers that ignored SIGTERM
    },
  };
}

/** Copies a directory tree (the fixture workspace) to `dest`. */
function copyDir(source, dest) {
  fs.cpSync(source, dest, { recursive: true });
}

/**
 * Launch options for the Debian chromium package, headless and as root. Host names other than 127.0.0.1 do not
 * resolve, so the browser cannot reach out; it gets no session bus, so it never touches the test keyring.
 */
function chromiumOptions() {
  const env = { ...process.env };
  delete env.DBUS_SESSION_BUS_ADDRESS;
  return {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    env,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--password-store=basic',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
    ],
  };
}

/**
 * Webviews load their files from https://*.vscode-resource.vscode-cdn.net/<absolute path>, which the webview
 * service worker answers from the server. When a webview starts while that worker is being replaced, the request
 * escapes to the network instead (a race in VS Code's web workbench: it leaves a webview blank now and then).
 * Answer those escapes the way the worker would, from the same files, limited to `roots` (the extension, the
 * installed extensions, the workspace); anything else gets a 404. `onServe(file)` hears of each one.
 */
async function serveEscapedWebviewResources(page, roots, onServe = () => {}) {
  await page.route(/^https:\/\/[^/]+\.vscode-resource\.vscode-cdn\.net\//, async (route) => {
    const file = path.normalize(decodeURIComponent(new URL(route.request().url()).pathname));
    const allowed = roots.some((dir) => file.startsWith(path.resolve(dir) + path.sep));
    if (!allowed || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      await route.fulfill({ status: 404 });
      return;
    }
    onServe(file);
    await route.fulfill({ path: file });
  });
}

module.exports = {
  root,
  codeServerEntry,
  versions,
  freePort,
  instanceDirs,
  serverEnv,
  installExtensions,
  startServer,
  copyDir,
  chromiumOptions,
  serveEscapedWebviewResources,
};
