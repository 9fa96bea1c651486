#!/usr/bin/env bash
# Corpus acceptance run (issue 15, "How it is shown"): every snapshot of the public Go monorepos in ../shared/corpus
# is unpacked with its own `unpack` script into a temporary folder, then
#   1. `./build.sh Graph` over it (services, modules, packages, blocked services; wall time),
#   2. per case of corpus-cases.tsv (beside this script): the edit is committed on top of the snapshot and
#      `./build.sh Affected --base HEAD~1 --head HEAD --output` runs; the affected set is compared with the expected
#      one written down from reading the code; `git diff --name-only HEAD~1 HEAD` + `git status --porcelain` on the
#      same repository are timed for comparison; the commit is then dropped.
# Prints a Markdown table per snapshot and per case, writes them to $OUT (default .nuke/temp/corpus) with every log
# and analysis, and exits 1 when any run failed or any affected set differed (a case whose sixth column says
# "known:<why>" is reported as a known gap instead). Times include ./build.sh's own start (about 0.1-0.2 s).
# Usage: benchmarks/corpus-acceptance.sh [snapshot ...]     (GMB_CORPUS=<folder> to use another corpus; default ../shared/corpus)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
. "$ROOT/benchmarks/lib/corpus.sh"
CASES="$HERE/corpus-cases.tsv"
OUT="${OUT:-$ROOT/.nuke/temp/corpus}"
[ -n "$CORPUS" ] || { echo "corpus-acceptance: no corpus at $CORPUS (set GMB_CORPUS=<folder holding unpack and *.tar.xz>)" >&2; exit 2; }
command -v jq >/dev/null || { echo "corpus-acceptance: needs jq" >&2; exit 2; }
mkdir -p "$OUT"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/gmb-corpus.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

