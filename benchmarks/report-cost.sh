#!/usr/bin/env bash
# The cold cost of each part of BuildChanged's report (issue 19): read the previous JSON, write JSON, append to and
# tail-read the history, HTML, Markdown, the console table, each timed once in a fresh process (as a run pays them),
# against the build's ReadyToRun assemblies. Reads the reports of this clone's last BuildChanged (.nuke/temp/reports).
# Usage: benchmarks/report-cost.sh [runs (default 3)] [--overlap: instead, the report's end (all files, then the table)
#        sequential against the files written beside the table, alternating, each in a fresh process]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
OUT="$(mktemp -d /tmp/gmb-report-cost-XXXXXX)"
"$ROOT/build.sh" --help >/dev/null   # the build's own ReadyToRun output is current
dotnet build "$HERE/ReportCost/ReportCost.csproj" -c Release -o "$OUT" -nologo -v q >/dev/null
cp "$ROOT/.nuke/temp/build-bin/"*.dll "$OUT/"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
for _ in $(seq 1 "${1:-3}"); do
  if [ "${2:-}" = "--overlap" ]; then
    for mode in sequential overlapped; do dotnet "$OUT/ReportCost.dll" "$ROOT/.nuke/temp/reports" "$mode" | tr '\n' ';'; done
  else
    dotnet "$OUT/ReportCost.dll" "$ROOT/.nuke/temp/reports" | tr '\n' ';'
  fi
  echo
done
rm -rf "$OUT"
