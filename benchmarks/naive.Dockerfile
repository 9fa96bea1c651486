# (a) The naive way, as in the usual Go-in-Docker tutorials: a multi-stage build with the whole monorepo as
# context and no cache mounts. Any file change anywhere (even a README) invalidates `COPY . .`, and every
# service then recompiles its dependencies and the standard library from scratch.
ARG GO_IMAGE=golang:1.23
FROM ${GO_IMAGE} AS build
ENV CGO_ENABLED=0
WORKDIR /src
COPY . .
ARG SERVICE
ARG MAIN=.
RUN cd services/${SERVICE} && go mod download && go build -o /out/app ${MAIN}

FROM scratch
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
