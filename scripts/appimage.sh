#!/usr/bin/env bash
# Packs Rapport's AppImage from the .deb that scripts/bundle.sh built:
#   scripts/appimage.sh [--debug]
# The same files as the .deb (rapport, rapport-cli, the desktop entry, the
# icons) go into an AppDir, which mksquashfs squashes behind the AppImage
# runtime pinned in scripts/appimage/. The Tauri bundler's own AppImage is not
# used: it downloads linuxdeploy and its runtime from outside the package
# registries at build time.
#
# Like the .deb, the AppImage uses the system's WebKitGTK 4.1, GTK 3 and
# libayatana-appindicator rather than carrying its own copies. It mounts
# itself with FUSE 2 (libfuse2); where that is missing it runs with
# --appimage-extract-and-run (or APPIMAGE_EXTRACT_AND_RUN=1).
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "appimage: $*" >&2; exit 1; }

profile=release
[ "${1:-}" = --debug ] && profile=debug
target_dir="${CARGO_TARGET_DIR:-target}"
out_dir="$target_dir/$profile/bundle/appimage"

debs=("$target_dir/$profile/bundle/deb/"*.deb)
[ "${#debs[@]}" = 1 ] && [ -f "${debs[0]}" ] || fail "expected one .deb in $target_dir/$profile/bundle/deb; build it first: scripts/bundle.sh deb"
deb="${debs[0]}"
[ "$(dpkg-deb -f "$deb" Architecture)" = amd64 ] || fail "the pinned runtime is for x86_64 only; $deb is for $(dpkg-deb -f "$deb" Architecture)"
version="$(dpkg-deb -f "$deb" Version)"
command -v mksquashfs >/dev/null || fail "mksquashfs is missing: install squashfs-tools (make deps does)"

# The runtime, from the package pinned in scripts/appimage/Cargo.lock, and
# checked against the bytes this script was written for.
runtime_sha256=328e0d745c5c6817048c27bc3e8314871703f8f47ffa81a37cb06cd95a94b323
manifest=scripts/appimage/Cargo.toml
cargo fetch --locked --quiet --manifest-path "$manifest"
package_dir="$(cargo metadata --locked --format-version 1 --manifest-path "$manifest" | node -e '
  let text = "";
  process.stdin.on("data", (chunk) => (text += chunk)).on("end", () => {
    const found = JSON.parse(text).packages.find((p) => p.name === "appimage");
    if (!found) process.exit(1);
    console.log(require("path").dirname(found.manifest_path));
  });
')" || fail "the runtime's package is not in $manifest"
runtime="$package_dir/assets/runtime-x86_64"
echo "$runtime_sha256  $runtime" | sha256sum --check --quiet - || fail "$runtime is not the runtime this script pins"

rm -rf "$out_dir"
mkdir -p "$out_dir"
appdir="$out_dir/Rapport.AppDir"
dpkg-deb -x "$deb" "$appdir"
[ -x "$appdir/usr/bin/rapport" ] || fail "the .deb holds no usr/bin/rapport"

# What AppImage tools read at the image's root: one desktop entry, its icon
# (and .DirIcon), and AppRun, which the runtime starts.
desktop="$appdir/usr/share/applications/Rapport.desktop"
[ -f "$desktop" ] || fail "the .deb holds no desktop entry"
{
  cat "$desktop"
  echo "X-AppImage-Version=$version"
} > "$appdir/rapport.desktop"
cp "$appdir/usr/share/icons/hicolor/256x256@2/apps/rapport.png" "$appdir/rapport.png"
ln -s rapport.png "$appdir/.DirIcon"
ln -s usr/bin/rapport "$appdir/AppRun"

# gzip: the runtime reads gzip and xz; xz saves about a sixth of the size but
# is slower to read back on every launch. A debug image (the tests') is not
# compressed: its binaries are huge and it is thrown away.
compression=(-comp gzip)
[ "$profile" = release ] || compression=(-noI -noD -noF -noX)
image="$out_dir/rapport.squashfs"
# Fixed owners and times, so the same files give the same image.
mksquashfs "$appdir" "$image" -noappend -quiet -no-progress -all-root -all-time 0 -mkfs-time 0 "${compression[@]}" >/dev/null

appimage="$out_dir/Rapport_${version}_amd64.AppImage"
cat "$runtime" "$image" > "$appimage"
chmod 755 "$appimage"
rm -rf "$image" "$appdir"
echo "AppImage: $appimage ($(stat -c %s "$appimage") bytes)"
