#!/usr/bin/env bash
# Acceptance run of issue 16 (build contexts of user-owned Dockerfiles, .dockerignore) on the real microservices-demo
# snapshot: four Go services under src/, each with its own Dockerfile written for its folder as the build context.
# Runs only where ../shared/corpus (or $GMB_CORPUS) exists; prints a Markdown table for BENCHMARKS.md.
#   benchmarks/corpus-build-contexts.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/benchmarks/lib/corpus.sh"
if [ -z "$CORPUS" ]; then echo "no corpus at $CORPUS (set GMB_CORPUS): nothing to measure" >&2; exit 0; fi
WORK="$(mktemp -d /tmp/gmb-corpus-XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
M="$("$CORPUS/unpack" microservices-demo "$WORK")"
cd "$M"
export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.invalid GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.invalid

"$ROOT/build.sh" Graph --monorepo "$M" --services 'src/*' > "$WORK/graph.txt" 2>&1
echo "Graph (own Dockerfiles):"
sed -n '/^Own Dockerfiles:/,/^$/p' "$WORK/graph.txt" | grep -v '^Wrote' | sed 's/^/    /'
echo
echo "| Change (one commit) | Affected | Expected | Wall time of \`Affected\` | Reason or ignore note |"
echo "| --- | --- | --- | ---: | --- |"

scenario() { # description expected file text
  local what="$1" expected="$2" file="$3" text="$4"
  mkdir -p "$(dirname "$file")"; printf '%s' "$text" >> "$file"
  git add -A && git add -f "$file" && git -c commit.gpgsign=false commit -qm "$what"
  local start end
  start=$(date +%s%N)
  "$ROOT/build.sh" Affected --monorepo "$M" --services 'src/*' --base HEAD~1 --head HEAD --output "$WORK/affected.json" > "$WORK/affected.log" 2>&1 \
    || { tail -30 "$WORK/affected.log"; exit 1; }
  end=$(date +%s%N)
  python3 - "$WORK/affected.json" "$what" "$expected" "$(( (end - start) / 1000000 ))" "$file" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1])); what, expected, ms, path = sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
names = ",".join(s["name"] for s in doc["services"]) or "none"
if doc["services"]:
    note = doc["services"][0]["reasons"][0]["chain"]
    note = " -> ".join(note)
else:
    note = next((i["reason"] for i in doc.get("ignoredFiles", []) if i["path"] == path), "")
ok = "yes" if names == expected else "**NO**"
print(f"| {what} | {names} | {expected} ({ok}) | {int(ms)/1000:.1f} s | {note} |")
PY
}

scenario ".github/CODEOWNERS edited" none .github/CODEOWNERS $'\n# reviewed\n'
scenario "src/productcatalogservice/server.go edited" productcatalogservice src/productcatalogservice/server.go $'\n// touched\n'
scenario "src/frontend/templates/home.html edited" frontend src/frontend/templates/home.html $'\n<!-- touched -->\n'
scenario "src/shippingservice/vendor/notes.txt added (.dockerignore: vendor/)" none src/shippingservice/vendor/notes.txt $'notes\n'
scenario "src/frontend/.dockerignore edited" frontend src/frontend/.dockerignore $'*.md\n'
