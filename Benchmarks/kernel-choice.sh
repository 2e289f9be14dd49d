#!/bin/sh
# Does `--kernel auto` pick a fast kernel? Times every kernel (kernel only, single thread, thread
# CPU time, best of 3) on the bundled scenarios, on 30,000-person variants of them (every intake
# entry's count replaced by 30,000 / entries, spread and year kept) and on the reference
# workload, and prints the table of Benchmarks/README.md ("Which kernel auto picks").
# Usage: Benchmarks/kernel-choice.sh [--repeats N] [--seconds S]   (from the package root)
set -eu
variants=$(mktemp -d)
trap 'rm -rf "$variants"' EXIT
for file in scenarios/*.json; do
  case "$file" in *schema*) continue ;; esac
  python3 - "$file" "$variants" <<'PY'
import json, os, sys
path, out = sys.argv[1], sys.argv[2]
scenario = json.load(open(path, encoding="utf-8"))
intake = scenario["cohort"]["intake"]
for entry in intake:
    entry["count"] = 30000 // len(intake)
scenario["name"] += " (30,000 persons)"
name = os.path.basename(path).replace(".json", "-30000.json")
json.dump(scenario, open(os.path.join(out, name), "w", encoding="utf-8"), ensure_ascii=False)
PY
done
swift build -c release --product KernelChoice >&2
files=$(ls scenarios/*.json | grep -v schema)
.build/release/KernelChoice "$@" $files "$variants"/*.json