now_ms() { date +%s%3N; }
# Compile the build once, so the first timed run does not pay for it.
# The native build, compiled first, as a developer's machine runs it once compiled (GMB_NATIVE=0 measures the managed one).
GMB_NATIVE="${GMB_NATIVE:-1}" "$ROOT/build.sh" --help >/dev/null
snapshots=("$@")
[ ${#snapshots[@]} -gt 0 ] || mapfile -t snapshots < <(grep -v '^#' "$CASES" | cut -f1 | awk '!seen[$0]++')

failures=0
snapshot_rows=() case_rows=()
for snapshot in "${snapshots[@]}"; do
  repo="$("$CORPUS/unpack" "$snapshot" "$WORK" 2>/dev/null | tail -n 1)"
  services="$(awk -F'\t' -v s="$snapshot" '$1 == s { print $2; exit }' "$CASES")"
  [ -n "$services" ] || { echo "corpus-acceptance: no cases for $snapshot in $CASES" >&2; exit 2; }

  start=$(now_ms)
  set +e
  "$ROOT/build.sh" Graph --monorepo "$repo" --services "$services" >"$OUT/$snapshot.graph.log" 2>&1
  graph_rc=$?
  set -e
  graph_ms=$(( $(now_ms) - start ))
  json="$ROOT/.nuke/temp/graph/workspace.json"
  if [ $graph_rc -eq 0 ]; then
    cp "$json" "$OUT/$snapshot.workspace.json"
    read -r modules packages found blocked < <(jq -r '[(.modules|length), (.packages|length), (.services|length), (.blockedServices|length)] | @tsv' "$json")
    names="$(jq -r '[.services[].name] | join(", ")' "$json")"
  else
    modules=? packages=? found=? blocked=? names="Graph failed (exit $graph_rc): $(grep -m1 -iE 'error|fail' "$OUT/$snapshot.graph.log" | cut -c1-160)"
    failures=$((failures + 1))
  fi
  warnings=$(grep -c 'WRN\|warning' "$OUT/$snapshot.graph.log" || true)

  affected_total=0 git_total=0 cases=0
  (cd "$repo" && git config gc.auto 0)
  while IFS=$'\t' read -r s _ case edit expected known; do
    [ "$s" = "$snapshot" ] || continue
    cases=$((cases + 1))
    (cd "$repo" && bash -c "$edit" && git add -A && git -c user.name=corpus -c user.email=corpus@example.invalid -c commit.gpgsign=false commit -qm "corpus case $case")
    start=$(now_ms)
    set +e
    "$ROOT/build.sh" Affected --monorepo "$repo" --services "$services" --base HEAD~1 --head HEAD \
      --output "$OUT/$snapshot.$case.json" >"$OUT/$snapshot.$case.log" 2>&1
    rc=$?
    set -e
    affected_ms=$(( $(now_ms) - start ))
    start=$(now_ms)
    (cd "$repo" && git diff --name-only HEAD~1 HEAD >/dev/null && git status --porcelain >/dev/null)
    git_ms=$(( $(now_ms) - start ))
    affected_total=$((affected_total + affected_ms)) git_total=$((git_total + git_ms))
    actual="$(jq -r '[.services[].name] | sort | join(",") | if . == "" then "-" else . end' "$OUT/$snapshot.$case.json" 2>/dev/null || echo "none written")"
    blocked_hit="$(jq -r '[.blockedServices[]? | select(.affected) | .name] | join(",")' "$OUT/$snapshot.$case.json" 2>/dev/null || true)"
    # "<services> blocked:<names>": the edit breaks those services' build, so they must be blocked and affected (exit 1).
    expected_services="${expected%% blocked:*}" expected_blocked=""
    [ "$expected_services" = "$expected" ] || expected_blocked="${expected##* blocked:}"
    verdict=ok
    if [ -n "$expected_blocked" ]; then
      if [ $rc -ne 1 ] || [ "$blocked_hit" != "$expected_blocked" ] || [ "$actual" != "$expected_services" ]; then
        verdict="expected $expected and exit 1, got exit $rc, blocked and affected: ${blocked_hit:-none}"; failures=$((failures + 1))
      else verdict="ok: blocked and affected $blocked_hit (exit 1, as expected)"; fi
    elif [ $rc -ne 0 ]; then verdict="exit $rc: $(grep -m1 -E 'is blocked|rror' "$OUT/$snapshot.$case.log" | sed 's/^ *//' | cut -c1-200)"; failures=$((failures + 1))
    elif [ "$actual" != "$expected" ] && [ -n "${known:-}" ]; then verdict="KNOWN GAP, expected $expected: ${known#known:}"
    elif [ "$actual" != "$expected" ]; then verdict="expected $expected"; failures=$((failures + 1)); fi
    [ -z "$blocked_hit" ] || [ -n "$expected_blocked" ] || verdict="$verdict; blocked and affected: $blocked_hit"
    case_rows+=("| $snapshot | $case | $actual | $verdict | ${affected_ms} ms | ${git_ms} ms |")
    (cd "$repo" && git reset -q --hard HEAD~1)
  done < <(grep -v '^#' "$CASES")

  snapshot_rows+=("| $snapshot | \`$services\` | $modules | $packages | $found ($names) | $blocked | $warnings | ${graph_ms} ms | $((affected_total / (cases > 0 ? cases : 1))) ms | $((git_total / (cases > 0 ? cases : 1))) ms |")
  # A git process of the snapshot may still be finishing (the folder is temporary anyway).
  rm -rf "$repo" 2>/dev/null || true
done

{
  echo "| snapshot | --services | modules | packages | services | blocked | warnings | Graph | Affected (mean) | git diff + status (mean) |"
  echo "| --- | --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |"
  printf '%s\n' "${snapshot_rows[@]}"
  echo
  echo "| snapshot | case | affected | verdict | Affected | git diff + status |"
  echo "| --- | --- | --- | --- | ---: | ---: |"
  printf '%s\n' "${case_rows[@]}"
} | tee "$OUT/results.md"
echo "corpus-acceptance: $failures failure(s); logs and analyses in $OUT" >&2
[ $failures -eq 0 ]
