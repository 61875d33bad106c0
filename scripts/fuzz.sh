#!/usr/bin/env bash
# Runs each coverage-guided fuzz target (Jazzer) for a fixed budget, one target per JVM (Jazzer
# fuzzes one test at a time). Usage: scripts/fuzz.sh [SECONDS] [TARGET-FILTER]
#   SECONDS  fuzzing time per target (default 10, what .ci/run gives): rounds of 10 s (the
#            targets' @FuzzTest maxDuration) until SECONDS is used up; the corpus a round
#            grows (<module>/.cifuzz-corpus/, not committed) seeds the next, so a long run
#            keeps its coverage
#   FILTER   only the targets whose name contains it (e.g. polynomial)
# Builds what it needs (mvn -o test on the target's module and those it depends on). A finding
# fails the run; its input is written under src/test/resources/.../<Test>Inputs/<method>/,
# where it stays as a regression input that mvn test replays (name it after what it is).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-10}"
filter="${2:-}"
round=10
targets=(
  "sdp-api SdpaFormatFuzzTest#sdpa"
  "core PopReaderFuzzTest#popFile"
  "core PopReaderFuzzTest#polynomial"
  "core NetworkInstanceFuzzTest#instance"
  "cli JobFileFuzzTest#jobFile"
)
failed=0
for t in "${targets[@]}"; do
  module="${t%% *}"
  test="${t#* }"
  [[ -n "$filter" && "$test" != *"$filter"* ]] && continue
  log="/tmp/polysos-fuzz-${test//#/-}.log"
  start=$SECONDS
  fuzzed=0
  finding=0
  while [ "$fuzzed" -lt "$seconds" ]; do
    if ! JAZZER_FUZZ=1 mvn -q -o -pl "$module" -am test -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false \
        >"$log" 2>&1; then
      finding=1
      break
    fi
    fuzzed=$((fuzzed + round))
  done
  if [ "$finding" = 0 ]; then
    echo "fuzz $test: no finding in ${fuzzed} s of fuzzing ($((SECONDS - start)) s with start-up)"
  else
    echo "fuzz $test: FINDING (log: $log)" >&2
    grep -m3 -E "FuzzTestFindingException|Caused by|Test unit written" "$log" >&2 || true
    failed=1
  fi
done
exit $failed
