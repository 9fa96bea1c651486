#!/usr/bin/env bash
# Issue 19 goal 1 as an A/B of commits, interleaved run by run so a busy machine's load falls on every row alike: each
# round edits gateway's handler (benchmarks/scenario-edit.sh service) and times the floor (a bare `docker buildx build
# --progress=quiet --network none --load` of the Dockerfile and context `GenerateDockerfiles` stages for gateway, as
# benchmarks/orchestration-tax.sh does; staging is outside the timing), then edits again before each commit's
# `./build.sh BuildChanged` (which stages inside its timing). Each commit is unpacked with `git archive` and compiled
# once (its first `./build.sh --help`), outside the timing. Prints median wall, range, CPU (user + system of the run
# and its children; the engine's own work is not counted) and each row's ratio of medians to the floor.
# SCENARIO=lib-all (issue 19 goal 3) edits libs/logging instead, which every service imports, and the floor is then the
# bare builds of all six services' staged Dockerfiles and contexts, 2 at a time (xargs -P 2, BuildChanged's --parallelism).
# Usage: [SCENARIO=lib-all] benchmarks/edit-ab.sh <runs> "<commit> <commit>..."   e.g. benchmarks/edit-ab.sh 8 "main HEAD"
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
. "$HERE/lib/engine.sh"
RUNS="$1" COMMITS="$2" SCENARIO="${SCENARIO:-service}"
. "$ROOT/benchmarks/lib/example-copy.sh"
example_copy editab
roots=()
for commit in $COMMITS; do
  dir="$WORK/$(echo "$commit" | tr '/' '_')"; mkdir -p "$dir"
  git -C "$ROOT" archive "$commit" | tar -x -C "$dir"
  GMB_NATIVE="${GMB_NATIVE:-1}" "$dir/build.sh" --help >/dev/null  # the native build, as a developer runs it once compiled
  roots+=("$commit=$dir")
done
FLOOR_ROOT="${roots[0]#*=}"
python3 - "$RUNS" "$HERE/scenario-edit.sh" "$COPY" "$PREFIX" "$FLOOR_ROOT" "$SCENARIO" "${roots[@]}" <<'PY'
import os, resource, statistics, subprocess, sys, time
runs, edit, copy, prefix, floor_root, scenario = sys.argv[1:7]; runs = int(runs)
roots = dict(r.split("=", 1) for r in sys.argv[7:])
quiet = dict(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
def bare(service):
    stage = f"{floor_root}/.nuke/temp/docker/{service}"
    return ["docker", "buildx", "build", "--progress=quiet", "--network", "none", "--load", "--tag", f"{prefix}-bare/{service}:latest",
            "--file", f"{stage}/Dockerfile", f"{stage}/context"]
services = sorted(os.listdir(f"{copy}/services")) if scenario == "lib-all" else ["gateway"]
FLOOR = "bare buildx build (gateway)" if scenario != "lib-all" else f"bare buildx builds of all {len(services)}, 2 at a time"
floor_command = bare("gateway") if scenario != "lib-all" else \
    ["sh", "-c", "printf '%s\\n' " + " ".join(services) + " | xargs -P 2 -I{} sh -c '" + " ".join(bare("{}")) + " >/dev/null'"]
rows = {FLOOR: (
            lambda: subprocess.run([f"{floor_root}/build.sh", "GenerateDockerfiles", "--monorepo", copy, "--registry", prefix], **quiet),
            floor_command)}
for commit, root in roots.items():
    rows[f"BuildChanged at {commit}"] = (None, [f"{root}/build.sh", "BuildChanged", "--monorepo", copy, "--registry", prefix,
                                                "--base", "HEAD", "--parallelism", "2"])
def once(prepare, command):
    subprocess.run([edit, copy, scenario], **quiet)
    if prepare: prepare()
    before = resource.getrusage(resource.RUSAGE_CHILDREN); started = time.perf_counter()
    subprocess.run(command, **quiet)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
for prepare, command in rows.values(): once(prepare, command)  # warm: every image exists, the cache holds the steps
loads = [open("/proc/loadavg").read().split()[0]]
wall = {k: [] for k in rows}; cpu = {k: [] for k in rows}
for _ in range(runs):
    for name, (prepare, command) in rows.items():
        w, c = once(prepare, command); wall[name].append(w); cpu[name].append(c)
    loads.append(open("/proc/loadavg").read().split()[0])
floor = statistics.median(wall[FLOOR])
print(f"load average (1 min) before and after each round: {' '.join(loads)}")
print("\n| command | wall median (s) | wall range (s) | CPU median (s) | ratio to the floor (medians) |\n|---|---:|---:|---:|---:|")
for k in rows:
    m = statistics.median(wall[k])
    print(f"| {k} | {m:.2f} | {min(wall[k]):.2f}-{max(wall[k]):.2f} | {statistics.median(cpu[k]):.2f} | {m / floor:.2f}x |")
PY
