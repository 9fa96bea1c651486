using GoMonorepoBuild.Building;
using GoMonorepoBuild.Buildx;
using GoMonorepoBuild.Pipeline.ChangedBuild;
using GoMonorepoBuild.Workspace.Services;

namespace GoMonorepoBuild.Tests.Support;

/// <summary>
/// Drives BuildChanged's real pipeline (<see cref="ChangedBuildPipeline"/>) with a test's own stages: the decisions
/// it is given, a Generate and a build context of its choosing, the engine or a stand-in behind the driver. The rules,
/// tags, retries, rows and report files are the production ones, so engine tests need not copy the facade's glue.
/// </summary>
sealed class ChangedBuildRun(string rootDirectory, BuildxDriver driver, BuildSettings settings)
{
    /// <summary>Settings for a run under <paramref name="rootDirectory"/>: logs and metadata in its .nuke/temp, as the facade puts them.</summary>
    public static BuildSettings SettingsUnder(string rootDirectory, string registry) => new(
        registry, Path.Combine(rootDirectory, ".nuke", "temp", "logs"), Path.Combine(rootDirectory, ".nuke", "temp", "buildx"))
    {
        Tags = [],
        Network = BuildxTestSettings.Network,
    };

    public string LogsDirectory => settings.LogsDirectory;

    /// <summary>Runs the pipeline on <paramref name="decisions"/>, each service built from what <paramref name="contextOf"/> says.</summary>
    public Task<ChangedBuildOutcome> RunAsync(
        IReadOnlyList<BuildDecision> decisions, Func<GoService, ServiceContext> contextOf,
        Func<IEnumerable<GoService>, CancellationToken, Task>? generate = null,
        Func<GoService, string, IReadOnlyDictionary<string, string>>? inputDigestsOf = null)
    {
        var stages = new ChangedBuildStages(
            _ => Task.FromResult(decisions),
            _ => Task.FromResult(ChangedBuildScope.Empty),
            generate ?? ((_, _) => Task.CompletedTask),
            contextOf,
            inputDigestsOf ?? ((_, _) => new Dictionary<string, string>()));
        return new ChangedBuildPipeline(new ChangedBuildInputs(rootDirectory, driver, settings), stages).RunAsync(TestContext.Current.CancellationToken);
    }
}
