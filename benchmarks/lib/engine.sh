# Sourced by the engine benchmarks: talk to GoMonorepoBuild's private engine unless DOCKER_HOST/DOCKER_CONFIG say otherwise
# (the same home as the build: $GMB_HOME, else $XDG_CACHE_HOME/gomonorepobuild, else ~/.cache/gomonorepobuild).
HOME_DIR="${GMB_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/gomonorepobuild}"
export DOCKER_HOST="${DOCKER_HOST:-unix://$HOME_DIR/run/docker.sock}"
export DOCKER_CONFIG="${DOCKER_CONFIG:-$HOME_DIR/docker-config}"
