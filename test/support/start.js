#!/usr/bin/env node
// `npm start` (after bootstrap.js installed apt packages and node_modules): installs code-server if missing,
// builds, and serves the real VS Code 1.100.3 workbench on 127.0.0.1 with the extension installed and a sample
// workspace open, until Ctrl-C.
//
// State lives in .vscode-test/start/ and survives restarts: settings, and the workspace (a copy of
// test/fixtures/workspace made on first start; delete the folder for a fresh one). PORT picks the port
// (default 8080, or any free one when 8080 is taken).
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const path = require('path');
const host = require('./codeServerHost');

const { root } = host;
const say = (message) => console.log(`[start] ${message}`);
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const extensionId = `${manifest.publisher}.${manifest.name}`;

/** On a Linux machine with no session bus (headless, CI, containers) keytar has no keychain: lend it a throwaway one. */
function needsKeyring() {
  return (
    process.platform === 'linux' &&
    !process.env.DBUS_SESSION_BUS_ADDRESS &&
    !process.env.SECURE_GPT_IN_KEYRING
  );
}

function run(command, args) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    console.error(`[start] ${path.basename(command)} failed`);
    process.exit(result.status ?? 1);
  }
  return result.stdout;
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * Installs the extension by linking the repo into the extensions dir: VS Code loads it as a user would have it,
 * and `npm run watch` plus "Developer: Reload Window" picks up changes.
 */
function linkExtension(extensionsDir) {
  fs.mkdirSync(extensionsDir, { recursive: true });
  for (const entry of fs.readdirSync(extensionsDir)) {
    if (entry.startsWith(`${extensionId}-`)) {
      fs.rmSync(path.join(extensionsDir, entry), { recursive: true, force: true });
    }
  }
  // Without its manifest, VS Code rescans the folder on start and records what it finds.
  fs.rmSync(path.join(extensionsDir, 'extensions.json'), { force: true });
  fs.symlinkSync(root, path.join(extensionsDir, `${extensionId}-${manifest.version}`), 'dir');
}

/** First start only: the workspace sits inside this repo, so keep Git from offering to open the repo itself. */
function writeDefaultSettings(userData) {
  const file = path.join(userData, 'User', 'settings.json');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const settings = { 'git.openRepositoryInParentFolders': 'never', 'workbench.startupEditor': 'none' };
    fs.writeFileSync(file, `${JSON.stringify(settings, null, 2)}\n`);
  }
}

async function main() {
  const entry = run(path.join(root, 'test', 'support', 'codeServer.sh'), [])
    .trim()
    .split('\n')
    .pop();
  say('building');
  run(process.execPath, [path.join(root, 'esbuild.js')]);

  const base = path.join(root, '.vscode-test', 'start');
  const dirs = host.instanceDirs(base);
  const workspace = path.join(base, 'workspace');
  if (!fs.existsSync(workspace)) {
    host.copyDir(path.join(root, 'test', 'fixtures', 'workspace'), workspace);
  }
  linkExtension(dirs.extensions);
  writeDefaultSettings(dirs.userData);

  const wanted = Number(process.env.PORT || 8080);
  const port = (await portIsFree(wanted)) ? wanted : await host.freePort();
  const server = host.startServer({
    entry,
    dirs,
    port,
    folder: workspace,
    env: host.serverEnv(dirs),
    onOutput: (text) => process.env.VERBOSE && process.stdout.write(`[server] ${text}`),
  });
  let stopping = false;
  const stop = async (code) => {
    if (stopping) {
      return;
    }
    stopping = true;
    say('stopping code-server');
    await server.stop();
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => void stop(0));
  }
  process.on('exit', () => server.kill());
  server.child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`[start] code-server exited (${code ?? signal}); VERBOSE=1 npm start shows its log`);
      process.exit(1);
    }
  });
  await server.listening;

  const { codeServer, vscode } = host.versions(entry);
  const url = `${server.url}?folder=${encodeURIComponent(workspace)}`;
  console.log('');
  say(
    `Secure GPT in VS Code ${vscode} (code-server ${codeServer}), workspace ${path.relative(root, workspace)}`,
  );
  if (process.env.SECURE_GPT_IN_KEYRING) {
    say('no desktop session: keytar uses a throwaway keyring that ends with this server');
  }
  say(`open ${url}`);
  say('Ctrl-C stops it');
}

if (needsKeyring()) {
  // Re-run this script inside a private D-Bus session with an unlocked keyring. Its own process group gets every
  // signal we get, so Ctrl-C reaches the inner start.js (which stops code-server) exactly once.
  const child = spawn(path.join(root, 'test', 'support', 'withKeyring.sh'), [process.execPath, __filename], {
    stdio: 'inherit',
    detached: true,
    env: { ...process.env, SECURE_GPT_IN_KEYRING: '1' },
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // Already gone.
      }
    });
  }
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 : 1)));
} else {
  main().catch((error) => {
    console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
