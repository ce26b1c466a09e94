#!/usr/bin/env bash
# Builds Rapport's installers with the Tauri bundler pinned in ui/package.json.
#   scripts/bundle.sh [--debug] [BUNDLES]
# BUNDLES: deb (the default), appimage, deb,appimage; app,dmg on macOS; msi,nsis on Windows.
# The command line (rapport-cli) goes in beside the window's binary; the
# bundler takes it from target/sidecar, named for the platform it runs on.
# The AppImage is packed from the .deb by scripts/appimage.sh, not by the
# bundler, which would download linuxdeploy and its runtime from outside the
# package registries.
set -euo pipefail
cd "$(dirname "$0")/.."

profile=release
# Expanded as ${flag[@]+"${flag[@]}"}: macOS's bash 3.2 calls an empty
# array unbound under `set -u`.
flag=()
if [ "${1:-}" = --debug ]; then
  profile=debug
  flag=(--debug)
  shift
fi
bundles="${1:-deb}"

# The bundler builds everything but the AppImage, and the .deb it is packed from.
tauri_bundles="$(echo ",$bundles," | sed 's/,appimage,/,/g; s/^,//; s/,$//')"
appimage=false
if [ "$tauri_bundles" != "$bundles" ]; then
  appimage=true
  case ",$tauri_bundles," in *,deb,*) ;; *) tauri_bundles="${tauri_bundles:+$tauri_bundles,}deb" ;; esac
fi

target_dir="${CARGO_TARGET_DIR:-target}"
triple="$(rustc -vV | sed -n 's/^host: //p')"
if [ "$profile" = release ]; then
  cargo build --release --locked -p rapport-cli
else
  cargo build --locked -p rapport-cli
fi
ext=""
case "$triple" in *windows*) ext=".exe" ;; esac
mkdir -p target/sidecar
cp "$target_dir/$profile/rapport-cli$ext" "target/sidecar/rapport-cli-$triple$ext"

ui/node_modules/.bin/tauri build ${flag[@]+"${flag[@]}"} --config tauri.bundle.json --bundles "$tauri_bundles" --ci

# The bundler packs a .deb with gzip; xz, dpkg's own default, makes it about
# half the size to download. Same files, owners and control data. A debug
# package (the tests') is only repacked, not squeezed: its binaries are huge.
level=9
[ "$profile" = release ] || level=0
for deb in "$target_dir/$profile/bundle/deb/"*.deb; do
  [ -f "$deb" ] || continue
  unpacked="$(mktemp -d)"
  dpkg-deb -R "$deb" "$unpacked/root"
  dpkg-deb --root-owner-group -Zxz -z"$level" -b "$unpacked/root" "$deb" >/dev/null
  rm -rf "$unpacked"
  echo "Repacked with xz: $deb ($(stat -c %s "$deb") bytes)"
done
if [ "$appimage" = true ]; then
  scripts/appimage.sh ${flag[@]+"${flag[@]}"}
fi
echo "Installers: $target_dir/$profile/bundle/"
