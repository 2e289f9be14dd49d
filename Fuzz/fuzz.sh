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
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
build=.build/fuzz
mkdir -p "$build/corpus" "$build/findings"
flags=(-O -g -wmo -parse-as-library -sanitize=fuzzer,address)

echo "building the fuzz target into $build"
# shellcheck disable=SC2046
nice -n 19 swiftc "${flags[@]}" -module-name EffectSim -emit-module \
  -emit-module-path "$build/EffectSim.swiftmodule" -emit-library -static \
  -o "$build/libEffectSim.a" $(find Sources/EffectSim -name '*.swift' | sort)
# shellcheck disable=SC2046
nice -n 19 swiftc "${flags[@]}" -module-name EffectSimReport -I "$build" -emit-module \
  -emit-module-path "$build/EffectSimReport.swiftmodule" -emit-library -static \
  -o "$build/libEffectSimReport.a" $(find Sources/EffectSimReport -name '*.swift' | sort)
nice -n 19 swiftc "${flags[@]}" -module-name FuzzScenario -I "$build" Fuzz/FuzzScenario.swift \
  "$build/libEffectSimReport.a" "$build/libEffectSim.a" -o "$build/fuzz-scenario" 2>&1 \
  | grep -v "Cannot export local symbol" || true

for seed in scenarios/*.json Tests/EffectSimCLITests/Fixtures/*/*.json; do
  [[ $seed == *effectsim.schema.json ]] && continue
  cp "$seed" "$build/corpus/seed-$(basename "$seed")"
done

echo "fuzzing for $seconds s (nice -n 19)"
status=0
SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 nice -n 19 "$build/fuzz-scenario" \
  "$build/corpus" -dict=Fuzz/scenario.dict -max_total_time="$seconds" -timeout=300 \
  -rss_limit_mb=4096 -detect_leaks=0 -print_final_stats=1 -fork=1 -ignore_crashes=1 \
  -ignore_timeouts=1 -ignore_ooms=1 -artifact_prefix="$build/findings/" "$@" || status=$?

kept=0
for finding in "$build"/findings/{crash,timeout,oom,leak}-*; do
  [[ -f $finding && $finding != *.kept ]] || continue
  name=$(basename "$finding")
  cp "$finding" "Tests/EffectSimCLITests/Fixtures/fuzz/$name.json"
  mv "$finding" "$finding.kept"
  kept=$((kept + 1))
  echo "kept $name as Tests/EffectSimCLITests/Fixtures/fuzz/$name.json"
done
echo "fuzzer exit status $status; $kept new finding(s) kept as regression fixtures"
exit "$status"
