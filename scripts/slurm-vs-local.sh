#!/usr/bin/env bash
# Wall time of a job file run as a SLURM array (one CPU per task) against one local
# `polysos batch --threads 2`, interleaved round by round. Needs a cluster (SLURM_CONF, e.g.
# from scripts/slurm-test-cluster.sh start) and the built jar (cli/target/polysos.jar).
#
#   scripts/slurm-vs-local.sh JOBS.jsonl TASKS [ROUNDS]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$here/cli/target/polysos.jar"
jobs="$(readlink -f "$1")"; tasks="$2"; rounds="${3:-2}"
[ -f "$jar" ] || { echo "build the jar first: mvn -q -DskipTests -pl cli -am package" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
java -jar "$jar" batch "$jobs" --out "$work/array" --slurm-script "$work/sweep.sh" --array "$tasks" \
  --cpus-per-task 1 >/dev/null
now() { date +%s.%N; }
for r in $(seq "$rounds"); do
  rm -rf "$work/local"
  t0=$(now); java -jar "$jar" batch "$jobs" --out "$work/local" --threads 2 2>/dev/null || true; t1=$(now)
  rm -rf "$work/array"
  t2=$(now)
  id="$(sbatch --parsable --output=/dev/null "$work/sweep.sh")"
  while [ -n "$(squeue -h -o %i -j "${id%%;*}")" ]; do sleep 0.2; done
  t3=$(now)
  printf 'round %d: local --threads 2 %.1f s, array of %d tasks %.1f s (%d results), load %s\n' "$r" \
    "$(awk "BEGIN{print $t1 - $t0}")" "$tasks" "$(awk "BEGIN{print $t3 - $t2}")" "$(ls "$work/array" | wc -l)" \
    "$(cut -d' ' -f1 /proc/loadavg)"
done
