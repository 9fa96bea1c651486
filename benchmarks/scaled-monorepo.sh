#!/usr/bin/env bash
# Makes a bigger monorepo from the example: every service of examples/monorepo copied K more times under a new
# name (services/<name>-<n>, its module path and cmd/<name> folder renamed), the libs shared as they are. Teams
# run 5 to 500 services; the build scenarios use it to show how each way of building scales with their number.
# Usage: scaled-monorepo.sh <destination (must not exist)> <K copies of each service>
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
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
