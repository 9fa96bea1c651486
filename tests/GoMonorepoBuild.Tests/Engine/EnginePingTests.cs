using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using GoMonorepoBuild.Engine.Api;

namespace GoMonorepoBuild.Tests.Engine;

/// <summary>
/// The engine probe's bare HTTP request, against real unix sockets this test serves (the real engine's answer is
/// checked in <see cref="EngineApiEngineTests"/>): an answer, an error status, a socket file nobody listens on, none.
/// </summary>
public sealed class EnginePingTests : IDisposable
{
    const string VersionJson = """{"Version":"28.5.2","ApiVersion":"1.51","Os":"linux","Arch":"amd64","Components":[{"Name":"Engine"}]}""";

    readonly string folder = Directory.CreateTempSubdirectory("gmb-ping-").FullName;
    CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    string SocketPath => Path.Combine(folder, "docker.sock");
    Uri Endpoint => new("unix://" + SocketPath);

    /// <summary>Serves one connection: reads the request, writes <paramref name="response"/>, closes; returns the request.</summary>
    Task<string> ServeOnce(string response)
    {
        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(SocketPath));
        listener.Listen(1);
        return Task.Run(async () =>
        {
            using (listener)
            using (var connection = await listener.AcceptAsync(Ct))
            {
                var request = new StringBuilder();
                var buffer = new byte[4096];
                while (!request.ToString().Contains("\r\n\r\n"))
                {
                    var read = await connection.ReceiveAsync(buffer, SocketFlags.None, Ct);
                    if (read == 0) break;
                    request.Append(Encoding.ASCII.GetString(buffer, 0, read));
                }
                await connection.SendAsync(Encoding.UTF8.GetBytes(response), SocketFlags.None, Ct);
                connection.Shutdown(SocketShutdown.Both);
                return request.ToString();
            }
        }, Ct);
    }

    [Fact]
    public async Task The_version_is_read_from_the_engines_answer_on_its_socket()
    {
        var served = ServeOnce($"HTTP/1.0 200 OK\r\nContent-Type: application/json\r\nApi-Version: 1.51\r\n\r\n{VersionJson}\n");

        var version = await EnginePing.VersionAsync(Endpoint, "test engine", Ct);

        Assert.Equal(new EngineVersion("28.5.2", "1.51", "linux", "amd64"), version);
        Assert.StartsWith("GET /version HTTP/1.0\r\n", await served);
    }

    [Fact]
    public async Task A_chunked_answer_from_a_proxy_in_between_is_read_too()
    {
        var chunked = $"{VersionJson[..20].Length:x}\r\n{VersionJson[..20]}\r\n{VersionJson[20..].Length:x}\r\n{VersionJson[20..]}\r\n0\r\n\r\n";
        _ = ServeOnce($"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n{chunked}");

        var version = await EnginePing.VersionAsync(Endpoint, "test engine", Ct);

        Assert.Equal("28.5.2", version.Version);
        Assert.Equal("linux/amd64", version.Platform);
    }

    [Fact]
    public async Task An_error_status_is_an_error_naming_the_engine_and_the_status()
    {
        _ = ServeOnce("HTTP/1.0 500 Internal Server Error\r\n\r\n{\"message\":\"daemon is shutting down\"}");

        var error = await Assert.ThrowsAsync<EngineApiException>(() => EnginePing.VersionAsync(Endpoint, "test engine", Ct));

        Assert.Contains("test engine", error.Message);
        Assert.Contains("500", error.Message);
        Assert.Contains("daemon is shutting down", error.Message);
    }

    [Fact]
    public async Task A_missing_socket_is_answered_at_once_without_waiting_for_the_deadline()
    {
        var watch = Stopwatch.StartNew();

        // No deadline at all: a probe that waited for one would hang the test until xunit's own timeout.
        var error = await Assert.ThrowsAsync<EngineApiException>(() => EnginePing.VersionAsync(Endpoint, "test engine", Ct));

        Assert.Contains($"no socket at {SocketPath}", error.Message);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task A_socket_file_left_by_a_dead_engine_is_an_error_not_a_hang()
    {
        // Bound but never listening: what a connect finds where dockerd died (.NET removes the file on dispose).
        using var dead = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        dead.Bind(new UnixDomainSocketEndPoint(SocketPath));
        Assert.True(File.Exists(SocketPath));

        var error = await Assert.ThrowsAsync<EngineApiException>(() => EnginePing.VersionAsync(Endpoint, "test engine", Ct));

        Assert.Contains("cannot be reached", error.Message);
    }

    [Fact]
    public void An_answer_that_is_not_http_or_not_json_is_an_error()
    {
        Assert.Throws<EngineApiException>(() => EnginePing.Parse(Encoding.ASCII.GetBytes("SSH-2.0-OpenSSH_9.2\r\n"), "e"));
        Assert.Throws<EngineApiException>(() => EnginePing.Parse(Encoding.ASCII.GetBytes("HTTP/1.0 200 OK\r\n\r\n<html>"), "e"));
    }
}
