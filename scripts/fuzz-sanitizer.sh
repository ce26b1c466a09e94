#!/usr/bin/env bash
# The window's notes sanitizer under generated notes, in batches of 20,000:
# the DOM emulation grows with every note it parses, so one long run would
# run out of memory. Each batch has its own seed; a failure prints it.
#   scripts/fuzz-sanitizer.sh INPUTS [FIRST_SEED]
set -euo pipefail
inputs="${1:-1000000}"
seed="${2:-$(date +%s)}"
batch=20000
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
cd "$(dirname "$0")/../ui"
done_inputs=0
start=$(date +%s)
while [ "$done_inputs" -lt "$inputs" ]; do
  n=$(( inputs - done_inputs < batch ? inputs - done_inputs : batch ))
  if ! RAPPORT_FUZZ_INPUTS="$n" RAPPORT_FUZZ_SEED="$seed" \
      npx vitest run src/tests/sanitizer-fuzz.test.ts --reporter=dot >"$log" 2>&1; then
    cat "$log"
    echo "sanitizer: a generated note broke the sanitizer (seed $seed, $n inputs)." >&2
    echo "replay: cd ui && RAPPORT_FUZZ_INPUTS=$n RAPPORT_FUZZ_SEED=$seed npx vitest run src/tests/sanitizer-fuzz.test.ts" >&2
    exit 1
  fi
  done_inputs=$(( done_inputs + n ))
  seed=$(( seed + 1 ))
done
elapsed=$(( $(date +%s) - start ))
echo "sanitizer: $done_inputs inputs in ${elapsed} s, $(( done_inputs / (elapsed > 0 ? elapsed : 1) )) inputs/s, nothing active or navigable got through"
