#!/bin/bash
# `effectsim bench` predictions against real runs (issue 12, part 3): for every bundled
# scenario, the predicted seconds of 10.000 and 100.000 iterations, then the wall-clock time
# of `effectsim run SCENARIO --iterations N --quiet -f json` for each, and the error.
# Usage (from the package root, after `swift build -c release`):
#   Benchmarks/prediction-check.sh [EFFECTSIM] [ROUNDS]
# EFFECTSIM defaults to .build/release/effectsim, ROUNDS to 1. Prints one line per scenario,
# size and round: scenario, iterations, predicted s, measured s, error in percent.
set -euo pipefail
binary=${1:-.build/release/effectsim}
rounds=${2:-1}
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for round in $(seq 1 "$rounds"); do
  for scenario in scenarios/*.json; do
    case $scenario in *schema*) continue ;; esac
    bench=$("$binary" bench "$scenario")
    for n in 10000 100000; do
      label=$(python3 -c "print(f'{$n:,}'.replace(',', '.'))")
      # "10.000 iterations   ≈ 0,17 s" (or "… min"), in the tool's Danish number format.
      predicted=$(echo "$bench" | python3 -c "
import re, sys
for line in sys.stdin:
    if line.startswith('$label iterations'):
        value, unit = re.search(r'≈ ([0-9.,]+) (s|min)', line).groups()
        seconds = float(value.replace('.', '').replace(',', '.'))
        print(seconds * 60 if unit == 'min' else seconds)
")
      start=$(date +%s.%N)
      "$binary" run "$scenario" --iterations "$n" --quiet -f json -o "$out"
      end=$(date +%s.%N)
      python3 -c "
p, m = $predicted, $end - $start
print(f'$(basename "$scenario" .json) $n round $round predicted {p:.3f} s measured {m:.3f} s error {100 * (p - m) / m:+.0f} %')"
    done
  done
done
