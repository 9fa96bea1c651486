#!/usr/bin/env bash
# Applies one benchmark scenario's edit to a copy of the example monorepo. Each call writes a new unique value,
# so every timed run really has something new to build (a repeated edit would be a cache hit).
# Usage: scenario-edit.sh <monorepo> none|readme|service|lib-two|lib-all|go-mod
set -euo pipefail
MONOREPO="$1" SCENARIO="$2"
VALUE="$(date +%s%N)"

# Replaces the line carrying the marker (or appends one) in a file.
mark() {
  local file="$MONOREPO/$1" line="$2"
  sed -i '/BENCH-MARKER/d' "$file"
  printf '%s\n' "$line" >> "$file"
}

case "$SCENARIO" in
  none) ;;
  readme) mark README.md "<!-- edit $VALUE BENCH-MARKER -->" ;;
  # One service's handler: gateway only.
  service) mark services/gateway/internal/routes/routes.go "var benchEdit = \"$VALUE\" // BENCH-MARKER" ;;
  # A lib used by two services: money (orders, payments).
  lib-two) mark libs/money/money.go "var benchEdit = \"$VALUE\" // BENCH-MARKER" ;;
  # A lib used by all six services: logging.
  lib-all) mark libs/logging/logging.go "var benchEdit = \"$VALUE\" // BENCH-MARKER" ;;
  # A go.mod edit: gateway's.
  go-mod) mark services/gateway/go.mod "// edit $VALUE BENCH-MARKER" ;;
  *) echo "unknown scenario '$SCENARIO' (none, readme, service, lib-two, lib-all, go-mod)" >&2; exit 2 ;;
esac
