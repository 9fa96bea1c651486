using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using GoMonorepoBuild.Engine.Api;
using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.Engine;

/// <summary>
/// The engine probe's bare HTTP request, against real unix sockets this test serves (the real engine's answer is
/// checked in <see cref="EngineApiEngineTests"/>): an answer, an error status, a socket file nobody listens on, none.
/// </summary>
public sealed class EnginePingTests : IDisposable
{
    const string VersionJson = """{"Version":"28.5.2","ApiVersion":"1.51","Os":"linux","Arch":"amd64","Components":[{"Name":"Engine"}]}""";

    readonly CannedEngineSocket engine = new();
    CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => engine.Dispose();

    [Fact]
    public async Task The_version_is_read_from_the_engines_answer_on_its_socket()
    {
        var served = engine.Serve(Ct, $"HTTP/1.0 200 OK\r\nContent-Type: application/json\r\nApi-Version: 1.51\r\n\r\n{VersionJson}\n");

        var version = await EnginePing.VersionAsync(engine.Endpoint, "test engine", Ct);

        Assert.Equal(new EngineVersion("28.5.2", "1.51", "linux", "amd64"), version);
        Assert.StartsWith("GET /version HTTP/1.0\r\n", (await served).Single());
    }

    [Fact]
    public async Task The_probe_pings_and_reads_the_api_version_from_the_answers_headers()
    {
        var served = engine.Serve(Ct,
            "HTTP/1.1 200 OK\r\nApi-Version: 1.45\r\nServer: Docker/26.1.5 (linux)\r\nContent-Length: 2\r\n\r\nOK",
            "HTTP/1.1 200 OK\r\napi-version:1.51\r\n\r\nOK",
            "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nOK");

        Assert.Equal("1.45", await EnginePing.ApiVersionAsync(engine.Endpoint, "test engine", Ct));
        // Header names are case-insensitive; a server that sends none is no engine API (the probe says so).
        Assert.Equal("1.51", await EnginePing.ApiVersionAsync(engine.Endpoint, "test engine", Ct));
        Assert.Equal("", await EnginePing.ApiVersionAsync(engine.Endpoint, "test engine", Ct));
        Assert.All(await served, request => Assert.StartsWith("GET /_ping HTTP/1.0\r\n", request));
    }

    [Fact]
    public async Task A_chunked_answer_from_a_proxy_in_between_is_read_too()
    {
        var chunked = $"{VersionJson[..20].Length:x}\r\n{VersionJson[..20]}\r\n{VersionJson[20..].Length:x}\r\n{VersionJson[20..]}\r\n0\r\n\r\n";
        _ = engine.Serve(Ct, $"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n{chunked}");

        var version = await EnginePing.VersionAsync(engine.Endpoint, "test engine", Ct);

        Assert.Equal("28.5.2", version.Version);
        Assert.Equal("linux/amd64", version.Platform);
    }

    [Fact]
    public async Task An_error_status_is_an_error_naming_the_engine_and_the_status()
    {
        const string Failing = "HTTP/1.0 500 Internal Server Error\r\nApi-Version: 1.45\r\n\r\n{\"message\":\"daemon is shutting down\"}";
        _ = engine.Serve(Ct, Failing, Failing);

        var errors = new[]
        {
            await Assert.ThrowsAsync<EngineApiException>(() => EnginePing.VersionAsync(engine.Endpoint, "test engine", Ct)),
            // The probe's ping too, although the answer names an API version.
            await Assert.ThrowsAsync<EngineApiException>(() => EnginePing.ApiVersionAsync(engine.Endpoint, "test engine", Ct)),
        };

        Assert.All(errors, error =>
        {
            Assert.Contains("test engine", error.Message);
            Assert.Contains("500", error.Message);
            Assert.Contains("daemon is shutting down", error.Message);
        });
    }

    [Fact]
    public async Task A_missing_socket_is_answered_at_once_without_waiting_for_the_deadline()
    {
        var watch = Stopwatch.StartNew();

        // No deadline at all: a probe that waited for one would hang the test until xunit's own timeout.
        var error = await Assert.ThrowsAsync<EngineApiException>(() => EnginePing.VersionAsync(engine.Endpoint, "test engine", Ct));

        Assert.Contains($"no socket at {engine.SocketPath}", error.Message);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task A_socket_file_left_by_a_dead_engine_is_an_error_not_a_hang()
    {
        // Bound but never listening: what a connect finds where dockerd died (.NET removes the file on dispose).
        using var dead = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        dead.Bind(new UnixDomainSocketEndPoint(engine.SocketPath));
        Assert.True(File.Exists(engine.SocketPath));

        var error = await Assert.ThrowsAsync<EngineApiException>(() => EnginePing.VersionAsync(engine.Endpoint, "test engine", Ct));

        Assert.Contains("cannot be reached", error.Message);
    }

    [Fact]
    public void An_answer_that_is_not_http_or_not_json_is_an_error()
    {
        Assert.Throws<EngineApiException>(() => EngineHttp.Parse(Encoding.ASCII.GetBytes("SSH-2.0-OpenSSH_9.2\r\n"), "e", "q"));
        Assert.Throws<EngineApiException>(() => EngineHttp.Parse(Encoding.ASCII.GetBytes("SSH-2.0-OpenSSH_9.2\r\n\r\n"), "e", "q"));
        Assert.Throws<EngineApiException>(() => EnginePing.Version(new EngineHttp.Response(200, "<html>"), "e"));
    }
}
