using GoMonorepoBuild.Engine;
using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.Engine;

/// <summary>
/// The probe every run makes of an engine reached by its socket: one ping (dockerd answers /version by running runc
/// and docker-init, 5-10 ms), against a unix socket this test serves; buildx is found by its plugin file.
/// </summary>
public sealed class LocalEngineProbeTests : IDisposable
{
    readonly CannedEngineSocket socket = new();
    readonly string config = Directory.CreateTempSubdirectory("gmb-probe-config-").FullName;
    CancellationToken Ct => TestContext.Current.CancellationToken;

    public LocalEngineProbeTests()
    {
        var plugin = Path.Combine(config, "cli-plugins", "docker-buildx");
        Directory.CreateDirectory(Path.GetDirectoryName(plugin)!);
        File.WriteAllText(plugin, "#!/bin/sh\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(plugin, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public void Dispose()
    {
        socket.Dispose();
        Directory.Delete(config, recursive: true);
    }

    DockerEnvironment Engine => new DockerEnvironment("unix://" + socket.SocketPath, config, []).WithDockerCli("/bin/sh");

    [Fact]
    public async Task An_engine_that_answers_a_ping_with_its_api_version_answers_and_is_asked_nothing_else()
    {
        var served = socket.Serve(Ct, "HTTP/1.1 200 OK\r\nApi-Version: 1.45\r\nContent-Length: 2\r\n\r\nOK");

        var answer = await new LocalEngineHost().AskAsync(Engine, TimeSpan.FromSeconds(10), Ct);

        Assert.True(answer.Answers, answer.Detail);
        Assert.StartsWith("GET /_ping HTTP/1.0\r\n", (await served).Single());
    }

    [Fact]
    public async Task A_server_that_answers_a_ping_without_an_api_version_is_no_engine()
    {
        _ = socket.Serve(Ct, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nOK");

        var answer = await new LocalEngineHost().AskAsync(Engine, TimeSpan.FromSeconds(10), Ct);

        Assert.False(answer.Answers);
        Assert.Contains("without a version", answer.Detail);
    }
}
