#!/usr/bin/env bash
# Adoption acceptance (issue 21 item 5): README's "Use it in your own monorepo" run step by step against real
# monorepos from ../shared/corpus: pack this clone into a folder feed, install the template (a private template hive, so
# the machine's `dotnet new` list stays as it was), scaffold into an unpacked snapshot with no --services, commit the
# scaffold, commit an edit, then `./build.sh Graph` and `./build.sh Affected --base HEAD~1` there.
# Usage: benchmarks/adoption-corpus.sh   Env: SNAPSHOTS (default "ent microservices-demo"), GMB_CORPUS (default: shared/corpus beside the clone or a folder above it).
# Prints a Markdown table (with the load average) to paste into BENCHMARKS.md; exits non-zero when a step fails.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
. "$ROOT/benchmarks/lib/corpus.sh"
SNAPSHOTS="${SNAPSHOTS:-ent microservices-demo}"
[ -n "$CORPUS" ] || { echo "adoption-corpus: no corpus at $CORPUS (set CORPUS)" >&2; exit 2; }
WORK="$(mktemp -d /tmp/gmb-adopt-XXXXXX)"
FEED="$WORK/packages"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
load() { cut -d' ' -f1-3 /proc/loadavg; }
seconds() { python3 -c 'import sys,time; print(f"{time.time()-float(sys.argv[1]):.1f}")' "$1"; }
now() { python3 -c 'import time; print(time.time())'; }

# The one file each snapshot's last commit edits: a package some (not all) of its services import.
edited_file() {
  case "$1" in
    ent) echo "entc/gen/graph.go" ;;
    microservices-demo) echo "src/frontend/handlers.go" ;;
    thanos) echo "pkg/store/proxy.go" ;;
    moby) echo "daemon/daemon.go" ;;
    *) echo "adoption-corpus: no edit known for $1" >&2; exit 2 ;;
  esac
}

echo "load before: $(load)" >&2
# 1. In this clone: pack (README step 1), then install the template it prints.
"$ROOT/build.sh" Pack --output "$FEED" > "$WORK/pack.log" 2>&1 || { cat "$WORK/pack.log" >&2; exit 1; }
TEMPLATE="$(ls "$FEED"/GoMonorepoBuild.Templates.*.nupkg)"
dotnet new install "$TEMPLATE" --debug:custom-hive "$WORK/hive" > "$WORK/install.log" 2>&1 || { cat "$WORK/install.log" >&2; exit 1; }

ROWS=""
for name in $SNAPSHOTS; do
  repo="$("$CORPUS/unpack" "$name" "$WORK")"
  log="$WORK/$name.log"
  cd "$repo"
  # 2. At the monorepo's root: scaffold (README step 2) and commit it, then a commit with an edit.
  dotnet new gomonorepobuild --debug:custom-hive "$WORK/hive" --feed "$FEED" >> "$log" 2>&1 || { cat "$log" >&2; exit 1; }
  git add -A && git -c user.name=bench -c user.email=bench@example.com commit -q -m "add the GoMonorepoBuild build"
  file="$(edited_file "$name")"
  printf '\n// an edit under review\n' >> "$file"
  git -c user.name=bench -c user.email=bench@example.com commit -q -am "edit $file"
  # 3. The first run compiles the build project; then Graph and Affected as README shows them.
  start="$(now)"; ./build.sh --help >> "$log" 2>&1 || { cat "$log" >&2; exit 1; }; compile="$(seconds "$start")"
  start="$(now)"; ./build.sh Graph > "$WORK/$name.graph" 2>&1 || { cat "$WORK/$name.graph" >&2; exit 1; }; graph="$(seconds "$start")"
  start="$(now)"; ./build.sh Affected --base HEAD~1 --output .nuke/temp/affected.json > "$WORK/$name.affected" 2>&1 \
    || { cat "$WORK/$name.affected" >&2; exit 1; }; affected="$(seconds "$start")"
  globs="$(sed -n "s/.*--services is not set: using '\([^']*\)'.*/\1/p" "$WORK/$name.graph" | head -1)"
  summary="$(python3 - .nuke/temp/graph/workspace.json .nuke/temp/affected.json <<'PY'
import json, sys
services = [s["name"] for s in json.load(open(sys.argv[1]))["services"]]
affected = [s["name"] for s in json.load(open(sys.argv[2]))["services"]]
print(f"{len(services)} ({', '.join(sorted(services))}) | {len(affected)} ({', '.join(sorted(affected))})")
PY
)"
  ROWS="$ROWS| $name | \`$globs\` | $summary | \`$file\` | $compile | $graph | $affected |"$'\n'
  cd "$ROOT"
done

echo
echo "(load average after: $(load))"
echo
echo "| snapshot | --services found | services | affected by the last commit | edited | first run: compile build (s) | Graph (s) | Affected --base HEAD~1 (s) |"
echo "|---|---|---|---|---|---:|---:|---:|"
printf '%s' "$ROWS"
rm -rf "$WORK"
