#!/bin/bash
# Two effectsim binaries on the reference workload and every bundled scenario, the individual
# kernel, one thread. Usage (from the package root):
#   Benchmarks/throughput-compare.sh rate BEFORE AFTER [ROUNDS] [ITERATIONS]
#     person-cycles/s, the two binaries alternated, ROUNDS rounds (default 5, 1000 iterations)
#   Benchmarks/throughput-compare.sh instructions BEFORE AFTER
#     instructions per person-cycle in Worker.iterate, counted by callgrind (repeatable on a
#     loaded machine); prints workload, binary, instructions, iterations run
set -euo pipefail
mode=$1 before=$2 after=$3
workloads=(reference scenarios/kk-ips-2019.json scenarios/kk-ips-business-case-2017.json
  scenarios/kk-ips-expansion-2020.json scenarios/kk-rusmiddel-ips-2018-spreadsheet.json
  scenarios/kk-rusmiddel-ips-2018.json scenarios/rebild-ips-2022.json)
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
      ir=$(callgrind_annotate --inclusive=yes "$out" | grep -m1 WorkerV7iterate | awk '{print $1}')
      echo "$(basename "$w" .json) $b $ir"
    done
  done
  rm -f "$out" ;;
esac
