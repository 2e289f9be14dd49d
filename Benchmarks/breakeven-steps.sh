#!/bin/bash
# Steps and seconds of `effectsim breakeven --probability` for two binaries, on every bundled
# scenario with two of its uncertain parameters and three target probabilities. Every step is
# a whole Monte Carlo run, so the steps are what a search costs. Usage (package root):
#   Benchmarks/breakeven-steps.sh BEFORE AFTER [ITERATIONS]   (default 2000 per step)
# Prints: scenario parameter A binary steps seconds value
set -euo pipefail
before=$1 after=$2 n=${3:-2000}
cases=(
  "kk-ips-2019 ipsShare" "kk-ips-2019 controlShare"
  "kk-ips-business-case-2017 ipsShare" "kk-ips-business-case-2017 controlShare"
  "kk-ips-expansion-2020 ipsShare" "kk-ips-expansion-2020 controlShare"
  "kk-rusmiddel-ips-2018 ipsShare" "kk-rusmiddel-ips-2018 controlShare"
  "kk-rusmiddel-ips-2018-spreadsheet ipsShare" "kk-rusmiddel-ips-2018-spreadsheet controlShare"
  "rebild-ips-2022 ipsShare" "rebild-ips-2022 controlShare"
)
for case in "${cases[@]}"; do
  read -r scenario parameter <<< "$case"
  for a in 0.5 0.8 0.9; do
    for b in "$before" "$after"; do
      out=$("$b" breakeven "scenarios/$scenario.json" --parameter "$parameter" --probability "$a" \
        -n "$n" -q --format json)
      python3 -c '
import json, sys
d = json.loads(sys.argv[1]); p = d["probabilistic"]
print(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], p["steps"], d["run"]["seconds"], p["value"])
' "$out" "$scenario" "$parameter" "$a" "$b"
    done
  done
done
