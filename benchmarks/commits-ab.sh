#!/usr/bin/env bash
# The same ./build.sh command at several commits, interleaved run by run (A B C A B C ...), so a busy machine's load
# falls on every commit alike; prints the median wall time, its range and the median CPU time (user + system of the
# run and its children) per commit. Each commit is unpacked with `git archive` into a temporary folder and compiled
# once there (its first `./build.sh --help`), outside the timing.
# Usage: benchmarks/commits-ab.sh <runs> "<commit> <commit>..." <build.sh arguments...>
# e.g.   benchmarks/commits-ab.sh 10 "04a6cb7 HEAD" BuildChanged --monorepo /tmp/copy --registry ab --base HEAD
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
RUNS="$1" COMMITS="$2"; shift 2
WORK="$(mktemp -d /tmp/gmb-ab-XXXXXX)"
roots=()
for commit in $COMMITS; do
  dir="$WORK/$commit"; mkdir -p "$dir"
  git -C "$ROOT" archive "$commit" | tar -x -C "$dir"
  GMB_NATIVE="${GMB_NATIVE:-1}" "$dir/build.sh" --help >/dev/null  # the native build, as a developer runs it once compiled
  roots+=("$commit=$dir")
done
python3 - "$RUNS" "${roots[@]}" -- "$@" <<'PY'
import resource, statistics, subprocess, sys, time
args = sys.argv[1:]; runs = int(args[0]); split = args.index("--")
roots = dict(r.split("=", 1) for r in args[1:split]); target = args[split + 1:]
wall = {c: [] for c in roots}; cpu = {c: [] for c in roots}
for root in roots.values():  # warm
    subprocess.run([f"{root}/build.sh", *target], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print("load before:", *open("/proc/loadavg").read().split()[:3])
for _ in range(runs):
    for commit, root in roots.items():
        before = resource.getrusage(resource.RUSAGE_CHILDREN); started = time.perf_counter()
        subprocess.run([f"{root}/build.sh", *target], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        wall[commit].append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu[commit].append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
print("load after:", *open("/proc/loadavg").read().split()[:3])
print("\n| commit | wall median (ms) | wall range (ms) | CPU median (ms) |\n|---|---:|---:|---:|")
for c in roots:
    print(f"| {c} | {statistics.median(wall[c])*1000:.0f} | {min(wall[c])*1000:.0f}-{max(wall[c])*1000:.0f} | {statistics.median(cpu[c])*1000:.0f} |")
PY
