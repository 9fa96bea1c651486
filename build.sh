#!/usr/bin/env bash
# Bootstrap: find a .NET SDK that satisfies global.json, rebuild build/_build.csproj only when its inputs
# changed, then run the build passing every argument through. The warm path is one `find` and the build's
# own start-up: no MSBuild evaluation when nothing changed (NUKE's and Cake's templates pay seconds here).
set -euo pipefail

# No dirname, stat, mkdir or cat process on the warm path: each is a fork and exec that --help and every run pay.
SELF="${BASH_SOURCE[0]}"; case "$SELF" in */*) SELF_DIR="${SELF%/*}" ;; *) SELF_DIR=. ;; esac
ROOT="$(cd "${SELF_DIR:-/}" && pwd)"
TEMP="$ROOT/.nuke/temp"
BUILD_PROJECT="$ROOT/build/_build.csproj"
# Its own output folder: `dotnet test` on the solution rebuilds build/bin while this build runs from here.
BUILD_OUTPUT="$TEMP/build-bin"
STAMP="$TEMP/build.inputs"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export GMB_ROOT="$ROOT"

required_sdk() { sed -n 's/.*"version"[[:space:]]*:[[:space:]]*"\([0-9.]*\)".*/\1/p' "$ROOT/global.json" | head -n1; }

# rollForward latestFeature: same major.minor, feature band at least the one asked for.
sdk_satisfies() {
  local have="$1" want="$2"
  [ "${have%%.*}" = "${want%%.*}" ] || return 1
  local have_minor want_minor; have_minor="$(echo "$have" | cut -d. -f2)"; want_minor="$(echo "$want" | cut -d. -f2)"
  [ "$have_minor" = "$want_minor" ] || return 1
  local have_patch want_patch; have_patch="$(echo "$have" | cut -d. -f3 | cut -d- -f1)"; want_patch="$(echo "$want" | cut -d. -f3)"
  [ "$have_patch" -ge "$want_patch" ]
}

find_dotnet() {
  local want candidate; want="$(required_sdk)"
  for candidate in "$TEMP/dotnet-sdk/dotnet" "$(command -v dotnet || true)"; do
    [ -n "$candidate" ] && [ -x "$candidate" ] || continue
    while read -r version _; do
      if sdk_satisfies "$version" "$want"; then echo "$candidate"; return 0; fi
    done < <("$candidate" --list-sdks 2>/dev/null)
  done
  echo "No .NET SDK satisfying global.json ($want, latest feature band) found; installing one into $TEMP/dotnet-sdk" >&2
  mkdir -p "$TEMP/dotnet-sdk"
  if ! curl -fsSL --max-time 30 https://dot.net/v1/dotnet-install.sh -o "$TEMP/dotnet-install.sh" \
     || ! bash "$TEMP/dotnet-install.sh" --version "$want" --install-dir "$TEMP/dotnet-sdk" --no-path >&2; then
    echo "error: could not install the .NET SDK $want (is https://dot.net reachable?)." >&2
    echo "Install the .NET SDK $want or newer in the same feature line from https://dotnet.microsoft.com/download and run again." >&2
    exit 2
  fi
  echo "$TEMP/dotnet-sdk/dotnet"
}

inputs_fingerprint() {
  find "$ROOT/build" "$ROOT/src" "$ROOT/build.sh" "$ROOT/global.json" "$ROOT/Directory.Build.props" "$ROOT/Directory.Packages.props" \
       \( -name bin -o -name obj \) -prune -o -type f \
       \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.targets' -o -name build.sh -o -name global.json \) \
       -printf '%p %s %T@\n' \
    | LC_ALL=C sort
}

# Warm path: the SDK chosen last time (private install first), without asking it for its SDK list.
if [ -x "$TEMP/dotnet-sdk/dotnet" ]; then DOTNET="$TEMP/dotnet-sdk/dotnet"; else DOTNET="$(command -v dotnet || true)"; fi

# The runtime identifier ReadyToRun compiles for; empty where we do not know it (then: no ReadyToRun).
runtime_id() {
  local os arch
  case "$(uname -s)" in Linux) os=linux ;; Darwin) os=osx ;; *) return 0 ;; esac
  case "$(uname -m)" in x86_64|amd64) arch=x64 ;; aarch64|arm64) arch=arm64 ;; *) return 0 ;; esac
  # musl (Alpine) needs its own runtime packs.
  if [ "$os" = linux ] && ldd --version 2>&1 | grep -qi musl; then os=linux-musl; fi
  echo "$os-$arch"
}

