#!/usr/bin/env bash
# Peak resident memory of `effectsim merge` against the run's iteration count: the merge holds
# one column (8 bytes × iterations) per thread, not every column. Four shards per run.
#
#   Benchmarks/merge-memory.sh SCENARIO ITERATIONS...
#
# EFFECTSIM defaults to .build/release/effectsim (swift build -c release first).
set -euo pipefail
effectsim=${EFFECTSIM:-.build/release/effectsim}
scenario=$1
shift
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '%12s %8s %14s %14s %10s %12s\n' iterations columns "parts (bytes)" "8 B × iter." \
  "merge RSS" "merge time"
for n in "$@"; do
  rm -f "$work"/part-*
  for k in 0 1 2 3; do
    "$effectsim" run "$scenario" -n "$n" -s 1 -q --shard "$k/4" -o "$work/part-$k.espart"
  done
  bytes=$(cat "$work"/part-*.espart | wc -c)
  # Columns from the sizes: each part is H + C × (8 × its iterations + 32) bytes, and the
  # first and last part differ by exactly their iteration counts.
  first=$(stat -c %s "$work/part-0.espart")
  last=$(stat -c %s "$work/part-3.espart")
  rows_first=$((n / 4))
  rows_last=$((n - 3 * n / 4))
  columns=$(((last - first) / (8 * (rows_last - rows_first))))
  ((rows_last == rows_first)) && columns='?'
  /usr/bin/time -f '%M %e' -o "$work/time" \
    "$effectsim" merge "$work"/part-*.espart --threads 1 -f json -o "$work/merged.json"
  read -r kib seconds <"$work/time"
  printf '%12d %8s %14d %11.1f MB %7.1f MB %10s s\n' "$n" "$columns" "$bytes" \
    "$(echo "8 * $n / 1000000" | bc -l)" "$(echo "$kib * 1024 / 1000000" | bc -l)" "$seconds"
done
