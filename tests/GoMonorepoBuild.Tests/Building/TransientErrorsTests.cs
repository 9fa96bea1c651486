using GoMonorepoBuild.Building;

namespace GoMonorepoBuild.Tests.Building;

/// <summary>Which buildx errors are worth another attempt. The strings are real buildx/BuildKit output.</summary>
public class TransientErrorsTests
{
    [Theory]
    // buildx 0.13.1 with DOCKER_HOST pointing at a socket nobody serves (measured here).
    [InlineData("ERROR: Cannot connect to the Docker daemon at unix:///tmp/nope.sock. Is the docker daemon running?")]
    // --push to 127.0.0.1:5999 with no registry listening (measured here).
    [InlineData("ERROR: failed to solve: failed to push 127.0.0.1:5999/x:1: failed to do request: Head \"https://127.0.0.1:5999/v2/x/blobs/sha256:f218b8e7950ebd5864cf96e22976765f39c048cdbab45f9de162e75a648738a9\": dial tcp 127.0.0.1:5999: connect: connection refused")]
    // Registry 5xx and auth outages (docker/build-push-action#239, #334; railwayapp/nixpacks#695).
    [InlineData("ERROR: failed to solve: rpc error: code = Unknown desc = unexpected status: 502 Bad Gateway")]
    [InlineData("error: failed to solve: rpc error: code = Unknown desc = unexpected status: 503 Service Unavailable")]
    [InlineData("error: failed to solve: rpc error: code = Unknown desc = failed to fetch oauth token: Get https://auth.docker.io/token?scope=repository%3Abiznetgio%2Fknot-exporter%3Apull%2Cpush&service=registry.docker.io: EOF")]
    [InlineData("failed to solve with frontend dockerfile.v0: failed to create LLB definition: unexpected status code [manifests debian-1669098887]: 503 Service Unavailable")]
    // Pipe closed mid-push (docker/build-push-action#761) and a BuildKit daemon restarting under the client.
    [InlineData("ERROR: failed to solve: failed to push ghcr.io/finchsec/kali:latest: failed to copy: io: read/write on closed pipe")]
    // The shared engine restarted under running builds (measured here, buildx 0.13.1).
    [InlineData("ERROR: failed to solve: Unavailable: error reading from server: EOF")]
    [InlineData("ERROR: failed to receive status: rpc error: code = Unavailable desc = error reading from server: EOF")]
    [InlineData("ERROR: failed to solve: failed to compute cache key: read tcp 127.0.0.1:40912->127.0.0.1:5000: read: connection reset by peer")]
    public void Engine_network_and_registry_failures_are_transient(string error) =>
        Assert.True(TransientErrors.IsTransient(error), error);

    [Theory]
    // A compile error, as buildx 0.13.1 reported it here (Samples/compile-error.rawjson).
    [InlineData("ERROR: failed to solve: process \"/bin/sh -c cd services/hello && GOOS=$TARGETOS GOARCH=$TARGETARCH     go build -trimpath -ldflags=\\\"-s -w -buildid=\\\" -o /out/hello .\" did not complete successfully: exit code: 1")]
    // A RUN step failing on the network is still the build's failure: its own command decided to fail.
    [InlineData("ERROR: failed to solve: process \"/bin/sh -c go mod download\" did not complete successfully: exit code: 1 (dial tcp: connection refused)")]
    [InlineData("ERROR: failed to solve: failed to read dockerfile: open Dockerfile: no such file or directory")]
    [InlineData("ERROR: failed to solve: dockerfile parse error on line 3: unknown instruction: RUNN")]
    [InlineData("ERROR: failed to solve: failed to push ghcr.io/base-org/node:main: unexpected status from POST request to 403 Forbidden")]
    [InlineData("")]
    [InlineData(null)]
    public void Build_errors_are_never_transient(string? error) =>
        Assert.False(TransientErrors.IsTransient(error), error);
}
