#!/usr/bin/env bash
# The JIT compilation a run pays (issue 19 goals 2 and 4), compared across compiled checkouts, runs alternating.
# Usage: jit-count.sh <root>...   (each root a checkout whose ./build.sh has compiled its build; e.g. `git archive`
#        copies made git repositories, so BuildChanged takes the same git path in each)
# Env: RUNS (default 5), ARGS (default "BuildChanged": the no-change run on examples/monorepo), LIST=1 keeps each run's
# listing of JIT-compiled methods in /tmp/gmb-jit-<root>-<run>.txt (DOTNET_JitStdOutFile + DOTNET_JitDisasmSummary).
# Prints per run: methods JIT-compiled (from a run with the listing on), then wall and CPU (user+sys) in milliseconds
# from a second run without it (writing the listing costs time of its own). The method count is the steady figure.
set -euo pipefail
RUNS="${RUNS:-5}"; read -r -a args <<<"${ARGS:-BuildChanged}"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| run | build | methods JIT-compiled | wall (ms) | CPU user+sys (ms) |"
echo "|---:|---|---:|---:|---:|"
times="$(mktemp)"; trap 'rm -f "$times"' EXIT
for run in $(seq 1 "$RUNS"); do
  for root in "$@"; do
    list="/tmp/gmb-jit-$(basename "$root")-$run.txt"; rm -f "$list"
    (cd "$root" && DOTNET_JitStdOutFile="$list" DOTNET_JitDisasmSummary=1 ./build.sh "${args[@]}" >/dev/null 2>&1) || true
    methods="$(grep -c 'JIT compiled' "$list" || true)"
    [ -n "${LIST:-}" ] || rm -f "$list"
    (cd "$root" && /usr/bin/time -o "$times" -f "%e %U %S" ./build.sh "${args[@]}" >/dev/null 2>&1) || true
    read -r e u s <"$times"
    echo "| $run | $(basename "$root") | $methods | $(awk -v e="$e" 'BEGIN{printf "%d", e*1000}') | $(awk -v u="$u" -v s="$s" 'BEGIN{printf "%d", (u+s)*1000}') |"
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
