#!/usr/bin/env bash
# Issue 17 item 5, a first analysis (the first Affected run at a new commit, parse cache warm from earlier commits),
# A/B between builds: each round appends to daemon/daemon.go, cmd/docker-proxy/main_linux.go and README.md of an
# unpacked moby, commits, and runs every binary once on that commit, order rotating; each binary has its own GMB_ROOT
# (<work>/root-<name>), so its own parse cache, and each run is that binary's first analysis of the commit. Prints per
# round the load average and, per binary, wall ms / CPU ms (perf stat task-clock of the process tree) and the services.
# Usage: REPO=<unpacked moby> benchmarks/first-analysis-ab.sh <rounds> <name>=<native _build> ...
#   (unpack with ../shared/corpus/unpack moby <folder>; copy .nuke/temp/build-native aside per build; warm each root
#   with a run or two first: the first run of a root has no parse cache)
set -uo pipefail
repo=${REPO:?set REPO to an unpacked moby}; work=${WORK:-$(dirname "$repo")}; rounds=$1; shift
names=(); bins=()
for nb in "$@"; do names+=("${nb%%=*}"); bins+=("${nb#*=}"); done
n=${#names[@]}
edit() { printf '\n// ab edit %s\n' "$RANDOM$RANDOM" >> "$repo/$1"; }
for ((r = 0; r < rounds; r++)); do
  edit daemon/daemon.go; edit cmd/docker-proxy/main_linux.go; printf '\nab edit\n' >> "$repo/README.md"
  git -C "$repo" add -A && git -C "$repo" -c user.name=b -c user.email=b@x -c commit.gpgsign=false commit -qm "ab $r"
  line="round $r load $(cut -d' ' -f1 /proc/loadavg):"
  for ((k = 0; k < n; k++)); do
    i=$(( (k + r) % n ))
    root="$work/root-${names[$i]}"; mkdir -p "$root"
    s=$(date +%s%N)
    perf stat -x, -e task-clock -o "$work/perf.$i" env GMB_ROOT="$root" "${bins[$i]}" Affected --monorepo "$repo" --services 'cmd/*' \
      --base HEAD~1 --head HEAD --output "$work/out-${names[$i]}.json" >"$work/log-${names[$i]}" 2>&1 || echo "FAIL ${names[$i]}"
    wall=$(( ($(date +%s%N) - s) / 1000000 ))
    cpu=$(awk -F, '/task-clock/ {printf "%d", $1}' "$work/perf.$i")
    svc=$(jq -r '[.services[].name] | join(",")' "$work/out-${names[$i]}.json")
    line="$line ${names[$i]} $wall/$cpu [$svc]"
  done
  echo "$line"
done
