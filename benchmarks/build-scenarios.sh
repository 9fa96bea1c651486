#!/usr/bin/env bash
# Reproduces the build-scenario figures (benchmarks/build-scenarios.md, folded into BENCHMARKS.md):
# wall time of `./build.sh BuildChanged` after each scenario's edit, each after a warm build, against
# (a) the naive tutorial Dockerfile and (b) the tutorial's best practice (both: whole monorepo as context,
# every service built), and `docker buildx bake` against side-by-side `docker buildx build` calls.
#
# Usage: benchmarks/build-scenarios.sh [variant...]   (variants: ours naive best-practice bake; default all;
#        ours-only: BuildChanged with --only naming what the affected analysis selects, to estimate it before it lands)
# Env:   RUNS (timed runs per scenario, default 3), SCENARIOS (default: none readme service lib-two lib-all go-mod),
#        DOCKER_HOST/DOCKER_CONFIG (default: GoMonorepoBuild's private engine), GMB_GO_IMAGE (builder image),
#        COPIES (default 0: the example's 6 services; K: each service K more times, see scaled-monorepo.sh).
# Needs: hyperfine, git, python3, a Docker engine with buildx. Images are tagged gmb-bench-<random>/... and removed.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
. "$HERE/lib/engine.sh"
RUNS="${RUNS:-3}"
SCENARIOS="${SCENARIOS:-none readme service lib-two lib-all go-mod}"
VARIANTS="${*:-ours naive best-practice bake}"

WORK="$(mktemp -d /tmp/gmb-bench-XXXXXX)"
RESULTS="${RESULTS:-$WORK/results}"
PREFIX="gmb-bench-$(basename "$WORK" | tr 'A-Z' 'a-z' | tr -cd 'a-z0-9')"
COPY="$WORK/monorepo"
mkdir -p "$RESULTS"
cleanup() {
  docker image ls --format '{{.Repository}}:{{.Tag}}' | grep "^$PREFIX" | xargs -r docker image rm --force >/dev/null 2>&1 || true
}
trap cleanup EXIT

if [ "${COPIES:-0}" -gt 0 ]; then
  "$HERE/scaled-monorepo.sh" "$COPY" "$COPIES"
else
  cp -r "$ROOT/examples/monorepo" "$COPY"
fi
git -C "$COPY" init -q -b main
git -C "$COPY" add -A
git -C "$COPY" -c user.name=bench -c user.email=bench@example.com commit -q -m "example monorepo"

# Compile the build once, outside the timings (the bootstrap is measured in BENCHMARKS.md on its own).
# The native build, compiled first, as a developer's machine runs it once compiled (GMB_NATIVE=0 measures the managed one).
GMB_NATIVE="${GMB_NATIVE:-1}" "$ROOT/build.sh" --help >/dev/null
BASE=()
if "$ROOT/build.sh" --help | grep -q -- '--base'; then BASE=(--base HEAD); fi
OURS="$ROOT/build.sh BuildChanged --monorepo $COPY --registry $PREFIX ${BASE[*]:-}"
echo "BuildChanged command: $OURS"
[ ${#BASE[@]} -gt 0 ] || echo "note: this build has no --base yet: BuildChanged builds every service (the unchanged ones fully cached)"

# The services each scenario affects (see scenario-edit.sh); none for the edits that affect no image.
affected_by() {
  case "$1" in
    service|go-mod) echo gateway ;;
    lib-two) echo orders,payments ;;
    lib-all) echo catalog,gateway,inventory,orders,payments,scheduler ;;
  esac
}

command_of() {
  case "$1" in
    ours) echo "$OURS >/dev/null" ;;
    ours-only) echo "$OURS --only $(affected_by "$2") >/dev/null" ;;
    naive|best-practice) echo "$HERE/tutorial-build.sh $1 $COPY $PREFIX" ;;
  esac
}

reset_and_warm() {
  git -C "$COPY" checkout -q -- .
  bash -c "$(command_of "${1/ours-only/ours}")"
}

