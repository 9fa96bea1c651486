using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.Setup;

/// <summary>
/// Two ./build.sh runs started together on a checkout whose build is not compiled yet (two terminals after a pull,
/// parallel CI steps in one workspace): one compiles, the other waits for it and runs what it compiled, instead of
/// both compiling into the same folders and one deleting the build the other is starting.
/// </summary>
[Collection(PackedFeedCollection.Name)]
public class ConcurrentStartTests(PackedFeed feed)
{
    [Fact]
    public async Task Two_runs_started_together_compile_the_build_once_and_both_run()
    {
        if (!SearchPath.HasAny("flock")) Assert.Skip("no flock(1) on PATH: build.sh compiles without a lock here");
        using var repo = new ScaffoldedRepository();
        var scaffold = await feed.ScaffoldAsync(repo.Root);
        Assert.True(scaffold.ExitCode == 0, $"dotnet new failed ({scaffold.ExitCode}):\n{scaffold.StandardOutput}\n{scaffold.StandardError}");

        var runs = await Task.WhenAll(repo.BuildAsync("--help"), repo.BuildAsync("--help"));

        foreach (var run in runs)
            Assert.True(run.ExitCode == 0 && run.StandardOutput.Contains("BuildChanged"),
                $"a run failed ({run.ExitCode}):\n{run.StandardOutput}\n{run.StandardError}");
        var compiled = runs.Count(run => run.StandardError.Contains("Building the build project"));
        Assert.True(compiled == 1, $"{compiled} runs compiled the build:\n{string.Join("\n---\n", runs.Select(run => run.StandardError))}");
    }
}
