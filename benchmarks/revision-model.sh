#!/usr/bin/env bash
# Issue 17 item 5: is Affected with --head a commit proportional to the change, not to the tree? On the moby snapshot of
# ../shared/corpus (root module with vendor/, ~13,000 files), unpacked into a temporary folder, this commits
#   A. a 3-file change (a daemon package, docker-proxy's main, README.md), and
#   B. ten commits on top of the snapshot (Go files across packages, a vendored file, docs),
# and times, each with hyperfine (else a plain loop):
#   - the fixed start-up of a run: ./build.sh --help,
#   - the yardstick: git diff --name-only <base> HEAD + git status --porcelain,
#   - ./build.sh Affected --base <base> --head HEAD on the clean checkout (the head's model read from the checkout, unchanged
#     files' parse results from the parse cache in .nuke/temp/parse-cache, warmed by the runs before),
#   - for A also the same with the parse cache deleted before each run (a first run, or a CI runner without the cache),
#   - the same with one untracked file in the checkout, which sends the analysis to the revision copy (the old path),
#   - for B also a deleted file, which needs the base revision's model (a revision copy of the base).
# Prints a Markdown table (with uptime: figures taken while other work runs are upper bounds) and writes it to
# $OUT/revision-model.md (default .nuke/temp/revision-model).
# Usage: benchmarks/revision-model.sh            (GMB_CORPUS=<folder> for another corpus; RUNS=<n>, default 5)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
. "$ROOT/benchmarks/lib/corpus.sh"
. "$ROOT/benchmarks/lib/moby-edits.sh"
[ -n "$CORPUS" ] || { echo "revision-model: no corpus (set GMB_CORPUS=<folder holding unpack and moby.tar.xz>)" >&2; exit 2; }
RUNS="${RUNS:-5}"
OUT="${OUT:-$ROOT/.nuke/temp/revision-model}"
mkdir -p "$OUT"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/gmb-revision-model.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

repo="$("$CORPUS/unpack" moby "$WORK" 2>/dev/null | tail -n 1)"
git -C "$repo" config gc.auto 0
commit() { git -C "$repo" add -A && git -C "$repo" -c user.name=bench -c user.email=bench@example.invalid -c commit.gpgsign=false commit -qm "$1"; }
edit() { printf '\n// revision-model edit\n' >> "$repo/$1"; }
# The native build, compiled first, as a developer's machine runs it once compiled (GMB_NATIVE=0 measures the managed one).
GMB_NATIVE="${GMB_NATIVE:-1}" "$ROOT/build.sh" --help >/dev/null # compile the build once

# time_cmd <label> <command>: mean and min in ms, from hyperfine or a loop.
rows=()
time_cmd() {
  local label="$1" cmd="$2" mean min
  if command -v hyperfine >/dev/null && command -v jq >/dev/null; then
    hyperfine --shell bash --warmup 1 --runs "$RUNS" --export-json "$OUT/run.json" "$cmd" >/dev/null 2>&1 \
      || { echo "revision-model: failed: $cmd" >&2; exit 1; }
    read -r mean min < <(jq -r '.results[0] | [(.mean * 1000 | round), (.min * 1000 | round)] | @tsv' "$OUT/run.json")
  else
    local times=() i s
    bash -c "$cmd" >/dev/null 2>&1
    for ((i = 0; i < RUNS; i++)); do
      s=$(date +%s%N); bash -c "$cmd" >/dev/null 2>&1; times+=($(( ($(date +%s%N) - s) / 1000000 )))
    done
    mean=$(( $(IFS=+; echo "$(( ${times[*]} ))") / RUNS )); min=$(printf '%s\n' "${times[@]}" | sort -n | head -1)
  fi
  rows+=("| $label | \`$cmd\` | $mean ms | $min ms |")
  LAST_MEAN=$mean
}

affected() { echo "'$ROOT/build.sh' Affected --monorepo '$repo' --services 'cmd/*' --base $1 --head HEAD --output '$OUT/affected.json'"; }
yardstick() { echo "git -C '$repo' diff --name-only $1 HEAD >/dev/null && git -C '$repo' status --porcelain >/dev/null"; }
ratio() { awk -v a="$1" -v s="$2" -v g="$3" 'BEGIN { printf "%.1fx", (a - s) / (g > 0 ? g : 1) }'; }

time_cmd "start-up" "'$ROOT/build.sh' --help >/dev/null"; startup=$LAST_MEAN

# A. three files in one commit.
edit daemon/daemon.go; edit cmd/docker-proxy/main_linux.go; printf '\nrevision-model edit\n' >> "$repo/README.md"; commit "3 files"
time_cmd "A: git diff + status" "$(yardstick HEAD~1)"; git_a=$LAST_MEAN
time_cmd "A: Affected, head from the clean checkout" "$(affected HEAD~1)"; fast_a=$LAST_MEAN
jq -r '[.services[].name] | join(",")' "$OUT/affected.json" > "$OUT/a.services"
time_cmd "A: Affected, head from the clean checkout, no parse cache" "rm -rf '$ROOT/.nuke/temp/parse-cache' && $(affected HEAD~1)"; cold_a=$LAST_MEAN
jq -r '[.services[].name] | join(",")' "$OUT/affected.json" > "$OUT/a-cold.services"
cmp -s "$OUT/a.services" "$OUT/a-cold.services" || { echo "revision-model: the cached and uncached answers differ" >&2; exit 1; }
mkdir -p "$repo/.scratch" && echo untracked > "$repo/.scratch/notes.txt"
time_cmd "A: Affected, head from a revision copy (checkout not clean)" "$(affected HEAD~1)"; copy_a=$LAST_MEAN
rm -rf "$repo/.scratch"

# B. ten commits.
for f in "${MOBY_TEN_FILES[@]}"; do
  [ -f "$repo/$f" ] || f="README.md"
  case "$f" in *.go) edit "$f" ;; *) printf '\nrevision-model edit\n' >> "$repo/$f" ;; esac
  commit "edit $f"
done
time_cmd "B: git diff + status" "$(yardstick HEAD~10)"; git_b=$LAST_MEAN
time_cmd "B: Affected, head from the clean checkout" "$(affected HEAD~10)"; fast_b=$LAST_MEAN
jq -r '[.services[].name] | join(",")' "$OUT/affected.json" > "$OUT/b.services"
git -C "$repo" rm -q daemon/daemon_unix_test.go 2>/dev/null || git -C "$repo" rm -q "$(git -C "$repo" ls-files 'daemon/*_test.go' | head -1)"
commit "delete a file"
time_cmd "B + a deleted file (base model from a revision copy)" "$(affected HEAD~11)"

{
  echo "Load: $(uptime | sed 's/^ *//')"
  echo
  echo "| Case | Command | Mean | Min |"
  echo "| --- | --- | ---: | ---: |"
  printf '%s\n' "${rows[@]}" | sed "s#$repo#<moby>#g; s#'$ROOT/build.sh'#./build.sh#g; s#'$ROOT/.nuke#'.nuke#g; s#$OUT/affected.json#out.json#g"
  echo
  echo "A (3 files, affected: $(cat "$OUT/a.services")): Affected less start-up = $(ratio "$fast_a" "$startup" "$git_a") the yardstick" \
       "(no parse cache: $(ratio "$cold_a" "$startup" "$git_a"); revision copy: $(ratio "$copy_a" "$startup" "$git_a"))."
  echo "B (10 commits, affected: $(cat "$OUT/b.services")): Affected less start-up = $(ratio "$fast_b" "$startup" "$git_b") the yardstick."
} | tee "$OUT/revision-model.md"
