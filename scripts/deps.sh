#!/usr/bin/env bash
# Installs what building (`deps.sh build`) or testing (`deps.sh test`) Rapport
# needs and is missing. On Debian/Ubuntu it installs system packages with apt
# (through sudo when not root); elsewhere it names what to install and stops.
set -euo pipefail
cd "$(dirname "$0")/.."

what="${1:-build}"
build_pkgs="build-essential pkg-config curl wget file libssl-dev libdbus-1-dev libwebkit2gtk-4.1-dev libxdo-dev libayatana-appindicator3-dev librsvg2-dev squashfs-tools"
test_pkgs="webkit2gtk-driver xvfb dbus-x11 gnome-keyring dunst imagemagick xclip libglib2.0-bin xdotool time ripgrep"
pkgs="$build_pkgs"
[ "$what" = test ] && pkgs="$build_pkgs $test_pkgs"

say() { printf 'deps: %s\n' "$*" >&2; }

if command -v apt-get >/dev/null 2>&1 && command -v dpkg-query >/dev/null 2>&1; then
  missing=""
  for p in $pkgs; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
  done
  if [ -n "$missing" ]; then
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then
      command -v sudo >/dev/null 2>&1 || { say "need root or sudo to install:$missing"; exit 1; }
      sudo="sudo"
    fi
    say "installing system packages:$missing"
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends $missing
  fi
else
  if ! pkg-config --exists webkit2gtk-4.1 2>/dev/null && [ "$(uname -s)" = Linux ]; then
    say "this is not a Debian/Ubuntu system. Install the equivalents of these packages, then run make again:"
    say "  $pkgs"
    exit 1
  fi
fi

command -v cargo >/dev/null 2>&1 || { say "Rust is missing: install it with rustup (https://rustup.rs), then run make again."; exit 1; }

if ! command -v node >/dev/null 2>&1 || ! node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)'; then
  say "Node.js 20.19 or newer with npm is needed for the UI (found: $(node --version 2>/dev/null || echo none))."
  exit 1
fi

# UI packages, exactly as locked.
if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
  say "installing UI packages"
  (cd ui && npm ci --no-audit --no-fund)
fi

if [ "$what" = test ]; then
  driver="${CARGO_HOME:-$HOME/.cargo}/bin/tauri-driver"
  if [ ! -x "$driver" ]; then
    say "installing tauri-driver (WebDriver for the end-to-end test)"
    cargo install tauri-driver --locked --version '^2'
  fi
  if ! command -v cargo-deny >/dev/null 2>&1 && [ ! -x "${CARGO_HOME:-$HOME/.cargo}/bin/cargo-deny" ]; then
    say "installing cargo-deny (licence, ban and source checks of the dependencies)"
    cargo install cargo-deny --locked --version '0.20.2'
  fi
  rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy rustfmt
fi
