#!/usr/bin/env bash
# Times Debian's headless chromium rendering the HTML build report (issue 20: a 200-service report renders in under
# 1 s). Writes the synthetic fleet's report for 6 and 200 services (benchmarks/ReportPages, the report the browser
# tests check), then
#   1. in one started chromium (DevTools protocol), each page's time from navigation start to its second frame after
#      the load event (parsed, styled, laid out, script run, painted) at 1280x800: the render time a reader waits;
#   2. hyperfine: a whole `chromium --headless --screenshot` process per page and for an empty page (the difference
#      is the page's share; the rest is chromium's own start, which a reader's open browser does not pay).
# Usage: benchmarks/report-render.sh [runs]   (needs chromium and hyperfine: apt-get install -y chromium hyperfine)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-10}"
CHROMIUM="${GMB_CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}"
[ -n "$CHROMIUM" ] || { echo "no chromium: apt-get install -y chromium (or set GMB_CHROMIUM)" >&2; exit 1; }
command -v hyperfine >/dev/null || { echo "no hyperfine: apt-get install -y hyperfine" >&2; exit 1; }
WORK="$(mktemp -d /tmp/gmb-render-XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

dotnet run -c Release --project "$ROOT/benchmarks/ReportPages" -- "$WORK" 6 200 >/dev/null
printf '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>empty</title></head><body></body></html>\n' >"$WORK/empty.html"

# The flags the browser tests use: headless, no sandbox (root), nothing reaching for a network service.
render="'$CHROMIUM' --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --user-data-dir=$WORK/profile \
--disable-background-networking --disable-component-update --disable-sync --disable-default-apps --disable-extensions \
--disable-domain-reliability --no-pings --window-size=1280,800 --screenshot=$WORK/shot.png"

echo "load before: $(uptime)"
dotnet run -c Release --project "$ROOT/benchmarks/ReportPages" -- --time "$CHROMIUM" "$RUNS" "$WORK/report-6.html" "$WORK/report-200.html"
hyperfine --warmup 2 --runs "$RUNS" --export-markdown "$WORK/render.md" --export-json "$WORK/render.json" \
  -n "empty page" "$render file://$WORK/empty.html 2>/dev/null" \
  -n "6 services" "$render file://$WORK/report-6.html 2>/dev/null" \
  -n "200 services" "$render file://$WORK/report-200.html 2>/dev/null" >/dev/null
cat "$WORK/render.md"
# CPU time (user + system) per process: less sensitive to other load than wall time.
python3 -c "import json; [print(f\"{r['command']}: {1000 * (r['user'] + r['system']):.0f} ms CPU (user + system, mean)\") for r in json.load(open('$WORK/render.json'))['results']]" 2>/dev/null || true
echo "load after: $(uptime)"
