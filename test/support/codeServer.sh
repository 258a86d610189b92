#!/bin/bash
# Installs code-server 4.100.3 (the real VS Code 1.100.3 server and web workbench) for the integration tests and
# `npm start`. Idempotent: when DEST already holds a working install it returns at once. Needs only npm and apt
# (see HARNESS.md for the packages): nothing is fetched from GitHub or any other host.
#
# Usage: test/support/codeServer.sh [DEST]   (default: <repo>/.vscode-test/code-server)
# Prints the path of code-server's entry.js on its last line of stdout.
set -euo pipefail

VERSION=4.100.3
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DEST="${1:-$ROOT/.vscode-test/code-server}"
ENTRY="$DEST/node_modules/code-server/out/node/entry.js"
# Written only after every step succeeded, so an interrupted install is redone rather than trusted.
MARKER="$DEST/.installed-$VERSION"

works() {
  [ -f "$MARKER" ] && [ -f "$ENTRY" ] && node "$ENTRY" --version 2>/dev/null | grep -q "^$VERSION "
}

if works; then
  echo "$ENTRY"
  exit 0
fi

# Progress goes to stderr: callers read the entry path from stdout.
exec 3>&1 1>&2
echo "[code-server] installing $VERSION into $DEST"
start=$SECONDS
for tool in rg make g++ python3; do
  command -v "$tool" >/dev/null || {
    echo "[code-server] missing '$tool': apt-get install build-essential python3 ripgrep (see README)"
    exit 1
  }
done

# node-gyp builds against the local Node headers (Debian and NodeSource node ship /usr/include/node), so it
# never downloads them.
if [ -z "${npm_config_nodedir:-}" ] && [ "$(command -v node)" = /usr/bin/node ] && [ -f /usr/include/node/node.h ]; then
  export npm_config_nodedir=/usr
fi
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
rm -f "$MARKER"
mkdir -p "$DEST"
cd "$DEST"
[ -f package.json ] || echo '{"name":"code-server-host","private":true}' >package.json

# No lifecycle scripts here: code-server's postinstall refuses to run as root, and @vscode/ripgrep's downloads
# from GitHub. The steps below do what those scripts would have done.
npm install --no-save --ignore-scripts "code-server@$VERSION"
# argon2's prebuilt fetch fails offline; it falls back to a node-gyp build.
npm rebuild argon2

cd node_modules/code-server/lib/vscode
npm install --omit=dev --ignore-scripts
# @vscode/ripgrep would download rg; the apt one does the same job.
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sfn "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
# Builds spdlog, node-pty (whose postinstall runs `npx node-gyp`, hence npm_config_yes), kerberos, ...
npm_config_yes=true npm rebuild
# The remaining steps of code-server's own postinstall.sh.
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sfn code-linux.sh code-server)
(cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
(cd extensions && npm install --omit=dev)

node "$ENTRY" --version | grep -q "^$VERSION " || {
  echo "[code-server] installed, but '$ENTRY --version' is not $VERSION"
  exit 1
}
touch "$MARKER"
echo "[code-server] installed in $((SECONDS - start)) s"
echo "$ENTRY" >&3
