#!/usr/bin/env bash
# Builds every service of the example monorepo with a tutorial Dockerfile (naive or best-practice), whole
# monorepo as context, all services side by side (as many at once as BuildChanged's default --parallelism).
# Usage: tutorial-build.sh naive|best-practice <monorepo> <image prefix>
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
KIND="$1" MONOREPO="$2" PREFIX="$3"
GO_IMAGE="${GMB_GO_IMAGE:-gomonorepobuild/go:1.23}"
build_one() {
  local service="$1" main=.
  [ -d "$MONOREPO/services/$service/cmd/$service" ] && main="./cmd/$service"
  docker buildx build --progress=quiet --network none --provenance=false --load \
    --file "$HERE/$KIND.Dockerfile" --build-arg "GO_IMAGE=$GO_IMAGE" \
    --build-arg "SERVICE=$service" --build-arg "MAIN=$main" \
    --tag "$PREFIX-$KIND/$service:latest" "$MONOREPO" >/dev/null
}
export -f build_one; export HERE KIND MONOREPO PREFIX GO_IMAGE
ls "$MONOREPO/services" | xargs -P "$(nproc)" -I{} bash -c 'build_one {}'
