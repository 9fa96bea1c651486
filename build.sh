#!/usr/bin/env bash
# Placeholder bootstrap: replaced by the fast, SDK-finding bootstrap (issue 2).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dotnet build "$ROOT/build/_build.csproj" -nologo -v q
exec dotnet run --project "$ROOT/build/_build.csproj" --no-build -- "$@"
