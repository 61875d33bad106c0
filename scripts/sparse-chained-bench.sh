#!/usr/bin/env bash
# Benchmark of the correlative-sparsity hierarchy on the chained problems (not a test):
# generates each problem into a temporary folder, solves it with `polysos pop --sparsity cs`
# and prints one Markdown row per run: wall time of the whole command, the sparse relaxation's
# size, the dense relaxation's size at the same order, the verdict.
#   scripts/sparse-chained-bench.sh [N ...]          (default: 40 120)
# Environment: POLYSOS_SOLVER (default pure), SPARSITY (default cs), POLYSOS (the command to
# run, default this tree's ./polysos; e.g. a wrapper around another build's jar for comparisons).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(40 120)
solver="${POLYSOS_SOLVER:-pure}"
sparsity="${SPARSITY:-cs}"
polysos="${POLYSOS:-$here/polysos}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$polysos" solvers >/dev/null
echo "| problem | n | status | bound | order | cliques | largest block | SDP variables | dense moment matrix | dense SDP variables | build (s) | solve (s) | wall (s) |"
echo "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for n in "${sizes[@]}"; do
  for p in rosenbrock broyden-tridiagonal chained-wood; do
    f="$tmp/$p-$n.json"
    "$polysos" generate "$p" --n "$n" -o "$f"
    start=$(date +%s.%N)
    "$polysos" pop "$f" --sparsity "$sparsity" --solver "$solver" --json > "$tmp/out.json" || true
    end=$(date +%s.%N)
    python3 - "$tmp/out.json" "$p" "$n" "$start" "$end" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
o = d["orders"][-1]
s = o.get("sparsity", {})
wall = float(sys.argv[5]) - float(sys.argv[4])
print("| %s | %s | %s | %.6e | %d | %s | %s | %s | %s | %s | %.1f | %.1f | %.1f |" % (
    sys.argv[2], sys.argv[3], d["status"], d["bound"], d["order"], s.get("cliques"), s.get("largestBlock"),
    s.get("sdpVariables"), s.get("denseMomentMatrixSize"), s.get("denseSdpVariables"),
    d["timings"]["build"], d["timings"]["solve"], wall))
PY
  done
done
