# A Dockerfile a user wrote for inventory: built as it is, with the monorepo root as its context.
FROM gomonorepobuild/go:1.23 AS build
WORKDIR /src
COPY libs/ libs/
COPY services/inventory/ services/inventory/
RUN cd services/inventory && CGO_ENABLED=0 go build -o /inventory .

FROM scratch
COPY --from=build /inventory /inventory
USER 1000:1000
ENTRYPOINT ["/inventory"]
