#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked Secret Service
# (gnome-keyring), so the system-keyring code path runs for real.
set -euo pipefail
if [ -z "${RAPPORT_KEYRING_SESSION:-}" ]; then
  exec dbus-run-session -- env RAPPORT_KEYRING_SESSION=1 "$0" "$@"
fi
home="$(mktemp -d)"
trap 'kill "$keyring_pid" 2>/dev/null || true; rm -rf "$home"' EXIT
printf 'session-password' | HOME="$home" XDG_DATA_HOME="$home/data" \
  gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>&1 &
keyring_pid=$!
for _ in $(seq 1 100); do
  dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true' && break
  sleep 0.1
done
"$@"
