#!/usr/bin/env bash
# Issue 9: the `go build` step of an edited service on a cold engine, with and without the Go caches seeded from a
# --go-cache folder another runner exported. Runner A = the engine in DOCKER_HOST/DOCKER_CONFIG (warm); runner B = a
# private engine provisioned in a fresh GMB_HOME, started for this script and stopped at its end.
# Before every run B's whole build cache (cached steps AND cache mounts) is pruned: a cold runner that has only the
# builder image. Prints one line per run and the medians.
# Usage: DOCKER_HOST=... DOCKER_CONFIG=... benchmarks/go-cache-seed.sh [runs per mode, default 3]
set -euo pipefail
RUNS="${1:-3}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DLL="${BUILD_DLL:-$ROOT/build/bin/Debug/net10.0/_build.dll}"
[ -f "$BUILD_DLL" ] || { echo "build the solution first (dotnet build GoMonorepoBuild.sln): $BUILD_DLL is missing" >&2; exit 2; }
: "${DOCKER_HOST:?set DOCKER_HOST/DOCKER_CONFIG to the engine of runner A}"
GO_IMAGE="${GO_IMAGE:-gomonorepobuild/go:1.23}"

WORK="$(mktemp -d /tmp/gmb-gocache-bench.XXXXXX)"
HOME_B="$(mktemp -d /tmp/gmbB.XXXXXX)"
A_ENV=(DOCKER_HOST="$DOCKER_HOST" DOCKER_CONFIG="${DOCKER_CONFIG:-}")
# Runner B shares only the downloaded packages with the default home, so provisioning it downloads nothing.
ln -s "${GMB_HOME:-$HOME/.cache/gomonorepobuild}/apt" "$HOME_B/apt"
B_ENV=(GMB_HOME="$HOME_B" DOCKER_HOST="unix://$HOME_B/run/docker.sock" DOCKER_CONFIG="$HOME_B/docker-config")
cleanup() {
  env -u DOCKER_HOST -u DOCKER_CONFIG GMB_HOME="$HOME_B" dotnet "$BUILD_DLL" StopEngine --root "$WORK/rootB" >/dev/null 2>&1 || true
  rm -rf "$WORK" "$HOME_B" 2>/dev/null || true
}
trap cleanup EXIT

cp -r "$ROOT/examples/monorepo" "$WORK/mono"
git -C "$WORK/mono" init -q && git -C "$WORK/mono" add -A && git -C "$WORK/mono" -c user.name=bench -c user.email=bench@example.com commit -qm example
mkdir -p "$WORK/rootA/.nuke" "$WORK/rootB/.nuke"
commit_edit() {
  "$ROOT/benchmarks/scenario-edit.sh" "$WORK/mono" service
  git -C "$WORK/mono" -c user.name=bench -c user.email=bench@example.com commit -qam "edit gateway"
}
build() { # <root> <env...> -- <args...>
  local root="$1"; shift
  local envs=(); while [ "$1" != "--" ]; do envs+=("$1"); shift; done; shift
  env "${envs[@]}" dotnet "$BUILD_DLL" BuildChanged --monorepo "$WORK/mono" --registry gmbbench --only gateway \
    --go-image "$GO_IMAGE" --root "$root" "$@" > "$root/last.log" 2>&1 || { cat "$root/last.log" >&2; exit 1; }
}
go_build_ms() { # the gateway's `go build` step in the report of <root>
  jq -r '.services[] | select(.name=="gateway") | .stepDetails[] | select(.name | test(" go build ")) | .durationMs' \
    "$1/.nuke/temp/reports/build-report.json"
}

echo "runner A: exporting its Go caches (one edited build of gateway with --go-cache)"
commit_edit
build "$WORK/rootA" "${A_ENV[@]}" -- --go-cache "$WORK/carried"
grep -i "go caches" "$WORK/rootA/last.log" || true

echo "runner B: provisioning a private engine in $HOME_B"
env -u DOCKER_HOST -u DOCKER_CONFIG GMB_HOME="$HOME_B" dotnet "$BUILD_DLL" EnsureEngine --root "$WORK/rootB" > "$WORK/rootB/engine.log" 2>&1 \
  || { cat "$WORK/rootB/engine.log" >&2; exit 1; }
# The runners build FROM the same builder image, as CI runners pulling one published image would.
env "${A_ENV[@]}" docker save "$GO_IMAGE" | env "${B_ENV[@]}" docker load -q

declare -A RESULTS=([without]="" [with]="")
for run in $(seq 1 "$RUNS"); do
  for mode in without with; do
    env "${B_ENV[@]}" docker buildx prune --all --force > /dev/null
    commit_edit
    if [ "$mode" = with ]; then
      rm -rf "$WORK/run-cache" && cp -r "$WORK/carried" "$WORK/run-cache"
      clock=$(date +%s%N)
      build "$WORK/rootB" "${B_ENV[@]}" -- --go-cache "$WORK/run-cache"
    else
      clock=$(date +%s%N)
      build "$WORK/rootB" "${B_ENV[@]}" --
    fi
    wall=$(( ($(date +%s%N) - clock) / 1000000 ))
    ms="$(go_build_ms "$WORK/rootB")"
    seed="$(grep -o 'seeded the Go caches .* in [0-9.]* s' "$WORK/rootB/last.log" | grep -o '[0-9.]* s$' || echo '-')"
    echo "run $run, $mode seeded Go cache: go build step ${ms} ms; seed step ${seed}; BuildChanged wall ${wall} ms"
    RESULTS[$mode]+="$ms "
  done
done
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
without=$(echo "${RESULTS[without]}" | median); with=$(echo "${RESULTS[with]}" | median)
echo "median go build step: without ${without} ms, with ${with} ms, speed-up $(awk -v a="$without" -v b="$with" 'BEGIN {printf "%.1f", a/b}')x"
echo "archive: $(jq -r '.sizeBytes' "$WORK/carried/go-cache.json") bytes"
