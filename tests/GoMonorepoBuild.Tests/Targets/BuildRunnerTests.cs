using GoMonorepoBuild.Targets;

namespace GoMonorepoBuild.Tests.Targets;

public class BuildRunnerTests : IDisposable
{
    class Build : BuildBase
    {
        public readonly List<string> Ran = [];

        [Parameter("Where images go")] public string? Registry { get; set; }

        Target Compile => _ => _.Description("Compiles").Executes(() => Ran.Add("Compile"));
        Target Publish => _ => _.DependsOn(Compile).Requires(() => Registry).Executes(() => Ran.Add("Publish"));
        Target Broken => _ => _.Executes(() => throw new InvalidOperationException("outer", new IOException("inner cause")));
    }

    class PlanWatchingBuild : Build
    {
        public readonly List<(IReadOnlyList<string> Targets, int RanBefore)> Told = [];

        protected override void OnPlanned(IReadOnlyList<string> targets) => Told.Add((targets, Ran.Count));
    }

    readonly TempFolder root = new();

    public BuildRunnerTests() => Directory.CreateDirectory(Path.Combine(root.Path, ".nuke"));

    public void Dispose() => root.Dispose();

    [Fact]
    public async Task A_successful_build_runs_the_plan_prints_a_summary_and_exits_0()
    {
        var build = new Build();
        var result = await InProcessBuild.RunAsync(build, root.Path, ["publish", "--registry", "r"]);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["Compile", "Publish"], build.Ran);
        Assert.Matches(@"\| Publish +\| Succeeded", result.Output);
        Assert.Equal(root.Path, build.RootDirectory);
    }

    [Fact]
    public async Task A_missing_required_parameter_exits_2_naming_its_spellings_before_anything_runs()
    {
        var build = new Build();
        var result = await InProcessBuild.RunAsync(build, root.Path, ["Publish"]);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Empty(build.Ran);
        Assert.Contains("Publish requires parameter 'Registry'", result.Error);
        Assert.Contains("--registry", result.Error);
        Assert.Contains("REGISTRY", result.Error);
    }

    [Fact]
    public async Task A_skipped_target_does_not_need_its_requirements()
    {
        var result = await InProcessBuild.RunAsync(new Build(), root.Path, ["Compile", "Publish", "--skip", "Publish"]);
        Assert.Equal(ExitCodes.Usage, result.ExitCode); // invoked targets are never skipped
        var skipped = await InProcessBuild.RunAsync(new Build(), root.Path, ["Compile", "--skip", "Publish"]);
        Assert.Equal(0, skipped.ExitCode);
    }

    [Fact]
    public async Task A_failing_target_exits_1_and_prints_the_exception_chain_without_a_stack_trace()
    {
        var result = await InProcessBuild.RunAsync(new Build(), root.Path, ["Broken"]);
        Assert.Equal(ExitCodes.TargetFailed, result.ExitCode);
        Assert.Contains("Broken failed: outer", result.Error);
        Assert.Contains("because: inner cause", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.Matches(@"\| Broken +\| Failed", result.Output);

        var verbose = await InProcessBuild.RunAsync(new Build(), root.Path, ["Broken", "--verbosity", "verbose"]);
        Assert.Contains("   at ", verbose.Error);
    }

    [Fact]
    public async Task Cancelling_before_the_build_starts_exits_130()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        var build = new Build();
        var result = await InProcessBuild.RunAsync(build, root.Path, ["Compile"], cancellationToken: cancellation.Token);
        Assert.Equal(ExitCodes.Cancelled, result.ExitCode);
        Assert.Empty(build.Ran);
    }

    [Fact]
    public async Task Help_lists_targets_with_the_default_marked_and_parameters_with_their_environment_variable()
    {
        var result = await InProcessBuild.RunAsync(new Build(), root.Path, ["--help"], defaults: ["Compile"]);
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"\* Compile +Compiles", result.Output);
        Assert.Matches(@"  Publish +\(depends on Compile\)", result.Output);
        Assert.Contains("--registry <text>", result.Output);
        Assert.Contains("env REGISTRY", result.Output);
    }

    [Fact]
    public async Task The_schema_lists_parameters_and_targets_and_is_only_rewritten_when_it_changes()
    {
        await InProcessBuild.RunAsync(new Build(), root.Path, ["--help"]);
        var path = Path.Combine(root.Path, ".nuke", "build.schema.json");
        var schema = await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);
        Assert.Contains("\"Registry\"", schema);
        Assert.Contains("\"Where images go\"", schema);
        Assert.Contains("\"Publish\"", schema);

        var written = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, written);
        await InProcessBuild.RunAsync(new Build(), root.Path, ["--help"]);
        Assert.Equal(written, File.GetLastWriteTimeUtc(path));
    }

    [Fact]
    public async Task A_cycle_is_a_usage_error()
    {
        var result = await InProcessBuild.RunAsync(new Cyclic(), root.Path, ["A"]);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("A -> B -> A", result.Error);
    }

    class Cyclic : BuildBase
    {
        Target A => _ => _.DependsOn(B);
        Target B => _ => _.DependsOn(A);
    }

    [Fact]
    public async Task The_build_is_told_the_targets_that_will_run_once_before_the_first_runs()
    {
        var build = new PlanWatchingBuild();
        var result = await InProcessBuild.RunAsync(build, root.Path, ["Compile", "Publish", "--registry", "r"]);
        Assert.Equal(0, result.ExitCode);
        var (targets, ranBefore) = Assert.Single(build.Told);
        Assert.Equal(["Compile", "Publish"], targets);
        Assert.Equal(0, ranBefore);

        var skipping = new PlanWatchingBuild();
        Assert.Equal(0, (await InProcessBuild.RunAsync(skipping, root.Path, ["Publish", "--registry", "r", "--skip", "Compile"])).ExitCode);
        Assert.Equal(["Publish"], Assert.Single(skipping.Told).Targets);

        var planOnly = new PlanWatchingBuild();
        Assert.Equal(0, (await InProcessBuild.RunAsync(planOnly, root.Path, ["Publish", "--registry", "r", "--plan"])).ExitCode);
        Assert.Empty(planOnly.Told);
    }
}
