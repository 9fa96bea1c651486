#!/usr/bin/env bash
# Image lookups at scale (issue 19, goal 4: "the goals hold at 100 services"): what asking the engine costs, and
# BuildChanged's no-change and one-service-edit runs at several compiled checkouts, interleaved run by run.
#  1. the engine's raw costs on the example scaled to 6 x (COPIES+1) services (default 16: 102), all images built:
#     102 image inspections one at a time and 16 at once, image listings with and without a reference filter, /info
#     and the event log (bare requests on the socket from one Python process, as the build makes them);
#  2. per run and checkout: a no-change `BuildChanged --verbosity verbose` (wall time; its "Image lookups" and
#     "Decided in" lines) and a run after a new edit of gateway (wall time; it builds gateway), checkouts in turn.
# Usage: benchmarks/image-lookups.sh [<checkout> ...]   (default: this one; each compiled once, natively, first)
# Env: RUNS (default 5), COPIES (default 16). Needs python3, git, a Docker engine with buildx.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
. "$HERE/lib/engine.sh"
RUNS="${RUNS:-5}"
export COPIES="${COPIES:-16}"
. "$HERE/lib/example-copy.sh"
example_copy lookups
roots=("${@:-$ROOT}")
for root in "${roots[@]}"; do GMB_NATIVE=1 "$root/build.sh" --help >/dev/null; done
run() { "$1/build.sh" BuildChanged --monorepo "$COPY" --registry "$PREFIX" --base HEAD --parallelism "$(nproc)" "${@:2}"; }
run "${roots[0]}" >/dev/null   # every image built once
for root in "${roots[@]}"; do run "$root" >/dev/null; done   # each checkout's first run after that (it may remember)
load() { cut -d' ' -f1-3 /proc/loadavg; }

echo "## The engine's answers ($(ls "$COPY/services" | wc -l) services' images built; load $(load))"
docker image ls --format '{{.Repository}}:{{.Tag}}' | grep "^$PREFIX/.*:inputs-" > "$WORK/refs.txt"
python3 - "${DOCKER_HOST#unix://}" "$WORK/refs.txt" "$PREFIX" <<'PY'
import json, socket, statistics, sys, time, urllib.parse
from concurrent.futures import ThreadPoolExecutor
sock, refs, prefix = sys.argv[1], [l.strip() for l in open(sys.argv[2])], sys.argv[3]
def get(path):  # one bare HTTP/1.0 request per connection, as EngineHttp sends them
    s = socket.socket(socket.AF_UNIX); s.connect(sock)
    s.sendall(f"GET {path} HTTP/1.0\r\nHost: docker\r\n\r\n".encode())
    while s.recv(65536): pass
    s.close()
def inspect_all(at_once):
    with ThreadPoolExecutor(at_once) as pool: list(pool.map(lambda r: get(f"/images/{r}/json"), refs))
def listing(filters=None): get("/images/json" + ("?filters=" + urllib.parse.quote(json.dumps(filters)) if filters else ""))
cases = [
    (f"{len(refs)} inspections, one at a time", lambda: inspect_all(1)),
    (f"{len(refs)} inspections, 16 at once", lambda: inspect_all(16)),
    ("one inspection", lambda: get(f"/images/{refs[0]}/json")),
    ("GET /images/json (all images)", listing),
    (f"GET /images/json, reference={prefix}/*", lambda: listing({"reference": [prefix + "/*"]})),
    ("GET /images/json, reference=<one name>", lambda: listing({"reference": [refs[0]]})),
    ("GET /info (the engine's clock)", lambda: get("/info")),
    ("GET /events since=0 until=now (whole log)", lambda: get(f"/events?since=0&until={time.time():.9f}")),
    ("GET /_ping", lambda: get("/_ping")),
]
print("| request | median (ms) | min (ms) |\n|---|---:|---:|")
for name, f in cases:
    times = []
    for _ in range(5):
        t = time.perf_counter(); f(); times.append((time.perf_counter() - t) * 1000)
    print(f"| {name} | {statistics.median(times):.1f} | {min(times):.1f} |")
PY

echo; echo "## BuildChanged, checkouts in turn (load before: $(load))"
for run_no in $(seq 1 "$RUNS"); do
  for root in "${roots[@]}"; do
    started="$(date +%s%N)"; out="$(run "$root" --verbosity verbose 2>&1)"; none_ms=$(( ($(date +%s%N) - started) / 1000000 ))
    lookups="$(grep -o 'Image lookups: [0-9]* ms[^|]*' <<<"$out" | head -1 | sed 's/ *$//')"
    decided="$(grep -o 'Decided in [0-9]* ms' <<<"$out" | head -1)"
    "$HERE/scenario-edit.sh" "$COPY" service
    started="$(date +%s%N)"; run "$root" >/dev/null; edit_ms=$(( ($(date +%s%N) - started) / 1000000 ))
    echo "run $run_no | $root | no change ${none_ms} ms ($lookups; $decided) | gateway edited ${edit_ms} ms | load $(load)"
  done
done
git -C "$COPY" checkout -q -- .
