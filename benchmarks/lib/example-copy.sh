# example_copy <name>: a committed copy of examples/monorepo in a new temporary folder, for scripts that build it
# (COPIES=K: scaled up to 6 x (K+1) services).
# Sets WORK (the folder), COPY (the monorepo in it) and PREFIX (the image-name prefix of this run: its images are
# removed on exit). Needs ROOT (the project folder).
example_copy() {
  WORK="$(mktemp -d "/tmp/gmb-$1-XXXXXX")"
  PREFIX="gmb-$1-$(basename "$WORK" | tr 'A-Z' 'a-z' | tr -cd 'a-z0-9')"
  COPY="$WORK/monorepo"
  trap example_copy_cleanup EXIT
  # COPIES=K: the example with every service copied K more times (scaled-monorepo.sh; 6 x (K+1) services).
  if [ "${COPIES:-0}" -gt 0 ]; then "$ROOT/benchmarks/scaled-monorepo.sh" "$COPY" "$COPIES" >/dev/null
  else cp -r "$ROOT/examples/monorepo" "$COPY"; fi
  git -C "$COPY" init -q -b main && git -C "$COPY" add -A
  git -C "$COPY" -c user.name=bench -c user.email=bench@example.com commit -q -m "example monorepo"
}

example_copy_cleanup() {
  docker image ls --format '{{.Repository}}:{{.Tag}}' | grep "^$PREFIX" | xargs -r docker image rm --force >/dev/null 2>&1 || true
}
