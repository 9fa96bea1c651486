using GoMonorepoBuild.Building;
using GoMonorepoBuild.Buildx;
using GoMonorepoBuild.Engine;
using GoMonorepoBuild.Engine.Api;
using GoMonorepoBuild.Inputs;
using GoMonorepoBuild.Pipeline.ChangedBuild;
using GoMonorepoBuild.Reports;
using GoMonorepoBuild.Tests.Support;
using NSubstitute;

namespace GoMonorepoBuild.Tests.Building;

/// <summary>
/// BuildChanged's retries through its real pipeline, with a docker stand-in whose first calls fail the way buildx does
/// when the engine is away, or the way a compile error does.
/// </summary>
public class RetryWithFakeDockerTests
{
    static readonly DockerEnvironment Engine = new("unix:///tmp/gmb-fake.sock", "/tmp/gmb-fake-config", []);
    static readonly RetryPolicy Quick = RetryPolicy.Default.WithFirstDelay(TimeSpan.FromMilliseconds(10));

    [Fact]
    public async Task A_build_the_engine_dropped_is_retried_and_succeeds_keeping_each_failed_attempts_log()
    {
        using var folder = new DockerfilesScratchFolder();
        var docker = FakeDocker(folder, failures: 2, "ERROR: Cannot connect to the Docker daemon at unix:///tmp/gmb-fake.sock. Is the docker daemon running?");

        var (outcome, logs) = await RunAsync(folder, docker, Quick.WithRetries(2));

        var row = Assert.Single(outcome.Report.Services);
        Assert.True(outcome.Succeeded, outcome.Failure);
        Assert.Equal(ServiceStatus.Built, row.Status);
        Assert.Equal(3, row.Attempts);
        Assert.Equal("3", (await File.ReadAllTextAsync(folder["calls"], TestContext.Current.CancellationToken)).Trim());
        Assert.Equal(["hello.attempt-1.log", "hello.attempt-2.log", "hello.log"],
            Directory.GetFiles(logs).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("Cannot connect to the Docker daemon", await File.ReadAllTextAsync(Path.Combine(logs, "hello.attempt-1.log"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_compile_error_is_not_retried_and_fails_the_run()
    {
        using var folder = new DockerfilesScratchFolder();
        var docker = FakeDocker(folder, failures: 5,
            "ERROR: failed to solve: process \"/bin/sh -c go build -o /out/hello .\" did not complete successfully: exit code: 1");

        var (outcome, logs) = await RunAsync(folder, docker, Quick.WithRetries(3));

        var row = Assert.Single(outcome.Report.Services);
        Assert.Equal(ServiceStatus.Failed, row.Status);
        Assert.Equal(1, row.Attempts);
        Assert.Contains("did not complete successfully", row.Reason);
        Assert.StartsWith("1 of 1 services failed: hello (", outcome.Failure);
        Assert.Equal(["hello.log"], Directory.GetFiles(logs).Select(Path.GetFileName));
    }

    static async Task<(ChangedBuildOutcome, string Logs)> RunAsync(DockerfilesScratchFolder folder, string docker, RetryPolicy policy)
    {
        // The stand-in loads nothing: the image size the driver asks the engine for after a load is unknown.
        var driver = new BuildxDriver(Engine, docker, Substitute.For<IEngineApi>());
        var settings = ChangedBuildRun.SettingsUnder(folder.Path, "gomonorepobuild") with { Retries = policy };
        var decision = BuildDecision.Selected(ServiceFixtures.Service("hello"), "no image for these inputs yet")
            with { InputHash = new ServiceInputHash("0123456789abcdef0123456789abcdef") };
        var outcome = await new ChangedBuildRun(folder.Path, driver, settings)
            .RunAsync([decision], _ => new ServiceContext(folder["Dockerfile"], folder["context"]));
        return (outcome, settings.LogsDirectory);
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
