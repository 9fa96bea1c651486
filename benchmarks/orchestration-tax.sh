#!/usr/bin/env bash
# The orchestration tax (issue 19): BuildChanged against the physical floor, measured in one script, back to back on
# the same engine, each goal's floor in the same hyperfine call as the run it is the floor of:
#  1. one-service edit (gateway): `./build.sh BuildChanged` vs a bare `docker buildx build` of the same generated
#     Dockerfile and staged context (.nuke/temp/docker/gateway), same flags that matter (--network none, --load);
#  2. no change: BuildChanged vs a warm `./build.sh --help` (and EnsureEngine alone, the probe's share);
#  3. a lib every service imports (libs/logging): BuildChanged vs the bare builds of all six generated Dockerfiles and
#     contexts, run with BuildChanged's parallelism (its default: the processor count);
#  and the processes one BuildChanged run spawns (strace -f -e trace=execve), for goals 1 and 2.
# Goal 4 (the decision phase at 500 services) is `benchmarks/scaled-monorepo.sh --tax`.
# Usage: benchmarks/orchestration-tax.sh   Env: RUNS (default 5); COPIES=K measures on the example scaled to 6 x (K+1)
# services (benchmarks/scaled-monorepo.sh; goal 4: K=3 gives 24 services, K=16 gives 102). Needs strace, git, a Docker engine with buildx, and
# hyperfine (Debian's package; .ci/run installs it).
# Prints a Markdown table (with the load average) to paste into BENCHMARKS.md.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
. "$HERE/lib/engine.sh"
RUNS="${RUNS:-5}"
PARALLEL="$(nproc)"
. "$ROOT/benchmarks/lib/example-copy.sh"
example_copy tax

# The native build, compiled first, as a developer's machine runs it once compiled (GMB_NATIVE=0 measures the managed one).
GMB_NATIVE="${GMB_NATIVE:-1}" "$ROOT/build.sh" --help >/dev/null
OURS="$ROOT/build.sh BuildChanged --monorepo $COPY --registry $PREFIX --base HEAD --parallelism $PARALLEL"
$OURS >/dev/null   # warm: every image exists
STAGE="$ROOT/.nuke/temp/docker"
# The floor: the generated Dockerfile and context BuildChanged stages for a service, rebuilt after the same edit.
bare() { echo "docker buildx build --progress=quiet --network none --load --tag $PREFIX-bare/$1:latest --file $STAGE/$1/Dockerfile $STAGE/$1/context"; }
REGEN="$ROOT/build.sh GenerateDockerfiles --monorepo $COPY --registry $PREFIX >/dev/null"
SERVICES="$(ls "$COPY/services")"
ALL_BARE="printf '%s\n' $(echo $SERVICES) | xargs -P $PARALLEL -I{} sh -c '$(bare '{}') >/dev/null'"
load() { cut -d' ' -f1-3 /proc/loadavg; }
command -v hyperfine >/dev/null || { echo "no hyperfine: apt-get install -y hyperfine" >&2; exit 1; }
echo "load before: $(load)"

# Goal 1: one service.
EDIT="$HERE/scenario-edit.sh $COPY service"
eval "$EDIT && $REGEN && $(bare gateway) >/dev/null"
hyperfine --runs "$RUNS" --style basic --export-json "$WORK/edit.json" \
  --prepare "$EDIT && $REGEN" --command-name "bare buildx build (gateway)" "$(bare gateway) >/dev/null" \
  --prepare "$EDIT" --command-name "BuildChanged (gateway edited)" "$OURS >/dev/null"

# Goal 3: a lib every service imports.
LIB="$HERE/scenario-edit.sh $COPY lib-all"
eval "$LIB && $REGEN && $ALL_BARE"
hyperfine --runs "$RUNS" --style basic --export-json "$WORK/lib.json" \
  --prepare "$LIB && $REGEN" --command-name "bare buildx builds of all $(echo $SERVICES | wc -w), $PARALLEL at a time" "$ALL_BARE" \
  --prepare "$LIB" --command-name "BuildChanged (libs/logging edited)" "$OURS >/dev/null"

# Goal 2: no change.
git -C "$COPY" checkout -q -- . && $OURS >/dev/null
hyperfine --runs "$RUNS" --warmup 1 --style basic --export-json "$WORK/none.json" \
  --command-name "./build.sh --help (warm)" "$ROOT/build.sh --help >/dev/null" \
  --command-name "./build.sh EnsureEngine" "$ROOT/build.sh EnsureEngine >/dev/null" \
  --command-name "BuildChanged (no change)" "$OURS >/dev/null"
echo "load after: $(load)"

count() { # <what> <command...>: execve calls that succeeded, all and docker ones
  strace -f -qq -e trace=execve -o "$WORK/execve-$1.txt" "${@:2}" >/dev/null
  echo "$(grep 'execve(' "$WORK/execve-$1.txt" | grep -vc ENOENT || true) $(grep 'execve(' "$WORK/execve-$1.txt" | grep -v ENOENT | grep -c 'docker' || true)"
}
$EDIT
EDITED="$(count edit $OURS)"
NONE="$(count none $OURS)"

python3 - "$WORK" "$EDITED" "$NONE" "$(load)" <<'PY'
import json, sys
work, edited, none, load = sys.argv[1:]
mean = {}
for f in ("edit", "lib", "none"):
    for r in json.load(open(f"{work}/{f}.json"))["results"]:
        mean[r["command"]] = (r["mean"], r["stddev"] or 0, r["median"], min(r["times"]), max(r["times"]))
print(f"\n(load average after: {load})\n\n| Command | Mean (s) | ± (s) | Median (s) | Range (s) |\n|---|---:|---:|---:|---:|")
for k, (m, s, med, lo, hi) in mean.items(): print(f"| {k} | {m:.2f} | {s:.2f} | {med:.2f} | {lo:.2f}-{hi:.2f} |")
def ratio(a, b): return mean[a][2] / mean[b][2]
lib = next(k for k in mean if k.startswith("bare buildx builds of all"))
print(f"\nRatios of medians: goal 1, one-service edit {ratio('BuildChanged (gateway edited)', 'bare buildx build (gateway)'):.2f}x the bare build (goal 1.2x); "
      f"goal 3, lib of every service {ratio('BuildChanged (libs/logging edited)', lib):.2f}x the bare builds (goal 1.2x); "
      f"goal 2, no change {ratio('BuildChanged (no change)', './build.sh --help (warm)'):.2f}x --help (goal 2x); "
      f"EnsureEngine alone {ratio('./build.sh EnsureEngine', './build.sh --help (warm)'):.2f}x --help.")
e, n = edited.split(), none.split()
print(f"Processes one BuildChanged run starts (successful execve calls): gateway edited {e[0]} ({e[1]} docker/buildx); no change {n[0]} ({n[1]} docker/buildx).")
PY
