# What the installer tests (test-deb.sh, test-appimage.sh) check in an
# installed Rapport. Sourced, after `fail` is defined.

# check_desktop_entry ENTRY ROOT: the desktop entry a desktop reads, with its
# icons under ROOT/usr/share/icons and the binaries under ROOT/usr/bin.
check_desktop_entry() {
  local desktop="$1" root="$2" exec_line icon size png
  [ -f "$desktop" ] || fail "no desktop entry at $desktop; beside it: $(ls -A "$(dirname "$desktop")" | tr '\n' ' ')"
  entry() { sed -n "s/^$1=//p" "$desktop" | head -1; }
  [ "$(entry Type)" = Application ] || fail "desktop entry Type is '$(entry Type)'"
  [ "$(entry Name)" = Rapport ] || fail "desktop entry Name is '$(entry Name)'"
  exec_line="$(entry Exec)"
  [ "${exec_line%% *}" = rapport ] || fail "desktop entry Exec is '$exec_line'"
  [ -x "$root/usr/bin/${exec_line%% *}" ] || fail "Exec names no installed binary"
  icon="$(entry Icon)"
  [ "$icon" = rapport ] || fail "desktop entry Icon is '$icon'"
  case "$(entry Categories)" in *Office*) ;; *) fail "desktop entry Categories is '$(entry Categories)'" ;; esac
  for size in 32x32 128x128 256x256@2; do
    png="$root/usr/share/icons/hicolor/$size/apps/$icon.png"
    [ -f "$png" ] || fail "no $size icon at ${png#"$root"}"
    file -b "$png" | grep -q '^PNG image' || fail "${png#"$root"} is not a PNG"
  done
  [ -x "$root/usr/bin/rapport-cli" ] || fail "rapport-cli is not installed beside rapport"
}

# check_doctor SCRATCH COMMAND...: COMMAND (the installed `rapport`) makes a
# two-person store in SCRATCH/data, and its `rapport doctor` finds it healthy.
# The window's binary hands both commands to the rapport-cli beside it.
check_doctor() {
  local scratch="$1"
  shift
  RAPPORT_DATA_DIR="$scratch/data" scripts/with-keyring.sh bash -c '
    set -euo pipefail
    out="$1"
    shift
    "$@" demo --people 2 >/dev/null
    "$@" doctor --json > "$out/doctor.json"
  ' _ "$scratch" "$@" 2>"$scratch/doctor.log" || { cat "$scratch/doctor.log" >&2; fail "the installed rapport failed"; }
  node -e '
    const report = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const ok = report.store_present && report.people === 2 && report.schema_version === report.latest_schema_version
      && report.healthy === true;
    if (!ok) { console.error(JSON.stringify(report, null, 2)); process.exit(1); }
  ' "$scratch/doctor.json" || { cat "$scratch/doctor.log" >&2; fail "rapport doctor found a problem"; }
}
