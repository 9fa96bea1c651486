#!/usr/bin/env bash
# Start-up: JIT and ReadyToRun (issue 17 item 5, issue 19 goal 2). How much of a no-change run is JIT compilation,
# and how much ReadyToRun (what build.sh builds) saves, the build compiled both ways into temp folders:
#  plain: `dotnet build -c Release` (every method of the build and its packages JIT-compiled at start);
#  r2r:   `dotnet publish -c Release -r <rid> -p:PublishReadyToRun=true` (as build.sh does).
# 1. hyperfine: `--help` and a no-change `BuildChanged` on examples/monorepo, both builds, plus runtime knobs
#    (DOTNET_TieredPGO=0, DOTNET_ReadyToRun=0 = the framework JIT-compiled as well, DOTNET_TieredCompilation=0).
# 2. A startup hook (DOTNET_STARTUP_HOOKS) prints, at process exit, the runtime's own JIT account
#    (System.Runtime.JitInfo: methods compiled, time in the JIT) beside the process's CPU time, one run each.
# 3. With COMPOSITE=1, also a self-contained composite ReadyToRun build (framework and build in one version bubble;
#    ~5 min and 112 MB to build on 2 cores) against r2r, each twice in turn.
# Usage: benchmarks/r2r-startup.sh   Env: RUNS (default 10), WARMUP (default 2), COMPOSITE (default 0). Needs hyperfine, the engine running
# (a first `./build.sh BuildChanged` provisions it) and every image built (else "no change" builds).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
RUNS="${RUNS:-10}"; WARMUP="${WARMUP:-2}"
WORK="$(mktemp -d /tmp/gmb-r2r-XXXXXX)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 GMB_ROOT="$ROOT"
load() { cut -d' ' -f1-3 /proc/loadavg; }

dotnet build "$ROOT/build/_build.csproj" -c Release -o "$WORK/plain" -nologo -v q -clp:ErrorsOnly >&2
dotnet publish "$ROOT/build/_build.csproj" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o "$WORK/r2r" -nologo -v q -clp:ErrorsOnly >&2

# The JIT account, from inside the process: a startup hook needs no change to the build.
mkdir -p "$WORK/hook"
cat > "$WORK/hook/hook.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework><OutputType>Library</OutputType></PropertyGroup></Project>
XML
cat > "$WORK/hook/StartupHook.cs" <<'CS'
using System;
using System.Diagnostics;
using System.Runtime;
internal class StartupHook
{
    public static void Initialize() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        var p = Process.GetCurrentProcess();
        Console.Error.WriteLine(
            $"JITSTAT methods={JitInfo.GetCompiledMethodCount()} il_bytes={JitInfo.GetCompiledILBytes()} " +
            $"jit_ms={JitInfo.GetCompilationTime().TotalMilliseconds:F0} cpu_ms={p.TotalProcessorTime.TotalMilliseconds:F0} " +
            $"wall_ms={(DateTime.Now - p.StartTime).TotalMilliseconds:F0}");
    };
}
CS
dotnet build "$WORK/hook/hook.csproj" -c Release -o "$WORK/hook/bin" -nologo -v q -clp:ErrorsOnly >&2
HOOK="$WORK/hook/bin/hook.dll"

P="dotnet $WORK/plain/_build.dll"; R="dotnet $WORK/r2r/_build.dll"
BC="BuildChanged --root $ROOT"
$R $BC >/dev/null 2>&1   # every image exists from here on

echo "## --help (load $(load))"
hyperfine -N --warmup "$WARMUP" --runs "$RUNS" --export-markdown "$WORK/help.md" \
  -n plain "$P --help" -n r2r "$R --help" >&2
cat "$WORK/help.md"
echo "## no-change BuildChanged (load $(load))"
hyperfine --warmup "$WARMUP" --runs "$RUNS" --export-markdown "$WORK/bc.md" --export-json "$WORK/bc.json" \
  -n plain "$P $BC" -n r2r "$R $BC" \
  -n "r2r TieredPGO=0" "DOTNET_TieredPGO=0 $R $BC" \
  -n "plain TieredPGO=0" "DOTNET_TieredPGO=0 $P $BC" \
  -n "r2r ReadyToRun=0" "DOTNET_ReadyToRun=0 $R $BC" >&2
cat "$WORK/bc.md"
echo "load after: $(load)"
# CPU (user+sys) per command, from hyperfine's JSON.
python3 - "$WORK/bc.json" <<'PY'
import json, sys, statistics as s
for r in json.load(open(sys.argv[1]))["results"]:
    print(f"{r['command'][:60]:60}  wall {s.median(r['times'])*1000:6.0f} ms  cpu(user+sys) {(r['user']+r['system'])*1000:6.0f} ms")
PY

echo "## JIT account (startup hook), 3 runs each"
for v in plain r2r; do
  for cmd in "--help" "$BC"; do
    for _ in 1 2 3; do
      printf '%-6s %-14s ' "$v" "${cmd%% *}"
      DOTNET_STARTUP_HOOKS="$HOOK" dotnet "$WORK/$v/_build.dll" $cmd 2>&1 >/dev/null | grep JITSTAT || echo "(no JITSTAT)"
    done
  done
done
echo "## with DOTNET_ReadyToRun=0 (framework JIT-compiled too)"
DOTNET_ReadyToRun=0 DOTNET_STARTUP_HOOKS="$HOOK" $R $BC 2>&1 >/dev/null | grep JITSTAT
echo "## what the ReadyToRun build still JIT-compiles (DOTNET_JitDisasmSummary), one no-change run"
DOTNET_JitDisasmSummary=1 DOTNET_JitStdOutFile="$WORK/jit.txt" $R $BC >/dev/null 2>&1
echo "methods: $(wc -l < "$WORK/jit.txt"); by tier:"
grep -o '\[[A-Za-z0-9 -]*,' "$WORK/jit.txt" | sort | uniq -c | sort -rn
echo "instantiations over the build's own types (generic framework code outside the build's version bubble): $(grep -c 'GoMonorepoBuild' "$WORK/jit.txt")"
echo "by the compiled method's namespace:"
sed -E 's/^ *[0-9]+: JIT compiled //' "$WORK/jit.txt" | awk -F'[:.`[]' '{print $1"."$2}' | sort | uniq -c | sort -rn | head -8
if [ "${COMPOSITE:-0}" = 1 ]; then
  dotnet publish "$ROOT/build/_build.csproj" -c Release -r linux-x64 --self-contained true -p:PublishReadyToRun=true \
    -p:PublishReadyToRunComposite=true -o "$WORK/composite" -nologo -v q -clp:ErrorsOnly >&2
  echo "## composite self-contained against r2r (load $(load))"
  for _ in 1 2 3; do DOTNET_STARTUP_HOOKS="$HOOK" "$WORK/composite/_build" $BC 2>&1 >/dev/null | grep JITSTAT; done
  C="$WORK/composite/_build"
  hyperfine --warmup "$WARMUP" --runs "$RUNS" --export-markdown "$WORK/comp.md" --export-json "$WORK/comp.json" \
    -n r2r "$R $BC" -n composite "$C $BC" -n "r2r again" "$R $BC" -n "composite again" "$C $BC" >&2
  cat "$WORK/comp.md"
  python3 - "$WORK/comp.json" <<'PY'
import json, sys, statistics as s
for r in json.load(open(sys.argv[1]))["results"]:
    print(f"{r['command'][:60]:60}  wall {s.median(r['times'])*1000:6.0f} ms  cpu(user+sys) {(r['user']+r['system'])*1000:6.0f} ms")
PY
  echo "load after: $(load)"
fi
rm -rf "$WORK"
