#!/usr/bin/env bash
# The orchestration tax (issue 19): BuildChanged against the physical floor, measured in one script, back to back:
#  1. one-service edit (gateway): `./build.sh BuildChanged` vs a bare `docker buildx build` of the same generated
#     Dockerfile and staged context (.nuke/temp/docker/gateway), same engine, same flags that matter (--network none, --load);
#  2. no change: BuildChanged vs a warm `./build.sh --help`;
#  and the processes one BuildChanged run spawns (strace -f -e trace=execve), for a one-service edit.
# Usage: benchmarks/orchestration-tax.sh   Env: RUNS (default 5). Needs hyperfine, strace, git, a Docker engine with buildx.
# Prints a Markdown table (with the load average) to paste into BENCHMARKS.md.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
. "$HERE/lib/engine.sh"
RUNS="${RUNS:-5}"
WORK="$(mktemp -d /tmp/gmb-tax-XXXXXX)"
PREFIX="gmb-tax-$(basename "$WORK" | tr 'A-Z' 'a-z' | tr -cd 'a-z0-9')"
COPY="$WORK/monorepo"
cleanup() {
  docker image ls --format '{{.Repository}}:{{.Tag}}' | grep "^$PREFIX" | xargs -r docker image rm --force >/dev/null 2>&1 || true
}
trap cleanup EXIT
cp -r "$ROOT/examples/monorepo" "$COPY"
git -C "$COPY" init -q -b main && git -C "$COPY" add -A
git -C "$COPY" -c user.name=bench -c user.email=bench@example.com commit -q -m "example monorepo"

"$ROOT/build.sh" --help >/dev/null
OURS="$ROOT/build.sh BuildChanged --monorepo $COPY --registry $PREFIX --base HEAD"
$OURS >/dev/null   # warm: every image exists
# The floor: the generated Dockerfile and context BuildChanged stages for gateway, rebuilt after the same edit.
STAGE="$ROOT/.nuke/temp/docker/gateway"
BARE="docker buildx build --progress=quiet --network none --load --tag $PREFIX-bare/gateway:latest --file $STAGE/Dockerfile $STAGE/context"
EDIT="$HERE/scenario-edit.sh $COPY service"
REGEN="$ROOT/build.sh GenerateDockerfiles --monorepo $COPY --registry $PREFIX --only gateway >/dev/null"
eval "$EDIT && $REGEN && $BARE >/dev/null"

load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "load before: $(load)"
hyperfine --runs "$RUNS" --style basic --export-json "$WORK/edit.json" \
  --prepare "$EDIT && $REGEN" --command-name "bare buildx build (gateway)" "$BARE >/dev/null" \
  --prepare "$EDIT" --command-name "BuildChanged (gateway edited)" "$OURS >/dev/null"
git -C "$COPY" checkout -q -- . && $OURS >/dev/null
hyperfine --runs "$RUNS" --warmup 1 --style basic --export-json "$WORK/none.json" \
  --command-name "./build.sh --help (warm)" "$ROOT/build.sh --help >/dev/null" \
  --command-name "BuildChanged (no change)" "$OURS >/dev/null"
echo "load after: $(load)"

$EDIT
strace -f -qq -e trace=execve -o "$WORK/execve.txt" $OURS >/dev/null
SPAWNED="$(grep -c 'execve(' "$WORK/execve.txt" || true)"
DOCKER="$(grep 'execve(' "$WORK/execve.txt" | grep -v ENOENT | grep -c 'docker' || true)"

python3 - "$WORK" "$SPAWNED" "$DOCKER" "$(load)" <<'PY'
import json, sys
work, spawned, docker, load = sys.argv[1:]
mean = {}
for f in ("edit", "none"):
    for r in json.load(open(f"{work}/{f}.json"))["results"]:
        mean[r["command"]] = (r["mean"], r["stddev"] or 0)
print(f"\n(load average after: {load})\n\n| Command | Mean (s) | ± (s) |\n|---|---:|---:|")
for k, (m, s) in mean.items(): print(f"| {k} | {m:.2f} | {s:.2f} |")
e = mean["BuildChanged (gateway edited)"][0] / mean["bare buildx build (gateway)"][0]
n = mean["BuildChanged (no change)"][0] / mean["./build.sh --help (warm)"][0]
print(f"\nRatios: one-service edit {e:.2f}x the bare build (goal 1.2x); no change {n:.2f}x --help (goal 2x).")
print(f"Processes one BuildChanged run (gateway edited) starts: {spawned} execve calls, {docker} of them docker/buildx.")
PY
