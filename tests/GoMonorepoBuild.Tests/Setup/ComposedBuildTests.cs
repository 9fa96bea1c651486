using GoMonorepoBuild.Targets;
using GoMonorepoBuild.Tests.Affected;
using GoMonorepoBuild.Tests.Changes;
using GoMonorepoBuild.Tests.Targets;

namespace GoMonorepoBuild.Tests.Setup;

/// <summary>
/// A user's build that composes only some of the framework's targets (MonorepoBuildCore and the components it lists), on a
/// real monorepo in a real git repository: the targets it composed do the framework's work, the others are not there.
/// </summary>
public class ComposedBuildTests : IDisposable
{
    /// <summary>A build that only analyses: no engine, no images, no CI targets.</summary>
    sealed class AnalysisBuild : MonorepoBuildCore, IGraph, IAffected
    {
        public readonly List<string> Ran = [];

        // The framework's Affected (its work method), then a step of the user's: how a composing build extends a target.
        Target IAffected.Affected => _ => _
            .Description("Affected, then the names")
            .Executes(ReportAffectedAsync)
            .Executes(() => Ran.Add(string.Join(",", AffectedResult!.Services.Select(s => s.Name))));

        Target Summary => _ => _
            .DependsOn(this.From<IGraph>().Graph, this.From<IAffected>().Affected)
            .Executes(() => Ran.Add("graph written: " + File.Exists(Path.Combine(GraphDirectory, "workspace.json"))));

        protected override IReadOnlyDictionary<string, string?> CiVariables() => new Dictionary<string, string?>();
    }

    readonly TestRepository repo = new();

    public ComposedBuildTests()
    {
        SampleMonorepo.WriteTo(repo, prefix: "go").Write(".nuke/parameters.json", "{}\n");
        repo.Commit("base");
    }

    public void Dispose() => repo.Dispose();

    [Fact]
    public async Task A_build_composing_Graph_and_Affected_runs_the_frameworks_work_for_them()
    {
        repo.Write("go/libs/auth/auth.go", "package auth\n\nfunc Check() bool { return false }\n");
        var build = new AnalysisBuild();
        var run = await InProcessBuild.RunAsync(build, repo.Root, ["Summary", "--monorepo", "go", "--services", "services/*", "--base", "HEAD"]);

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Equal(["orders", "graph written: True"], build.Ran);
        Assert.Matches(@"\| Graph +\| Succeeded", run.Output);
        Assert.Matches(@"\| Affected +\| Succeeded", run.Output);
    }

    [Fact]
    public async Task The_targets_it_did_not_compose_are_not_there()
    {
        var help = await InProcessBuild.RunAsync(new AnalysisBuild(), repo.Root, ["--help"]);
        Assert.True(help.ExitCode == 0, help.Output + help.Error);
        var targets = help.Output.ReplaceLineEndings("\n").Split("\n\n").Single(block => block.StartsWith("Targets"));
        Assert.Equal(["Affected", "Graph", "Summary"],
            targets.Split('\n').Skip(1).Select(line => line.Trim().Split(' ')[0]).Where(name => name.Length > 0).Order());

        var build = await InProcessBuild.RunAsync(new AnalysisBuild(), repo.Root, ["BuildChanged", "--monorepo", "go"]);
        Assert.Equal(ExitCodes.Usage, build.ExitCode);
        Assert.Contains("BuildChanged", build.Error);
    }
}
