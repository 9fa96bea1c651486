#!/usr/bin/env bash
# Makes a bigger monorepo from the example: every service of examples/monorepo copied K more times under a new
# name (services/<name>-<n>, its module path and cmd/<name> folder renamed), the libs shared as they are. Teams
# run 5 to 500 services; the build scenarios use it to show how each way of building scales with their number.
# Usage: scaled-monorepo.sh <destination (must not exist)> <K copies of each service>
#        scaled-monorepo.sh --tax [K (default 82: 498 services)]   (issue 19 goal 4: the decision phase's time)
# --tax makes the monorepo in a temporary folder, commits it, edits one service and runs
# `./build.sh BuildChanged --base HEAD --verbosity verbose` RUNS times (default 3), stopping each run (SIGTERM to its
# process group) once it has decided, before it builds (a build or two may have started; their images are removed); it prints the decision phase's parts from the run's own log
# (affected analysis, input hashes, image lookups, one after the other) and the load average. TAX_ROOTS="<dir> <dir>":
# compiled checkouts to run in turn, run by run (an A/B on one machine state), instead of this one. TAX_TOUCH=1: every
# file under services/ and libs/ touched once after the edit (stale stat information in git's index, as after a CI cache
# restore), so run 1 meets a stale index and the later runs show whether a run left it refreshed; TAX_TOUCH=locked also
# holds .git/index.lock through the runs, so no run can write the index back (the behaviour before runs refreshed it).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [ "${1:-}" = "--tax" ]; then
  ROOT="$(cd "$HERE/.." && pwd)"
  . "$HERE/lib/engine.sh"
  WORK="$(mktemp -d /tmp/gmb-scaled-tax-XXXXXX)"
  "$0" "$WORK/monorepo" "${2:-82}"
  git -C "$WORK/monorepo" init -q -b main && git -C "$WORK/monorepo" add -A
  git -C "$WORK/monorepo" -c user.name=bench -c user.email=bench@example.com commit -q -m "scaled monorepo"
  "$HERE/scenario-edit.sh" "$WORK/monorepo" service
  [ -z "${TAX_TOUCH:-}" ] || (cd "$WORK/monorepo" && find services libs -type f -exec touch {} + && echo "stat-dirty before run 1: $(git diff-files --name-only | wc -l) files")
  [ "${TAX_TOUCH:-}" != locked ] || touch "$WORK/monorepo/.git/index.lock"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  # TAX_ROOTS: checkouts to compare (e.g. commits-ab.sh's unpacked commits, each compiled), taken in turn run by run.
  roots=(${TAX_ROOTS:-$ROOT})
  # "decided at" is the pipeline's own clock (from BuildChanged's start, after EnsureEngine); "from launch" is the
  # wall time from starting ./build.sh to its "Decided in" line (polled every 50 ms): the figure that compares builds
  # that start the analysis at different points (issue 19: alongside the engine probe).
  echo "| run | build | affected analysis (ms) | input hashes (ms) | image lookups (ms) | decided at (ms) | from launch (ms) |"
  echo "|---:|---|---:|---:|---:|---:|---:|"
  for run in $(seq 1 "${RUNS:-3}"); do
   for build in "${roots[@]}"; do
    log="$WORK/run-$run-$(basename "$build").log"
    # Images are never built here: the registry prefix is unique and the run is interrupted before it builds.
    # Its own process group (a background job of a script ignores SIGINT), so the stop reaches buildx's clients too.
    launched="$(date +%s%N)"
    setsid "$build/build.sh" BuildChanged --monorepo "$WORK/monorepo" --registry "gmb-scaled-tax-$run" --base HEAD --verbosity verbose >"$log" 2>&1 &
    pid=$!
    until grep -q "Decided in" "$log" || ! kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
    seen="$(( ($(date +%s%N) - launched) / 1000000 ))"
    kill -TERM -- "-$pid" 2>/dev/null || true
    wait "$pid" || true
    ms() { sed -n "s/.*$1: \([0-9]*\) ms.*/\1/p" "$log" | head -n1; }
    a="$(ms "Affected analysis")" h="$(ms "Input hashes")" l="$(ms "Image lookups")"
    d="$(sed -n 's/.*Decided in \([0-9]*\) ms.*/\1/p' "$log" | head -n1)"
    [ -n "$d" ] || { echo "run $run did not decide; its log: $log" >&2; tail -20 "$log" >&2; exit 1; }
    echo "| $run | $(basename "$build") | $a | $((h - a)) | $((l - h)) | $d | $seen |"
   done
  done
  echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
  rm -f "$WORK/monorepo/.git/index.lock"
  [ -z "${TAX_TOUCH:-}" ] || echo "stat-dirty after the runs: $(git -C "$WORK/monorepo" diff-files --name-only | wc -l) files"
  docker image ls --format '{{.Repository}}:{{.Tag}}' | grep "^gmb-scaled-tax-" | xargs -r docker image rm --force >/dev/null 2>&1 || true
  echo "services: $(ls "$WORK/monorepo/services" | wc -l); logs in $WORK"
  exit 0
fi
DEST="$1" COPIES="$2"
[ ! -e "$DEST" ] || { echo "$DEST exists; give a new folder" >&2; exit 2; }
cp -r "$HERE/../examples/monorepo" "$DEST"
for service_dir in "$HERE/../examples/monorepo/services"/*/; do
  service="$(basename "$service_dir")"
  for n in $(seq 1 "$COPIES"); do
    copy="$service-$n"
    cp -r "$service_dir" "$DEST/services/$copy"
    [ -d "$DEST/services/$copy/cmd/$service" ] && mv "$DEST/services/$copy/cmd/$service" "$DEST/services/$copy/cmd/$copy"
    grep -rl "example.com/monorepo/services/$service" "$DEST/services/$copy" \
      | xargs -r sed -i "s#example.com/monorepo/services/$service\\b#example.com/monorepo/services/$copy#g"
  done
done
echo "$(ls "$DEST/services" | wc -l) services in $DEST"
