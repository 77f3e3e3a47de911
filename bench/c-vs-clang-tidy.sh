#!/usr/bin/env bash
# Conch's C rules against clang-tidy's concurrency checks on the same units of a
# real project, both driven by the project's compile_commands.json.
#
#   bench/c-vs-clang-tidy.sh PROJECT [JOBS]
#
# PROJECT holds compile_commands.json (from the project's build or `bear -- make`).
# Each unit is checked once, however many times the database lists it. Needs a
# release build (`swift build -c release --static-swift-stdlib`) and Debian's clang-tidy
# (run-clang-tidy); downloads nothing. Prints both wall times and their ratio.
set -euo pipefail

project=${1:?usage: bench/c-vs-clang-tidy.sh PROJECT [JOBS]}
jobs=${2:-2}
here=$(cd "$(dirname "$0")/.." && pwd)
conch=${CONCH:-$here/.build/release/conch}
project=$(cd "$project" && pwd)
database=$project/compile_commands.json

[ -x "$conch" ] || { echo "no release build at $conch: run swift build -c release --static-swift-stdlib" >&2; exit 2; }
[ -f "$database" ] || { echo "no compile_commands.json in $project" >&2; exit 2; }
command -v run-clang-tidy >/dev/null || { echo "run-clang-tidy not found: apt-get install clang-tidy" >&2; exit 2; }

# One entry per unit, kept in a folder of its own so both tools read the same list.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$database" "$work/compile_commands.json" "$work/units" <<'PY'
import json, os, sys
entries, seen = [], set()
for entry in json.load(open(sys.argv[1])):
    path = os.path.normpath(os.path.join(entry["directory"], entry["file"]))
    if path.endswith(".c") and path not in seen and os.path.exists(path):
        seen.add(path)
        entries.append(entry)
json.dump(entries, open(sys.argv[2], "w"), indent=1)
open(sys.argv[3], "w").write("\n".join(sorted(seen)) + "\n")
PY
units=$(wc -l < "$work/units")

now() { date +%s.%N; }

start=$(now)
xargs -a "$work/units" "$conch" check --isolated --jobs "$jobs" --exit-zero \
    --compile-commands "$work/compile_commands.json" --format json > "$work/conch.json"
conch_seconds=$(echo "$(now) - $start" | bc)

start=$(now)
run-clang-tidy -j "$jobs" -quiet -p "$work" -checks='-*,concurrency-*' $(cat "$work/units") \
    > "$work/clang-tidy.txt" 2>&1 || true
tidy_seconds=$(echo "$(now) - $start" | bc)

conch_findings=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))))" "$work/conch.json")
tidy_findings=$(grep -c 'warning: .*\[concurrency-' "$work/clang-tidy.txt" || true)

printf '%s: %d C units, %d jobs\n' "$project" "$units" "$jobs"
printf '  conch check               %7.2f s  (%s findings)\n' "$conch_seconds" "$conch_findings"
printf '  clang-tidy concurrency-*  %7.2f s  (%s warnings)\n' "$tidy_seconds" "$tidy_findings"
printf '  ratio clang-tidy / conch  %7.2fx\n' "$(echo "$tidy_seconds / $conch_seconds" | bc -l)"
