#!/bin/bash
# Usage: test/support/withKeyring.sh CMD [ARGS...]
# Runs CMD inside a private D-Bus session bus with an unlocked gnome-keyring (the Secret Service that keytar and
# libsecret talk to), then stops both and passes CMD's exit status through. Tests thus use the real OS keychain,
# not a mock, and never touch the developer's own keyring.
# apt: dbus dbus-x11 gnome-keyring (and libsecret-1-dev to build keytar).
set -uo pipefail

# macOS and Windows keychains need no session bus: run CMD as it is.
[ "$(uname -s)" = Linux ] || exec "$@"

for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
  command -v "$tool" >/dev/null || {
    echo "withKeyring: '$tool' is missing: apt-get install dbus dbus-x11 gnome-keyring" >&2
    exit 127
  }
done

KEYRING_HOME="$(mktemp -d -t keyring-XXXXXX)"
export KEYRING_HOME
trap 'rm -rf "$KEYRING_HOME"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Inside the session: only the daemon sees the throwaway HOME/XDG dirs (that is where it keeps the keyring file and
# its control socket); CMD keeps the caller's environment plus DBUS_SESSION_BUS_ADDRESS.
# The password line on stdin creates and unlocks the default "login" collection. It must end in a newline: without
# one the daemon asks a GUI prompter for the password and the collection is never created.
# `--foreground` because a daemonised keyring would outlive the session; the trap stops it on every way out,
# Ctrl-C included.
dbus-run-session -- bash -c '
  mkdir -p "$KEYRING_HOME/run" && chmod 700 "$KEYRING_HOME/run"
  echo "throwaway-keyring" | HOME="$KEYRING_HOME" XDG_DATA_HOME="$KEYRING_HOME/share" \
    XDG_RUNTIME_DIR="$KEYRING_HOME/run" gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null &
  gkd=$!
  trap "kill $gkd 2>/dev/null; wait $gkd 2>/dev/null" EXIT
  trap "exit 130" INT
  trap "exit 143" TERM
  for _ in $(seq 100); do
    dbus-send --session --print-reply --dest=org.freedesktop.DBus / org.freedesktop.DBus.NameHasOwner \
      string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true" && break
    sleep 0.1
  done
  dbus-send --session --print-reply --dest=org.freedesktop.DBus / org.freedesktop.DBus.NameHasOwner \
    string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true" ||
    echo "withKeyring: gnome-keyring did not come up within 10 s; keychain calls will fail" >&2
  "$@"
' withKeyring "$@" 2> >(grep --line-buffered -v "Failed to set fd limit" >&2)