[ -d "$TEMP" ] || mkdir -p "$TEMP"
current="$(inputs_fingerprint)"

# The native build (Native AOT): no JIT, so a run starts in ~25 ms instead of ~75 ms and a no-change BuildChanged takes
# a quarter of the managed build's time (BENCHMARKS.md, "Native AOT"). It takes ~1.5 min to compile, so nobody waits for
# it by default: a run uses it once it matches the inputs, and otherwise runs the managed build and compiles the native
# one in the background, except in CI, where a fresh clone would pay the compile for one run. GMB_NATIVE=1 compiles it
# now and uses it; GMB_NATIVE=0 never uses or compiles it.
NATIVE_OUTPUT="$TEMP/build-native"
NATIVE_STAMP="$TEMP/build-native.inputs"
NATIVE_FAILED="$TEMP/build-native.failed"
NATIVE_PID="$TEMP/build-native.pid"
NICE=()
# Two runs started together (two terminals, parallel CI steps in one checkout) would compile into the same folders, and
# one could delete the build the other is starting. A compile holds a lock (flock(1), where present: the kernel frees it
# if its holder dies), and a run that waited for it uses what the other compiled. Without flock (macOS): no lock.
# $1: the lock file, $2: the descriptor to hold it on, $3: "wait" (say so and wait) or "try" (fail at once when held).
take_lock() {
  command -v flock >/dev/null 2>&1 || return 0
  eval "exec $2>\"\$1\""
  flock -n "$2" && return 0
  [ "$3" = wait ] || return 1
  echo "Waiting for another run of build.sh to finish compiling the build..." >&2
  flock "$2"
}
# The build's own targets (Test, Pack) run `dotnet`, which the native executable cannot find from its own path.
export GMB_DOTNET="${DOTNET:-dotnet}"
native_current() { [ -x "$NATIVE_OUTPUT/_build" ] && [ -f "$NATIVE_STAMP" ] && [ "$current" = "$(<"$NATIVE_STAMP")" ]; }
if [ "${GMB_NATIVE:-}" != 0 ] && native_current; then
  exec "$NATIVE_OUTPUT/_build" "$@"
fi

# The C compiler Native AOT links with: clang, else a versioned one (Debian's clang-14); gcc is not supported by it.
native_linker() {
  local candidate
  for candidate in clang clang-20 clang-19 clang-18 clang-17 clang-16 clang-15 clang-14; do
    if command -v "$candidate" >/dev/null 2>&1; then echo "$candidate"; return 0; fi
  done
  return 1
}

# Compiles the native build of the inputs $1 with intermediate folders of its own (a managed build or `dotnet test` may
# run at the same time), then swaps it in whole, so that a run never starts a half-written one.
build_native() {
  local inputs="$1" linker next="$TEMP/build-native.next.$$"
  if ! linker="$(native_linker)"; then echo "no clang on PATH: Native AOT links with clang" > "$TEMP/build-native.log"; return 1; fi
  rm -rf "$next"
  if ${NICE[@]+"${NICE[@]}"} "$DOTNET" publish "$BUILD_PROJECT" -c Release -r "$(runtime_id)" -p:PublishAot=true -p:CppCompilerAndLinker="$linker" \
       --artifacts-path "$TEMP/build-native-obj" -o "$next" -nologo -v q -clp:ErrorsOnly >"$TEMP/build-native.log" 2>&1 \
     && [ -x "$next/_build" ]; then
    rm -f "$NATIVE_STAMP" "$NATIVE_FAILED"; rm -rf "$NATIVE_OUTPUT"; mv "$next" "$NATIVE_OUTPUT"
    printf '%s' "$inputs" > "$NATIVE_STAMP"
    # The next compile needs the restore and the IL compile's outputs, not the ~240 MB of copies and object files.
    rm -rf "$TEMP/build-native-obj/bin" "$TEMP"/build-native-obj/obj/*/*/native
  else
    rm -rf "$next"; printf '%s' "$inputs" > "$NATIVE_FAILED"
    return 1
  fi
}

