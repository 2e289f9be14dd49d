#!/usr/bin/env bash
# Fuzzes scenario files with libFuzzer (docs/limits.md, "Fuzzing").
#
#   Fuzz/fuzz.sh [SECONDS] [more libFuzzer flags]     default 600 seconds
#
# Builds EffectSim and EffectSimReport with coverage instrumentation and AddressSanitizer
# (`-sanitize=fuzzer,address`, Linux) into .build/fuzz, seeds the corpus with the bundled
# scenarios and the broken fixtures, runs the target at the lowest priority for SECONDS (in
# libFuzzer's fork mode, so that it goes on after a finding), and copies every crash, timeout
# or out-of-memory input to Tests/EffectSimCLITests/Fixtures/fuzz/, where `swift test`
# (FuzzFindingTests) keeps it as a regression fixture. Not part of `swift build` or
# `swift test`. The target itself fails an input that needs more than 10 s of CPU time; the
# wall-clock timeout is generous because a shared machine may starve a nice-19 process.
# Each finding is then run once more on its own, and the script says whether it reproduces
# (fork mode keeps only a job's "ERROR:" lines; the replay's log has the whole message). The
# fuzzer's output is also kept in .build/fuzz/fuzz-<time>.log, for its closing numbers.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
build=.build/fuzz
mkdir -p "$build/corpus" "$build/findings"
flags=(-O -g -wmo -parse-as-library -sanitize=fuzzer,address)
# The Swift driver starts its frontends at normal priority whatever its own nice value; the
# idle scheduling class, where chrt has it, is inherited.
low=(nice -n 19)
if command -v chrt > /dev/null && chrt --idle 0 true 2> /dev/null; then
  low=(chrt --idle 0 nice -n 19)
fi

echo "building the fuzz target into $build"
# shellcheck disable=SC2046
"${low[@]}" swiftc "${flags[@]}" -module-name EffectSim -emit-module \
  -emit-module-path "$build/EffectSim.swiftmodule" -emit-library -static \
  -o "$build/libEffectSim.a" $(find Sources/EffectSim -name '*.swift' | sort)
# shellcheck disable=SC2046
"${low[@]}" swiftc "${flags[@]}" -module-name EffectSimReport -I "$build" -emit-module \
  -emit-module-path "$build/EffectSimReport.swiftmodule" -emit-library -static \
  -o "$build/libEffectSimReport.a" $(find Sources/EffectSimReport -name '*.swift' | sort)
"${low[@]}" swiftc "${flags[@]}" -module-name FuzzScenario -I "$build" Fuzz/FuzzScenario.swift \
  "$build/libEffectSimReport.a" "$build/libEffectSim.a" -o "$build/fuzz-scenario" 2>&1 \
  | grep -v "Cannot export local symbol" || true

for seed in scenarios/*.json Tests/EffectSimCLITests/Fixtures/*/*.json; do
  [[ $seed == *effectsim.schema.json ]] && continue
  cp "$seed" "$build/corpus/seed-$(basename "$seed")"
done

log="$build/fuzz-$(date -u +%Y%m%dT%H%M%SZ).log"
echo "fuzzing for $seconds s (nice -n 19), output also in $log"
export SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0
status=0
nice -n 19 "$build/fuzz-scenario" \
  "$build/corpus" -dict=Fuzz/scenario.dict -max_total_time="$seconds" -timeout=300 \
  -rss_limit_mb=4096 -detect_leaks=0 -print_final_stats=1 -fork=1 -ignore_crashes=1 \
  -ignore_timeouts=1 -ignore_ooms=1 -artifact_prefix="$build/findings/" "$@" 2>&1 \
  | tee "$log" || status=${PIPESTATUS[0]}

kept=0
for finding in "$build"/findings/{crash,timeout,oom,leak}-*; do
  name=$(basename "$finding")
  [[ -f $finding && $name != *.* ]] || continue  # not a .kept one, nor a replay's log
  cp "$finding" "Tests/EffectSimCLITests/Fixtures/fuzz/$name.json"
  replay=0
  nice -n 19 "$build/fuzz-scenario" -timeout=300 -rss_limit_mb=4096 "$finding" \
    > "$finding.replay.log" 2>&1 || replay=$?
  mv "$finding" "$finding.kept"
  kept=$((kept + 1))
  echo "kept $name as Tests/EffectSimCLITests/Fixtures/fuzz/$name.json"
  if ((replay == 0)); then
    echo "  it does not reproduce on its own (exit 0; $finding.replay.log)"
  else
    echo "  it reproduces (exit $replay; $finding.replay.log):"
    grep -E "ERROR:|Fatal error|SUMMARY" "$finding.replay.log" | head -n 5 | sed 's/^/    /' || true
  fi
done
echo "fuzzer exit status $status; $kept new finding(s) kept as regression fixtures"
exit "$status"
