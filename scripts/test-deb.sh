#!/usr/bin/env bash
# Builds the .deb (a debug build, so it reuses what the tests compiled),
# installs it into a scratch root and checks what a desktop sees: the
# desktop entry, its icons, the package's dependencies, and the installed
# binary's `rapport doctor` on a new store.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "test-deb: $*" >&2; exit 1; }

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

desktop="$root/usr/share/applications/Rapport.desktop"
[ -f "$desktop" ] || fail "no desktop entry; the package holds: $(cd "$root" && find . -type f | sort | tr '\n' ' ')"
entry() { sed -n "s/^$1=//p" "$desktop" | head -1; }
[ "$(entry Type)" = Application ] || fail "desktop entry Type is '$(entry Type)'"
[ "$(entry Name)" = Rapport ] || fail "desktop entry Name is '$(entry Name)'"
exec_line="$(entry Exec)"
[ "${exec_line%% *}" = rapport ] || fail "desktop entry Exec is '$exec_line'"
[ -x "$root/usr/bin/$(entry Exec | cut -d' ' -f1)" ] || fail "Exec names no installed binary"
icon="$(entry Icon)"
[ "$icon" = rapport ] || fail "desktop entry Icon is '$icon'"
case "$(entry Categories)" in *Office*) ;; *) fail "desktop entry Categories is '$(entry Categories)'" ;; esac
for size in 32x32 128x128 256x256@2; do
  png="$root/usr/share/icons/hicolor/$size/apps/$icon.png"
  [ -f "$png" ] || fail "no $size icon at ${png#"$root"}"
  file -b "$png" | grep -q '^PNG image' || fail "${png#"$root"} is not a PNG"
done
[ -x "$root/usr/bin/rapport-cli" ] || fail "rapport-cli is not installed beside rapport"

# The installed binary hands `doctor` to the rapport-cli beside it.
export RAPPORT_DATA_DIR="$scratch/data"
scripts/with-keyring.sh bash -c '
  set -euo pipefail
  "$1/usr/bin/rapport" demo --people 2 >/dev/null
  "$1/usr/bin/rapport" doctor --json > "$2/doctor.json"
' _ "$root" "$scratch" 2>"$scratch/doctor.log" || { cat "$scratch/doctor.log" >&2; fail "the installed rapport failed"; }
node -e '
  const report = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const ok = report.store_present && report.people === 2 && report.schema_version === report.latest_schema_version
    && report.healthy === true;
  if (!ok) { console.error(JSON.stringify(report, null, 2)); process.exit(1); }
' "$scratch/doctor.json" || { cat "$scratch/doctor.log" >&2; fail "rapport doctor found a problem"; }
echo "test-deb: $(basename "$deb") installs, its desktop entry and icons are in place, rapport doctor passes"
