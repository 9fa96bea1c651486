#!/usr/bin/env bash
# Vendored changes on moby (issue 16): commits one change per case to a fresh unpack of the corpus snapshot and times
# `./build.sh Affected` with --head the commit and with the working tree as head. Needs ../shared/corpus (or
# GMB_CORPUS). Prints one Markdown table row per run for BENCHMARKS.md.
# Usage: benchmarks/corpus-vendor.sh [scratch-folder]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$here/benchmarks/lib/corpus.sh"
corpus="$CORPUS"
[ -n "$corpus" ] || { echo "no shared/corpus found above $here (set GMB_CORPUS)" >&2; exit 2; }
scratch="${1:-$(mktemp -d)}"
moby="$("$corpus/unpack" moby "$scratch")"
git() { command git -C "$moby" -c user.name=bench -c user.email=bench@example.invalid -c commit.gpgsign=false -c gc.auto=0 "$@"; }
services='cmd/dockerd,cmd/docker-proxy'

commit() { printf '%s\n' "$2" >> "$moby/$1"; git commit -qam "bench: $1"; git rev-parse HEAD; }

run() { # label, base, head-or-empty
  local start end affected json="$scratch/affected.json"
  start=$(date +%s%N)
  "$here/build.sh" Affected --monorepo "$moby" --services "$services" --base "$2" ${3:+--head "$3"} --output "$json" >/dev/null
  end=$(date +%s%N)
  affected="$(python3 -c 'import json,sys; print(",".join(sorted(s["name"] for s in json.load(open(sys.argv[1]))["services"])) or "none")' "$json")"
  local head="--head (working tree)"; [ -n "$3" ] && head="--head ${3:0:8}"
  printf '| %s | %s | %s | %d ms |\n' "$1" "$head" "$affected" $(( (end - start) / 1000000 ))
}

"$here/build.sh" --help >/dev/null # builds the build project first, so no row pays for it
base="$(git rev-parse HEAD)"
unused="$(commit vendor/github.com/gogo/protobuf/protoc-gen-gogo/main.go '// bench')"
asm="$(commit vendor/golang.org/x/sys/unix/asm_linux_amd64.s '// bench')"
locker="$(commit vendor/github.com/moby/locker/locker.go '// bench')"
echo "| Change (one commit) | Head | Affected | Wall time |"
echo "| --- | --- | --- | ---: |"
run "vendored tool package nobody imports (protoc-gen-gogo/main.go)" "$base" "$unused"
run "vendored assembly both reach (x/sys/unix/asm_linux_amd64.s)" "$unused" "$asm"
run "vendored package only dockerd imports (moby/locker)" "$asm" "$locker"
run "the same, working tree = that commit" "$asm" ""
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
