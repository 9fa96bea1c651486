using GoMonorepoBuild.Building;
using GoMonorepoBuild.Buildx;
using GoMonorepoBuild.Engine;
using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.Building;

/// <summary>
/// The retry loop around the real driver, with a docker stand-in whose first calls fail the way buildx does when
/// the engine is away, or the way a compile error does.
/// </summary>
public class RetryWithFakeDockerTests
{
    static readonly DockerEnvironment Engine = new("unix:///tmp/gmb-fake.sock", "/tmp/gmb-fake-config", []);
    static readonly RetryPolicy Quick = RetryPolicy.Default.WithFirstDelay(TimeSpan.FromMilliseconds(10));

    [Fact]
    public async Task A_build_the_engine_dropped_is_retried_and_succeeds()
    {
        using var folder = new DockerfilesScratchFolder();
        var docker = FakeDocker(folder, failures: 2, "ERROR: Cannot connect to the Docker daemon at unix:///tmp/gmb-fake.sock. Is the docker daemon running?");

        var (outcome, attempts) = await RunAsync(folder, docker, Quick.WithRetries(2));

        Assert.True(outcome.Succeeded, outcome.LogTail);
        Assert.Equal(3, attempts);
        Assert.Equal("3", (await File.ReadAllTextAsync(folder["calls"], TestContext.Current.CancellationToken)).Trim());
    }

    [Fact]
    public async Task A_compile_error_is_not_retried()
    {
        using var folder = new DockerfilesScratchFolder();
        var docker = FakeDocker(folder, failures: 5,
            "ERROR: failed to solve: process \"/bin/sh -c go build -o /out/hello .\" did not complete successfully: exit code: 1");

        var (outcome, attempts) = await RunAsync(folder, docker, Quick.WithRetries(3));

        Assert.True(outcome.Failed);
        Assert.Equal(1, attempts);
        Assert.Contains("did not complete successfully", outcome.Error);
    }

    static Task<(BuildOutcome, int)> RunAsync(DockerfilesScratchFolder folder, string docker, RetryPolicy policy)
    {
        var driver = new BuildxDriver(Engine, docker);
        var build = new BuildxBuild("hello", "Dockerfile", "context").WithLogFile(folder["logs/hello.log"]);
        return policy.RunAsync(
            (_, ct) => driver.BuildAsync(build, ct),
            o => o.Failed && TransientErrors.IsTransient(o.Error) ? o.Error : null,
            null, TestContext.Current.CancellationToken);
    }

    /// <summary>A docker whose first <paramref name="failures"/> buildx calls print <paramref name="error"/> and exit 1.</summary>
    static string FakeDocker(DockerfilesScratchFolder folder, int failures, string error)
    {
        var errorFile = folder.Write("error.txt", error + "\n");
        var script = folder.Write("docker", $$"""
            #!/bin/sh
            n=$(cat '{{folder["calls"]}}' 2>/dev/null || echo 0)
            n=$((n + 1))
            echo $n > '{{folder["calls"]}}'
            if [ $n -le {{failures}} ]; then cat '{{errorFile}}' >&2; exit 1; fi
            exit 0

            """);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return script;
    }
}