for variant in $VARIANTS; do
  [ "$variant" = bake ] && continue
  echo "== $variant"
  for scenario in $SCENARIOS; do
    if [ "$variant" = ours-only ] && [ -z "$(affected_by "$scenario")" ]; then continue; fi
    reset_and_warm "$variant"
    hyperfine --runs "$RUNS" --style basic \
      --prepare "$HERE/scenario-edit.sh $COPY $scenario" \
      --command-name "$variant/$scenario" \
      --export-json "$RESULTS/$variant-$scenario.json" \
      "$(command_of "$variant" "$scenario")"
  done
done

if [[ " $VARIANTS " == *" bake "* ]]; then
  # The same generated Dockerfiles and contexts, all six services rebuilt (a lib used by all edited):
  # one `buildx bake` against six `buildx build` calls side by side (what BuildChanged runs).
  echo "== bake vs side-by-side builds"
  reset_and_warm ours
  GENERATE="$HERE/scenario-edit.sh $COPY lib-all && $ROOT/build.sh GenerateDockerfiles --monorepo $COPY --registry $PREFIX >/dev/null"
  DOCKERFILES="$ROOT/.nuke/temp/docker"
  # buildx 0.13's bake has no per-target network (this engine has no bridge, RUN needs --network none), so both
  # sides build copies of the generated Dockerfiles whose RUN steps say `RUN --network=none` themselves.
  mkdir -p "$WORK/bake"
  for dir in "$DOCKERFILES"/*/; do
    service="$(basename "$dir")"
    sed 's/^RUN /RUN --network=none /' "$dir/Dockerfile" > "$WORK/bake/$service.Dockerfile"
  done
  python3 - "$DOCKERFILES" "$WORK/bake" "$PREFIX" "$WORK/bake.json" <<'PY'
import json, os, sys
root, dockerfiles, prefix, out = sys.argv[1:]
targets = {}
for name in sorted(os.listdir(root)):
    if os.path.isfile(os.path.join(root, name, "Dockerfile")):
        targets[name] = {"context": os.path.join(root, name, "context"),
                         "dockerfile": os.path.join(dockerfiles, name + ".Dockerfile"),
                         "tags": [f"{prefix}-bake/{name}:latest"], "output": ["type=docker"]}
json.dump({"group": {"default": {"targets": list(targets)}}, "target": targets}, open(out, "w"), indent=2)
PY
  cat > "$WORK/side-by-side.sh" <<SH
#!/usr/bin/env bash
ls "$DOCKERFILES" | xargs -P "\${PARALLEL:-\$(nproc)}" -I{} docker buildx build --progress=quiet --provenance=false --load \
  --file "$WORK/bake/{}.Dockerfile" --tag "$PREFIX-sbs/{}:latest" "$DOCKERFILES/{}/context" >/dev/null
SH
  chmod +x "$WORK/side-by-side.sh"
  hyperfine --runs "$RUNS" --warmup 1 --style basic --prepare "$GENERATE" --export-json "$RESULTS/bake.json" \
    --command-name "bake (one buildx bake)" "docker buildx bake --progress=plain --provenance=false -f $WORK/bake.json >/dev/null 2>&1" \
    --command-name "side by side (buildx build x6, xargs -P nproc)" "$WORK/side-by-side.sh" \
    --command-name "side by side, all at once (buildx build x6, xargs -P 0)" "PARALLEL=0 $WORK/side-by-side.sh" \
    --command-name "BuildChanged --parallelism nproc" "$OURS >/dev/null" \
    --command-name "BuildChanged --parallelism 6" "$OURS --parallelism 6 >/dev/null"
fi

python3 - "$RESULTS" <<'PY'
import json, os, sys
rows = {}
for f in sorted(os.listdir(sys.argv[1])):
    try:
        results = json.load(open(os.path.join(sys.argv[1], f)))["results"]
    except (ValueError, KeyError):
        continue  # a benchmark that failed left an empty file
    for r in results:
        rows[r["command"]] = (r["mean"], r["stddev"] or 0, r["min"], r["max"])
print("\n| Command | Mean (s) | ± (s) | Min (s) | Max (s) |\n|---|---:|---:|---:|---:|")
for name, (mean, sd, lo, hi) in rows.items():
    print(f"| {name} | {mean:.2f} | {sd:.2f} | {lo:.2f} | {hi:.2f} |")
PY
echo "Raw hyperfine JSON: $RESULTS"
