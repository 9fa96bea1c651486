# (b) The tutorials' best practice: the same multi-stage build, but with BuildKit cache mounts for the module
# cache and the Go build cache. Still the whole monorepo as context, so any change re-runs every service's
# `go build`; the build cache makes those runs incremental.
ARG GO_IMAGE=golang:1.23
FROM ${GO_IMAGE} AS build
ENV CGO_ENABLED=0 GOCACHE=/root/.cache/go-build GOMODCACHE=/go/pkg/mod
WORKDIR /src
COPY . .
ARG SERVICE
ARG MAIN=.
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    cd services/${SERVICE} && go mod download && go build -o /out/app ${MAIN}

FROM scratch
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
