#!/usr/bin/env bash
# Times the whole `conch check` beside ruff on the same tree, in one run, and
# prints wall time, CPU time and peak memory of each plus the ratio, then conch's
# time by phase and rule (`--profile`).
#
#   bench/check-vs-ruff.sh [TREE] [RUNS]
#
# TREE defaults to pyenv's 3.11.7 stdlib (site-packages excluded by both tools).
# Needs a release build (swift build -c release --static-swift-stdlib, as README's
# Install) and ruff on PATH (pip install ruff).
set -euo pipefail
cd "$(dirname "$0")/.."
tree=${1:-$(pyenv prefix 3.11.7)/lib/python3.11}
runs=${2:-5}
conch=.build/release/conch
[ -x "$conch" ] || { echo "build first: swift build -c release --static-swift-stdlib" >&2; exit 2; }
command -v ruff >/dev/null || { echo "ruff is not on PATH: pip install ruff" >&2; exit 2; }
# Time ruff's own binary: through a pyenv shim, each run would also pay ~50 ms of
# pyenv's shell start-up, which conch does not.
ruff=$(command -v ruff)
if command -v pyenv >/dev/null && pyenv which ruff >/dev/null 2>&1; then ruff=$(pyenv which ruff); fi

measure() { # label, command...: prints the median wall time, CPU time and peak memory of $runs runs
    local label=$1; shift
    local walls=() cpus=() peaks=()
    local record
    record=$(mktemp)
    for _ in $(seq "$runs"); do
        /usr/bin/time -o "$record" -f "%e %U %S %M" "$@" >/dev/null 2>&1 || true
        read -r wall user sys peak < <(tail -n 1 "$record")
        walls+=("$wall"); cpus+=("$(echo "$user + $sys" | bc)"); peaks+=("$peak")
    done
    rm -f "$record"
    local wall cpu peak
    wall=$(printf '%s\n' "${walls[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
    cpu=$(printf '%s\n' "${cpus[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
    peak=$(printf '%s\n' "${peaks[@]}" | sort -n | tail -n 1)
    printf '%-6s median wall %6.2f s   cpu %6.2f s   peak %5d MB\n' "$label" "$wall" "$cpu" "$((peak / 1024))"
    eval "${label}_wall=$wall ${label}_cpu=$cpu"
}

files=$(find "$tree" -name site-packages -prune -o -name '*.py' -print | wc -l)
echo "tree: $tree ($files .py files), $(nproc) cores, $runs runs each, $(date -u +%Y-%m-%dT%H:%MZ)"
echo "ruff: $ruff ($("$ruff" --version))"
measure conch "$conch" check --isolated --exit-zero --quiet --exclude '*.c,*.h' "$tree"
measure ruff "$ruff" check --no-cache --isolated --exit-zero --quiet --select ASYNC,S605,S606,PLW0603 --exclude site-packages "$tree"
echo "ratio: conch takes $(echo "scale=2; $conch_wall / $ruff_wall" | bc)x ruff's wall time and $(echo "scale=2; $conch_cpu / $ruff_cpu" | bc)x its CPU time (below 0.5 meets the target)"
echo "where conch's time goes (one more run, with --profile):"
"$conch" check --isolated --exit-zero --quiet --exclude '*.c,*.h' --profile "$tree" 2>&1 >/dev/null | sed 's/^/  /'
