#!/usr/bin/env bash
# Reproduces the figures of benchmarks/images.md on a copy of examples/monorepo:
#   1. image size per example service against the stripped binary inside it;
#   2. zone database: copied files versus embedded (-tags timetzdata), for scheduler;
#   3. build context: staged (scoped) folder versus per-Dockerfile ignore file versus the whole monorepo;
#   4. cold and warm build times of one service (orders).
# Needs the engine EnsureEngine provisions (or DOCKER_HOST/DOCKER_CONFIG set) and the builder image.
# Images get a unique registry prefix and are removed at the end. Caches are never pruned; step 4's truly cold
# build leaves two private cache mounts (ids gmb-bench-*) to BuildKit's garbage collection.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DOCKER_HOST="${DOCKER_HOST:-unix://$HOME/.cache/gomonorepobuild/run/docker.sock}"
export DOCKER_CONFIG="${DOCKER_CONFIG:-$HOME/.cache/gomonorepobuild/docker-config}"
NETWORK="${GMB_BUILD_NETWORK:-none}"
WORK="$(mktemp -d /tmp/gmb-bench-XXXXXX)"
REG="gmb-bench-$(date +%s)"
SERVICES=(catalog gateway inventory orders payments scheduler)

cleanup() {
  docker image ls --format '{{.Repository}}:{{.Tag}}' | grep "^$REG/" | xargs -r docker image rm -f >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

cp -a "$ROOT/examples/monorepo" "$WORK/monorepo"
REPORT="$ROOT/.nuke/temp/reports/build-report.json"

build() {
  "$ROOT/build.sh" BuildChanged --monorepo "$WORK/monorepo" --registry "$REG" --dockerfiles-dir "$WORK/docker" "$@" >"$WORK/build.log" 2>&1 \
    || { tail -40 "$WORK/build.log"; exit 1; }
}
ms_of() { python3 -c "import json,sys; r=json.load(open('$REPORT')); print(next(s['durationMs'] for s in r['services'] if s['name']=='$1'))"; }
steps_of() { python3 -c "import json,sys; r=json.load(open('$REPORT')); s=next(s for s in r['services'] if s['name']=='$1'); print(f\"{s['steps']['cached']}/{s['steps']['total']}\")"; }

# Bytes of every file in the image and of /app, from the container filesystem (uncompressed).
measure_image() { # image -> "files binary compressed lsSize"
  local c files bin compressed ls
  c="$(docker create "$1")"
  read -r files bin < <(docker export "$c" | tar -tvf - | awk '$1 !~ /^[dl]/ { sum += $3; if ($6 == "app") bin = $3 } END { print sum, bin }')
  docker rm "$c" >/dev/null
  compressed="$(docker image inspect -f '{{.Size}}' "$1")"
  ls="$(docker image ls --format '{{.Size}}' "$1" | head -1)"
  echo "$files $bin $compressed $ls"
}

echo "## 1. Image size against the binary (runtime scratch, defaults)"
build
echo "| Service | Binary (/app) | All files in image | Added to the binary | docker image ls | Compressed (inspect .Size) | Healthcheck |"
echo "|---|---:|---:|---:|---:|---:|---|"
for s in "${SERVICES[@]}"; do
  read -r files bin compressed ls < <(measure_image "$REG/$s:latest")
  health=$(docker run --rm --network none "$REG/$s:latest" -healthcheck >/dev/null 2>&1 && echo pass || echo FAIL)
  printf '| %s | %d | %d | %d | %s | %d | %s |\n' "$s" "$bin" "$files" "$((files - bin))" "$ls" "$compressed" "$health"
done

echo
echo "## 2. scheduler: zone database as files versus embedded"
for mode in embed files never; do
  printf '{ "services": { "scheduler": { "zoneInfo": "%s" } } }\n' "$mode" >"$WORK/monorepo/gomonorepobuild.json"
  build --only scheduler
  read -r files bin compressed ls < <(measure_image "$REG/scheduler:latest")
  health=$(docker run --rm --network none "$REG/scheduler:latest" -healthcheck >/dev/null 2>&1 && echo pass || echo FAIL)
  printf '| zoneInfo=%s | binary %d | files %d | added %d | ls %s | compressed %d | healthcheck %s |\n' "$mode" "$bin" "$files" "$((files - bin))" "$ls" "$compressed" "$health"
done
rm -f "$WORK/monorepo/gomonorepobuild.json"
build --only scheduler

echo
echo "## 3. Build context of orders: bytes sent and time (fresh copy each run, so nothing is incremental)"
printf 'FROM scratch\nCOPY . /ctx/\n' >"$WORK/copy-all.Dockerfile"
transfer() { # label contextdir dockerfile
  local best="" bytes=""
  for run in 1 2 3; do
    local fresh="$WORK/ctx-$RANDOM$RANDOM"
    cp -a "$2" "$fresh"
    [ -f "$3.dockerignore" ] && cp "$3.dockerignore" "$fresh.dockerignore"
    local start end out
    start=$(date +%s%N)
    out=$(docker buildx build --progress=plain --network "$NETWORK" --no-cache -o type=cacheonly -f "$3" "$fresh" 2>&1)
    end=$(date +%s%N)
    bytes=$(echo "$out" | grep -o 'transferring context: [0-9.]*[kMG]*B' | tail -1 | awk '{print $3}')
    local ms=$(( (end - start) / 1000000 ))
    [ -z "$best" ] || [ "$ms" -lt "$best" ] && best=$ms
    rm -rf "$fresh"
  done
  local files; files=$(find "$2" -type f | wc -l)
  printf '| %s | %d files | %s | %d ms (best of 3, whole trivial build) |\n' "$1" "$files" "$bytes" "$best"
}
transfer "staged context folder (generated)" "$WORK/docker/orders/context" "$WORK/copy-all.Dockerfile"
# The alternative: the monorepo as context and an allow-list ignore file next to the Dockerfile.
{ echo '*'; (cd "$WORK/docker/orders/context" && find modules sources -type f | sed -E 's#^(modules|sources)/#!#'); } >"$WORK/ignore.Dockerfile.dockerignore"
cp "$WORK/copy-all.Dockerfile" "$WORK/ignore.Dockerfile"
transfer "monorepo + Dockerfile.dockerignore allow-list" "$WORK/monorepo" "$WORK/ignore.Dockerfile"
transfer "whole monorepo" "$WORK/monorepo" "$WORK/copy-all.Dockerfile"
# A bigger monorepo: the example plus 40 MB of files no service uses (assets, data, docs).
cp -a "$WORK/monorepo" "$WORK/big"
mkdir -p "$WORK/big/assets" && for i in $(seq 1 40); do head -c 1048576 /dev/urandom >"$WORK/big/assets/blob$i.bin"; done
transfer "monorepo + 40 MB unrelated files, whole" "$WORK/big" "$WORK/copy-all.Dockerfile"
transfer "monorepo + 40 MB unrelated files, ignore file" "$WORK/big" "$WORK/ignore.Dockerfile"
rm -rf "$WORK/big"
start=$(date +%s%N); "$ROOT/build.sh" GenerateDockerfiles --monorepo "$WORK/monorepo" --dockerfiles-dir "$WORK/restage" >/dev/null; end=$(date +%s%N)
echo "GenerateDockerfiles (workspace load + staging all 6 contexts from empty): $(( (end - start) / 1000000 )) ms"

echo
echo "## 4. orders: cold and warm build times"
build --only orders
echo "| unchanged (all steps cached) | $(ms_of orders) ms | $(steps_of orders) cached |"
echo "// edited" >>"$WORK/monorepo/services/orders/main.go"
build --only orders
echo "| after editing services/orders/main.go | $(ms_of orders) ms | $(steps_of orders) cached |"
echo "// edited" >>"$WORK/monorepo/libs/platform/metrics/metrics.go"
build --only orders
echo "| after editing libs/platform/metrics (imported) | $(ms_of orders) ms | $(steps_of orders) cached |"
echo "// edited" >>"$WORK/monorepo/libs/auth/token.go"
echo "edited" >>"$WORK/monorepo/README.md"
build --only orders
echo "| after editing libs/auth and README.md (not inputs) | $(ms_of orders) ms | $(steps_of orders) cached |"
DF="$WORK/docker/orders/Dockerfile"; CTX="$WORK/docker/orders/context"
start=$(date +%s%N); docker buildx build --progress=quiet --network "$NETWORK" --no-cache -o type=cacheonly -f "$DF" "$CTX" >/dev/null; end=$(date +%s%N)
echo "| --no-cache (steps re-run, Go caches warm) | $(( (end - start) / 1000000 )) ms | 0 cached |"
sed "s/id=gomonorepobuild-/id=gmb-bench-$REG-/g" "$DF" >"$WORK/cold.Dockerfile"
start=$(date +%s%N); docker buildx build --progress=quiet --network "$NETWORK" --no-cache -o type=cacheonly -f "$WORK/cold.Dockerfile" "$CTX" >/dev/null; end=$(date +%s%N)
echo "| truly cold (--no-cache, empty module and build caches) | $(( (end - start) / 1000000 )) ms | 0 cached |"
