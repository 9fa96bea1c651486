# The files the moby benchmarks edit for issue 17 item 5's "ten commits" case, one commit each (a vendored file and a
# README among them); a file a snapshot lacks is replaced by README.md. Sourced by revision-model.sh and first-analysis-ab.sh.
MOBY_TEN_FILES=(daemon/daemon.go daemon/container.go daemon/network.go daemon/images/service.go api/types/container/config.go
  client/client.go cmd/dockerd/main.go vendor/github.com/moby/locker/locker.go daemon/libnetwork/network.go docs/api/README.md)
