#!/usr/bin/env node
// Runs before `npm start` and `npm test` (prestart/pretest): installs what a fresh clone on Debian/Ubuntu lacks.
// Plain Node with no dependencies, since node_modules may not exist yet.
//  - apt packages, when dpkg says some are missing: as root directly, else through passwordless sudo, else it
//    prints the command to run and stops;
//  - `npm ci`, when node_modules is missing.
// On machines without dpkg (macOS, other distributions) the apt step is skipped: see README.md for what to install.
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..', '..');

/** What the build, keytar, code-server, the keyring wrapper and the headless browser need (same list as .ci/run). */
const aptPackages = [
  'chromium',
  'libsecret-1-dev',
  'gnome-keyring',
  'dbus',
  'dbus-x11',
  'ripgrep',
  'pkg-config',
  'libkrb5-dev',
  'libx11-dev',
  'libxkbfile-dev',
  'build-essential',
  'python3',
  'git',
  'openssl',
];

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function run(command, args, env = process.env) {
  console.log(`[bootstrap] ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`[bootstrap] '${command} ${args.join(' ')}' failed`);
    process.exit(result.status ?? 1);
  }
}

function missingAptPackages() {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Package} ${db:Status-Status}\\n', ...aptPackages], {
    encoding: 'utf8',
  });
  const installed = new Set(
    result.stdout
      .split('\n')
      .filter((line) => line.endsWith(' installed'))
      .map((line) => line.split(' ')[0]),
  );
  return aptPackages.filter((name) => !installed.has(name));
}

function installAptPackages() {
  if (process.platform !== 'linux' || !has('dpkg-query') || !has('apt-get')) {
    return;
  }
  const missing = missingAptPackages();
  if (missing.length === 0) {
    return;
  }
  const isRoot = process.getuid?.() === 0;
  const sudo = !isRoot && has('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
  if (!isRoot && !sudo) {
    console.error(`[bootstrap] missing apt packages: ${missing.join(' ')}`);
    console.error(
      `[bootstrap] install them, then run this again:\n  sudo apt-get install -y ${missing.join(' ')}`,
    );
    process.exit(1);
  }
  const apt = (...args) =>
    sudo
      ? run('sudo', ['-n', 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args])
      : run('apt-get', args, { ...process.env, DEBIAN_FRONTEND: 'noninteractive' });
  apt('update');
  apt('install', '-y', '--no-install-recommends', ...missing);
}

/** Debian's and NodeSource's node ship their headers in /usr/include/node: node-gyp then needs no download. */
function nodeGypEnv() {
  const local = process.execPath === '/usr/bin/node' && fs.existsSync('/usr/include/node/node.h');
  return local && !process.env.npm_config_nodedir
    ? { ...process.env, npm_config_nodedir: '/usr' }
    : process.env;
}

function installNodeModules() {
  if (fs.existsSync(path.join(root, 'node_modules', '.package-lock.json'))) {
    return;
  }
  // keytar builds from source with node-gyp (its prebuilt download is not reachable here).
  run('npm', ['ci'], nodeGypEnv());
}

installAptPackages();
installNodeModules();