# One background compile at a time, none for inputs it already failed on, and none the terminal's Ctrl-C reaches.
start_native_in_background() {
  [ -n "$(runtime_id)" ] && native_linker >/dev/null || return 0
  if [ -f "$NATIVE_FAILED" ] && [ "$current" = "$(<"$NATIVE_FAILED")" ]; then return 0; fi
  if [ -f "$NATIVE_PID" ] && kill -0 "$(<"$NATIVE_PID")" 2>/dev/null; then return 0; fi
  echo "note: compiling the native build in the background (log: $TEMP/build-native.log); runs after it start faster. GMB_NATIVE=0 turns this off." >&2
  # A background job of a script ignores Ctrl-C's SIGINT; the trap keeps it ignored in dotnet and its build nodes.
  ( trap '' INT; NICE=(nice -n 10)
    if take_lock "$TEMP/build-native.lock" 8 try && ! native_current; then build_native "$current"; fi
    rm -f "$NATIVE_PID" ) </dev/null >/dev/null 2>&1 &
  echo $! > "$NATIVE_PID"
}

if [ "${GMB_NATIVE:-}" = 1 ] && [ -n "$(runtime_id)" ]; then
  DOTNET="$(find_dotnet)"; export GMB_DOTNET="$DOTNET"
  # A background compile writes the same folders: wait for it, and use what it made when that is current.
  while [ -f "$NATIVE_PID" ] && kill -0 "$(<"$NATIVE_PID")" 2>/dev/null; do sleep 1; done
  take_lock "$TEMP/build-native.lock" 8 wait
  # The run itself must not hold the lock: another GMB_NATIVE=1 run would wait for all of it.
  if native_current; then exec 8>&-; exec "$NATIVE_OUTPUT/_build" "$@"; fi
  echo "Compiling the native build (GMB_NATIVE=1)..." >&2
  if build_native "$current"; then exec 8>&-; exec "$NATIVE_OUTPUT/_build" "$@"; fi
  exec 8>&-
  echo "note: the native build failed (see $TEMP/build-native.log); running the managed build" >&2
fi
# After a wait, the SDK the other run installed counts too.
managed_current() {
  { [ -n "$DOTNET" ] || { [ -x "$TEMP/dotnet-sdk/dotnet" ] && DOTNET="$TEMP/dotnet-sdk/dotnet"; }; } &&
  [ -f "$BUILD_OUTPUT/_build.dll" ] && [ -f "$STAMP" ] && [ "$current" = "$(<"$STAMP")" ]
}
if ! managed_current && take_lock "$TEMP/build.lock" 9 wait && ! managed_current; then
  DOTNET="$(find_dotnet)"
  echo "Building the build project (inputs changed)..." >&2
  # Release and ReadyToRun: every run starts a fresh process, and JIT-compiling the build was a third of a
  # no-change run (BENCHMARKS.md, "Start-up"). ReadyToRun needs the runtime and crossgen packs from NuGet; where
  # they cannot be restored, a plain Release build runs the same, only with a slower start.
  rm -rf "$BUILD_OUTPUT"
  if ! { [ -n "$(runtime_id)" ] && "$DOTNET" publish "$BUILD_PROJECT" -c Release -r "$(runtime_id)" --self-contained false \
           -p:PublishReadyToRun=true -o "$BUILD_OUTPUT" -nologo -v q -clp:ErrorsOnly >"$TEMP/build-publish.log" 2>&1; }; then
    [ -z "$(runtime_id)" ] || echo "note: no ReadyToRun build (see $TEMP/build-publish.log); building without it" >&2
    if ! "$DOTNET" build "$BUILD_PROJECT" -c Release -o "$BUILD_OUTPUT" -nologo -v q -clp:ErrorsOnly >&2; then
      rm -f "$STAMP"
      echo "error: the build project failed to compile (see above)." >&2
      exit 2
    fi
  fi
  printf '%s' "$current" > "$STAMP"
fi
# Held only while compiling: the run itself (and the native compile started below) must not keep it.
exec 9>&-

# Methods tier up after 4,096 calls (the runtime reads the value as hex) instead of 30: while buildx runs, the default
# spends ~0.7 s of CPU re-compiling at tier 1 what the progress stream and the decisions made hot, CPU that two cores
# take from `go build` when every service builds (issue 19 goal 3, BENCHMARKS.md). A value the caller set wins.
export DOTNET_TC_CallCountThreshold="${DOTNET_TC_CallCountThreshold:-1000}"
export GMB_DOTNET="$DOTNET"
if [ -z "${GMB_NATIVE:-}" ] && { [ -z "${CI:-}" ] || [ "$CI" = false ]; }; then start_native_in_background; fi
exec "$DOTNET" "$BUILD_OUTPUT/_build.dll" "$@"
