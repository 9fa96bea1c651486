using GoMonorepoBuild.Engine;
using GoMonorepoBuild.Targets;
using GoMonorepoBuild.Tests.Support;
using GoMonorepoBuild.Tests.Targets;

namespace GoMonorepoBuild.Tests.Setup;

/// <summary>
/// BuildChanged's affected analysis runs alongside the engine probe (issue 19): when no engine can be had, the engine's
/// error is still the run's (same message, same exit code), and what the analysis found is not hidden behind it.
/// The engine here is one that cannot be: a configured socket nobody serves, and a private home too deep for its sockets
/// (or, off Debian or without root, no provisioning at all): either way EnsureEngine fails at once.
/// </summary>
public class EngineProbeOverlapTests : IDisposable
{
    class NoEngineBuild(string home) : MonorepoBuild
    {
        protected override EngineOptions EngineOptions => new EngineOptions(home)
            .WithAmbientEngine(new DockerEnvironment("unix://" + Path.Combine(home, "nobody.sock"), null, []));

        protected override IReadOnlyDictionary<string, string?> CiVariables() => new Dictionary<string, string?>();
    }

    /// <summary>A build deciding by rules of its own, which never ask for the analysis (and an unrelated overload).</summary>
    sealed class OwnRulesBuild(string home) : NoEngineBuild(home)
    {
        protected override Task<IReadOnlyList<BuildDecision>> DecideBuildsAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<BuildDecision>>([]);

        // An overload of the same name must not confuse the check for an override.
        Task DecideBuildsAsync(string why) => Task.CompletedTask;
    }

    readonly TempFolder root = new();
    readonly ExampleRepositoryCopy example = new();
    readonly string home;

    public EngineProbeOverlapTests()
    {
        Directory.CreateDirectory(Path.Combine(root.Path, ".nuke"));
        home = Directory.CreateDirectory(Path.Combine(root.Path, new string('h', 100))).FullName;
    }

    public void Dispose()
    {
        example.Dispose();
        root.Dispose();
    }

    Task<InProcessBuild> RunAsync(params string[] args) =>
        InProcessBuild.RunAsync(new NoEngineBuild(home), root.Path, [.. args, "--monorepo", example.Root]);

    static string EngineError(InProcessBuild run) =>
        run.Error.ReplaceLineEndings("\n").Split('\n').Single(line => line.Contains("EnsureEngine failed:", StringComparison.Ordinal));

    [Fact]
    public async Task Without_an_engine_BuildChanged_fails_as_EnsureEngine_alone_does()
    {
        var alone = await RunAsync("EnsureEngine");
        var changed = await RunAsync("BuildChanged", "--base", "HEAD");

        Assert.Equal(ExitCodes.TargetFailed, alone.ExitCode);
        Assert.Equal(ExitCodes.TargetFailed, changed.ExitCode);
        Assert.Equal(EngineError(alone), EngineError(changed));
        Assert.Matches(@"\| BuildChanged +\| NotRun", changed.Output);
        Assert.DoesNotContain("affected analysis", changed.Error);
    }

    [Fact]
    public async Task Without_an_engine_an_analysis_error_is_reported_first_then_the_engines()
    {
        var alone = await RunAsync("EnsureEngine");
        var changed = await RunAsync("BuildChanged", "--base", "no-such-ref");

        Assert.Equal(ExitCodes.TargetFailed, changed.ExitCode);
        var errors = changed.Error.ReplaceLineEndings("\n");
        var analysis = errors.IndexOf("BuildChanged's affected analysis, run alongside the engine probe, failed too:", StringComparison.Ordinal);
        Assert.True(analysis >= 0, errors);
        Assert.Contains("no-such-ref", errors[analysis..]);
        Assert.True(analysis < errors.IndexOf("EnsureEngine failed:", StringComparison.Ordinal), errors);
        Assert.Equal(EngineError(alone), EngineError(changed));
    }

    [Fact]
    public async Task Without_an_engine_a_broken_go_mod_is_still_named()
    {
        File.AppendAllText(example.PathOf("services/orders/go.mod"), "\nrequire (\n");

        var changed = await RunAsync("BuildChanged", "--base", "HEAD");

        Assert.Equal(ExitCodes.TargetFailed, changed.ExitCode);
        Assert.Matches(@"services/orders/go\.mod:\d+:\d+", changed.Output + changed.Error);
        Assert.Contains("EnsureEngine failed:", changed.Error);
    }

    [Fact]
    public async Task A_build_deciding_by_its_own_rules_does_not_start_the_analysis_alongside_the_probe()
    {
        var changed = await InProcessBuild.RunAsync(new OwnRulesBuild(home), root.Path, ["BuildChanged", "--base", "no-such-ref", "--monorepo", example.Root]);

        Assert.Equal(ExitCodes.TargetFailed, changed.ExitCode);
        Assert.Contains("EnsureEngine failed:", changed.Error);
        Assert.DoesNotContain("no-such-ref", changed.Output + changed.Error);
    }
}
