#!/usr/bin/env bash
# Builds the .deb (a debug build, so it reuses what the tests compiled),
# installs it into a scratch root and checks what a desktop sees: the
# desktop entry, its icons, the package's dependencies, and the installed
# binary's `rapport doctor` on a new store.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "test-deb: $*" >&2; exit 1; }
# shellcheck source=scripts/installed-checks.sh
source scripts/installed-checks.sh

target_dir="${CARGO_TARGET_DIR:-target}"
rm -rf "$target_dir/debug/bundle/deb"
scripts/bundle.sh --debug deb >/dev/null
deb="$(ls "$target_dir"/debug/bundle/deb/*.deb)"
[ "$(echo "$deb" | wc -l)" = 1 ] || fail "expected one .deb, found: $deb"

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
root="$scratch/root"
dpkg-deb -x "$deb" "$root"

[ "$(dpkg-deb -f "$deb" Package)" = rapport ] || fail "package name is not rapport"
ar t "$deb" | grep -qx data.tar.xz || fail "the package's files are not xz-compressed: $(ar t "$deb" | tr '\n' ' ')"
depends="$(dpkg-deb -f "$deb" Depends)"
case "$depends" in *libwebkit2gtk-4.1-0*) ;; *) fail "Depends lacks WebKitGTK: $depends" ;; esac

check_desktop_entry "$root/usr/share/applications/Rapport.desktop" "$root"
check_doctor "$scratch" "$root/usr/bin/rapport"
echo "test-deb: $(basename "$deb") installs, its desktop entry and icons are in place, rapport doctor passes"
