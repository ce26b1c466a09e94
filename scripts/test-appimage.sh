#!/usr/bin/env bash
# Packs the AppImage from the debug .deb that test-deb.sh built and checks it
# as a desktop and a manager meet it: the runtime in front of the image, what
# AppImage tools read at its root, `rapport doctor` run through the AppImage
# itself, and its window coming up with a drawn first screen on a virtual
# display. This machine has no FUSE, so the AppImage runs the way it does on
# a system without libfuse2: extracted first (APPIMAGE_EXTRACT_AND_RUN=1).
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "test-appimage: $*" >&2; exit 1; }
# shellcheck source=scripts/installed-checks.sh
source scripts/installed-checks.sh

target_dir="${CARGO_TARGET_DIR:-target}"
scripts/appimage.sh --debug >/dev/null
appimage="$(ls "$target_dir"/debug/bundle/appimage/*.AppImage)"
[ "$(echo "$appimage" | wc -l)" = 1 ] || fail "expected one AppImage, found: $appimage"
[ -x "$appimage" ] || fail "$appimage is not executable"

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

# The runtime knows where its image starts, and the image is a squashfs.
offset="$("$appimage" --appimage-offset)" || fail "the runtime does not answer --appimage-offset"
[ "$(tail -c +"$((offset + 1))" "$appimage" | head -c 4)" = hsqs ] || fail "no squashfs image at offset $offset"

(cd "$scratch" && "$appimage" --appimage-extract >/dev/null) || fail "the AppImage does not extract"
root="$scratch/squashfs-root"
check_desktop_entry "$root/rapport.desktop" "$root"
grep -qx "X-AppImage-Version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)" "$root/rapport.desktop" \
  || fail "the root desktop entry does not give the app's version"
file -b "$root/rapport.png" | grep -q '^PNG image' || fail "the root icon is not a PNG"
[ "$(readlink "$root/.DirIcon")" = rapport.png ] || fail ".DirIcon does not point at rapport.png"
[ "$(readlink "$root/AppRun")" = usr/bin/rapport ] || fail "AppRun does not start usr/bin/rapport"
cmp -s "$root/usr/bin/rapport-cli" "$target_dir/debug/rapport-cli" || fail "the AppImage's rapport-cli is not this build's"

export APPIMAGE_EXTRACT_AND_RUN=1
check_doctor "$scratch" "$appimage"

# The window, from the AppImage, on a new store: its first screen is drawn
# (more than a blank page's few colours) within the tests' patience. The
# display is a private Xvfb, which says its number once it is ready.
Xvfb -displayfd 3 -screen 0 1200x800x24 -nolisten tcp 3>"$scratch/display" 2>"$scratch/xvfb.log" &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true; rm -rf "$scratch"' EXIT
for _ in $(seq 100); do
  [ -s "$scratch/display" ] && break
  kill -0 "$xvfb" 2>/dev/null || { cat "$scratch/xvfb.log" >&2; fail "Xvfb did not start"; }
  sleep 0.1
done
[ -s "$scratch/display" ] || fail "Xvfb gave no display number within 10 s"
DISPLAY=":$(head -1 "$scratch/display")" RAPPORT_DATA_DIR="$scratch/gui-data" \
  WEBKIT_DISABLE_DMABUF_RENDERER=1 WEBKIT_DISABLE_COMPOSITING_MODE=1 \
  scripts/with-keyring.sh bash -c '
  set -euo pipefail
  appimage="$1" shot="$2"
  "$appimage" >"$shot.log" 2>&1 &
  runtime=$!
  # The runtime waits for the app, then removes what it extracted.
  app() { pgrep -P "$runtime" || true; }
  stop() { [ -z "$(app)" ] || kill "$(app)" 2>/dev/null || true; wait "$runtime" 2>/dev/null || true; }
  trap stop EXIT
  colours=0
  deadline=$((SECONDS + 30))
  while [ "$SECONDS" -lt "$deadline" ]; do
    if xdotool search --name "^Rapport\$" >/dev/null 2>&1; then
      import -window root "$shot" 2>/dev/null || true
      colours="$(convert "$shot" -format %k info: 2>/dev/null || echo 0)"
      [ "$colours" -gt 20 ] && exit 0
    fi
    kill -0 "$runtime" 2>/dev/null || { cat "$shot.log" >&2; echo "the AppImage exited" >&2; exit 1; }
    sleep 0.1
  done
  echo "no drawn Rapport window within 30 s (the last screenshot had $colours colours)" >&2
  exit 1
' _ "$appimage" "$scratch/first-run.png" 2>"$scratch/gui.log" || { cat "$scratch/gui.log" >&2; fail "the AppImage's window did not come up"; }
mkdir -p target/e2e-screenshots
cp "$scratch/first-run.png" target/e2e-screenshots/appimage-first-run.png

echo "test-appimage: $(basename "$appimage") runs, its desktop entry and icons are in place, rapport doctor passes, its window draws"
