#!/usr/bin/env bash
# Peak resident memory of `effectsim merge` against the run's iteration count: the merge holds
# one column (8 bytes × iterations) per thread for the column statistics, and the risk-driver
# analysis a sorted column and one or more rank columns (SensitivityAnalysis.peakBytes), never
# every column. Four shards per run, merged with --threads 1 to JSON.
#
#   Benchmarks/merge-memory.sh SCENARIO ITERATIONS...
#
# EFFECTSIM    the binary that merges (default .build/release/effectsim; build with
#              swift build -c release first); it also simulates the shards.
# COMPARE      another binary that merges the same parts too, alternating with EFFECTSIM
#              (before/after in one session); optional.
# PARTS        a directory that keeps the parts: ITERATIONS/part-K.espart already there are
#              reused (simulating 10⁶ iterations of a large scenario takes minutes); default a
#              temporary directory, removed at the end.
#
# Columns: iterations; columns per part; bytes of the four parts; 8 bytes × iterations (one
# column); peak resident memory (/usr/bin/time, "Maximum resident set size"), the same per
# iteration, wall time and the risk-driver analysis's seconds (JSON run.driversSeconds) of
# the merge; then the same for COMPARE.
set -euo pipefail
effectsim=${EFFECTSIM:-.build/release/effectsim}
compare=${COMPARE:-}
scenario=$1
shift
if [[ -n ${PARTS:-} ]]; then
  parts=$PARTS
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
else
  work=$(mktemp -d)
  parts=$work
  trap 'rm -rf "$work"' EXIT
fi

merge() { # BINARY DIR → "MB B/iteration seconds drivers-seconds"
  /usr/bin/time -f '%M %e' -o "$work/time" \
    "$1" merge "$2"/part-*.espart --threads 1 -f json -o "$work/merged.json"
  read -r kib seconds <"$work/time"
  drivers=$(python3 -c 'import json, sys
print(json.load(open(sys.argv[1]))["run"].get("driversSeconds", "?"))' "$work/merged.json")
  printf '%9.1f MB %6.1f B %8s s %8.1f s' "$(echo "$kib * 1024 / 1000000" | bc -l)" \
    "$(echo "$kib * 1024 / $n" | bc -l)" "$seconds" "$drivers"
}

printf '%12s %7s %14s %11s %31s' iterations columns "parts (bytes)" "8 B × iter." \
  "merge: peak, per it., time, drivers"
[[ -n $compare ]] && printf '   %s' "compare: peak, per iteration, time, drivers"
printf '\n'
for n in "$@"; do
  dir=$parts/$n
  mkdir -p "$dir"
  for k in 0 1 2 3; do
    [[ -f $dir/part-$k.espart ]] && continue
    "$effectsim" run "$scenario" -n "$n" -s 1 -q --shard "$k/4" -o "$dir/part-$k.espart"
  done
  bytes=$(cat "$dir"/part-*.espart | wc -c)
  # Columns from the sizes: each part is H + C × (8 × its iterations + 32) bytes, and the
  # first and last part differ by exactly their iteration counts.
  first=$(stat -c %s "$dir/part-0.espart")
  last=$(stat -c %s "$dir/part-3.espart")
  rows_first=$((n / 4))
  rows_last=$((n - 3 * n / 4))
  if ((rows_last == rows_first)); then
    columns='?'
  else
    columns=$(((last - first) / (8 * (rows_last - rows_first))))
  fi
  printf '%12d %7s %14d %8.1f MB ' "$n" "$columns" "$bytes" "$(echo "8 * $n / 1000000" | bc -l)"
  merge "$effectsim" "$dir"
  if [[ -n $compare ]]; then
    printf '   '
    merge "$compare" "$dir"
  fi
  printf '\n'
done
