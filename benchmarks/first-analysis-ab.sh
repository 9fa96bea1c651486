#!/usr/bin/env bash
# Issue 17 item 5, a first analysis (the first Affected run at a new commit, parse cache warm from earlier commits),
# A/B between builds: each round appends to daemon/daemon.go, cmd/docker-proxy/main_linux.go and README.md of an
# unpacked moby, commits, and runs every binary once on that commit, order rotating; each binary has its own GMB_ROOT
# (<work>/root-<name>), so its own parse cache, and each run is that binary's first analysis of the commit. Prints per
# round the load average and, per binary, wall ms / CPU ms (perf stat task-clock of the process tree) and the services.
# With COMMITS=10 each round makes ten commits instead (one file each: daemon, API, client, dockerd, a vendored file,
# docs; the revision-model script's B) and analyses --base HEAD~10. Each round also times the yardstick (git diff
# --name-only <base> HEAD + git status --porcelain) and every binary's --help (the fixed start-up), so that the ratio
# (wall - start-up) / yardstick comes from the same rounds.
# Usage: REPO=<unpacked moby> [COMMITS=10] benchmarks/first-analysis-ab.sh <rounds> <name>=<native _build> ...
#   (unpack with ../shared/corpus/unpack moby <folder>; copy .nuke/temp/build-native aside per build; warm each root
#   with a run or two first: the first run of a root has no parse cache)
set -uo pipefail
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib/moby-edits.sh"
repo=${REPO:?set REPO to an unpacked moby}; work=${WORK:-$(dirname "$repo")}; rounds=$1; shift
names=(); bins=()
for nb in "$@"; do names+=("${nb%%=*}"); bins+=("${nb#*=}"); done
n=${#names[@]}
commits=${COMMITS:-1}
edit() { printf '\n// ab edit %s\n' "$RANDOM$RANDOM" >> "$repo/$1"; }
commit() { git -C "$repo" add -A && git -C "$repo" -c user.name=b -c user.email=b@x -c commit.gpgsign=false commit -qm "$1"; }
ms() { local s; s=$(date +%s%N); "$@" >/dev/null 2>&1; echo $(( ($(date +%s%N) - s) / 1000000 )); }
yardstick() { git -C "$repo" diff --name-only "HEAD~$commits" HEAD && git -C "$repo" status --porcelain; }
for ((r = 0; r < rounds; r++)); do
  if [ "$commits" = 1 ]; then
    edit daemon/daemon.go; edit cmd/docker-proxy/main_linux.go; printf '\nab edit\n' >> "$repo/README.md"; commit "ab $r"
  else
    for f in "${MOBY_TEN_FILES[@]}"; do
      [ -f "$repo/$f" ] || f="README.md"
      case "$f" in *.go) edit "$f" ;; *) printf '\nab edit\n' >> "$repo/$f" ;; esac
      commit "ab $r $f"
    done
  fi
  line="round $r load $(cut -d' ' -f1 /proc/loadavg): yardstick $(ms yardstick)"
  for ((k = 0; k < n; k++)); do line="$line ${names[$k]}-help $(ms "${bins[$k]}" --help)"; done
  for ((k = 0; k < n; k++)); do
    i=$(( (k + r) % n ))
    root="$work/root-${names[$i]}"; mkdir -p "$root"
    s=$(date +%s%N)
    perf stat -x, -e task-clock -o "$work/perf.$i" env GMB_ROOT="$root" "${bins[$i]}" Affected --monorepo "$repo" --services 'cmd/*' \
      --base "HEAD~$commits" --head HEAD --output "$work/out-${names[$i]}.json" >"$work/log-${names[$i]}" 2>&1 || echo "FAIL ${names[$i]}"
    wall=$(( ($(date +%s%N) - s) / 1000000 ))
    cpu=$(awk -F, '/task-clock/ {printf "%d", $1}' "$work/perf.$i")
    svc=$(jq -r '[.services[].name] | join(",")' "$work/out-${names[$i]}.json")
    line="$line ${names[$i]} $wall/$cpu [$svc]"
  done
  echo "$line"
done
