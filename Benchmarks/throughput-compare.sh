#!/bin/bash
# Two effectsim binaries on the reference workload and every bundled scenario, the individual
# kernel, one thread. Usage (from the package root):
#   Benchmarks/throughput-compare.sh rate BEFORE AFTER [ROUNDS] [ITERATIONS]
#     person-cycles/s, the two binaries alternated, ROUNDS rounds (default 5, 1000 iterations)
#   Benchmarks/throughput-compare.sh instructions BEFORE AFTER
#     instructions per person-cycle in Worker.iterate, counted by callgrind (repeatable on a
#     loaded machine); prints workload, binary, instructions, iterations run
# Besides the reference workload and the bundled scenarios, two continuous variants: the
# bundled scenario with each discrete person-scope parameter replaced by a uniform over the
# same range (same mean as base), which takes the individual kernel's per-person path.
set -euo pipefail
mode=$1 before=$2 after=$3
variants=$(mktemp -d)
continuous() { # scenario → its continuous variant in $variants
  python3 - "$1" "$variants/$(basename "$1" .json)-continuous.json" <<'PY'
import json, sys
scenario = json.load(open(sys.argv[1]))
for parameter in scenario["parameters"].values():
    if isinstance(parameter, dict) and parameter.get("scope") == "person" \
            and "discrete" in parameter and len(set(parameter["discrete"]["values"])) > 1:
        values = parameter["discrete"]["values"]
        parameter["uniform"] = {"min": min(values), "max": max(values)}
        parameter["base"] = (min(values) + max(values)) / 2
        del parameter["discrete"]
json.dump(scenario, open(sys.argv[2], "w"))
PY
  echo "$variants/$(basename "$1" .json)-continuous.json"
}
workloads=(reference scenarios/kk-ips-2019.json scenarios/kk-ips-business-case-2017.json
  scenarios/kk-ips-expansion-2020.json scenarios/kk-rusmiddel-ips-2018-spreadsheet.json
  scenarios/kk-rusmiddel-ips-2018.json scenarios/rebild-ips-2022.json
  "$(continuous scenarios/kk-ips-expansion-2020.json)"
  "$(continuous scenarios/rebild-ips-2022.json)")
bench() { # binary workload iterations
  local arg=$2; [ "$2" = reference ] && arg=""
  "$1" bench $arg --kernel individual --threads 1 --iterations "$3"
}
case $mode in
rate)
  for round in $(seq 1 "${4:-5}"); do
    for w in "${workloads[@]}"; do
      for b in "$before" "$after"; do
        rate=$(bench "$b" "$w" "${5:-1000}" | sed -n 's/^Person-cycles\/s *\([^ ]*\).*/\1/p')
        echo "$round $(basename "$w" .json) $b $rate"
      done
    done
  done ;;
instructions)
  # bench runs 64 warm-up iterations, then one timed run (builds before issue 12) or three:
  # divide by 64 + 50 or 64 + 150 iterations and by the person-cycles of one iteration.
  out=$(mktemp)
  for w in "${workloads[@]}"; do
    arg=$w; [ "$w" = reference ] && arg=""
    for b in "$before" "$after"; do
      valgrind --tool=callgrind --callgrind-out-file="$out" \
        "$b" bench $arg --kernel individual --threads 1 --iterations 50 > /dev/null 2>&1
      # Reads the whole listing: an early exit (grep -m1) would fail the pipe under pipefail.
      ir=$(callgrind_annotate --inclusive=yes "$out" | awk '/WorkerV7iterate/ && !n++ {print $1}')
      echo "$(basename "$w" .json) $b $ir"
    done
  done
  rm -f "$out" ;;
esac
rm -rf "$variants"
