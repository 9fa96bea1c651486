using GoMonorepoBuild.Targets;

namespace GoMonorepoBuild.Tests.Targets;

/// <summary>
/// The framework's targets as components: MonorepoBuild composes all of them exactly as before the split, and a build
/// deriving from MonorepoBuildCore has only the components it lists (and those they derive from).
/// </summary>
public class FrameworkComponentsTests : IDisposable
{
    sealed class Default : MonorepoBuild;

    sealed class GraphAndAffected : MonorepoBuildCore, IGraph, IAffected;

    sealed class ChangedOnly : MonorepoBuildCore, IBuildChanged;

    sealed class DebugOnly : MonorepoBuildCore, IBuildDebugImage;

    sealed class GoCacheOnly : MonorepoBuildCore, IGoCache;

    sealed class GoCacheAndChanged : MonorepoBuildCore, IGoCache, IBuildChanged;

    sealed class CiOnly : MonorepoBuildCore, ICi;

    sealed class GraphOnly : MonorepoBuildCore, IGraph;

    sealed class MissingComponent : MonorepoBuildCore, IGraph
    {
        Target Release => _ => _.DependsOn(this.From<IBuildChanged>().BuildChanged).Executes(() => { });
    }

    sealed class OwnEngine : MonorepoBuildCore, IBuildChanged
    {
        public readonly List<string> Ran = [];
        Target IEnsureEngine.EnsureEngine => _ => _.Description("mine").Executes(() => Ran.Add("my engine"));
    }

    readonly TempFolder root = new();

    public FrameworkComponentsTests() => Directory.CreateDirectory(Path.Combine(root.Path, ".nuke"));

    public void Dispose() => root.Dispose();

    static IReadOnlyList<ExecutableTarget> Catalog(BuildBase build) =>
        TargetCatalog.Create(build, ParameterDescriptor.Discover(build.GetType()));

    Task<InProcessBuild> RunAsync(BuildBase build, params string[] args) => InProcessBuild.RunAsync(build, root.Path, args);

    [Fact]
    public void The_default_build_has_the_14_targets_in_the_order_and_with_the_dependencies_it_always_had()
    {
        // As main listed them before the targets became components (captured from its catalog).
        var targets = Catalog(new Default());
        Assert.Equal(
        [
            "Affected", "BuildChanged", "GenerateCi", "GenerateGitLabChildPipeline", "PublishAffected", "MergeReports",
            "BuildDebugImage", "GenerateDockerfiles", "EnsureEngine", "StopEngine", "EnsureGo", "SeedGoCache", "ExportGoCache", "Graph",
        ], targets.Select(t => t.Name));
        var byName = targets.ToDictionary(t => t.Name);
        Assert.Equal(["EnsureEngine"], byName["BuildChanged"].DependsOn);
        Assert.Equal(["EnsureEngine", "GenerateDockerfiles"], byName["BuildDebugImage"].DependsOn);
        Assert.Equal(["EnsureEngine"], byName["GenerateDockerfiles"].DependsOn);
        Assert.Equal(["EnsureEngine"], byName["SeedGoCache"].DependsOn);
        Assert.Equal(["EnsureEngine"], byName["ExportGoCache"].DependsOn);
        Assert.Equal(["BuildChanged"], byName["ExportGoCache"].After);
        Assert.Single(byName["BuildDebugImage"].Requirements);
        Assert.Single(byName["SeedGoCache"].Requirements);
        Assert.Single(byName["ExportGoCache"].Requirements);
        Assert.All(targets.Where(t => t.Name is not ("BuildChanged" or "BuildDebugImage" or "GenerateDockerfiles" or "SeedGoCache" or "ExportGoCache")),
            t => Assert.Empty(t.DependsOn));
        Assert.Equal("Build the images of the selected services side by side and report, per service, what the cache did", byName["BuildChanged"].Description);
    }

    const string BuildChangedPlan = "Execution plan:\n   1. EnsureEngine  dependency of BuildChanged\n   2. BuildChanged  invoked\n";

    [Fact]
    public async Task The_default_builds_plan_for_BuildChanged_is_the_one_it_always_printed()
    {
        var run = await RunAsync(new Default(), "BuildChanged", "--plan");
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Equal(BuildChangedPlan, run.Output.ReplaceLineEndings("\n").TrimEnd('\n') + "\n");
    }

    [Fact]
    public void A_build_composing_some_components_has_only_their_targets()
    {
        Assert.Equal(["Affected", "Graph"], Catalog(new GraphAndAffected()).Select(t => t.Name).Order());
        Assert.Equal(["BuildChanged", "EnsureEngine"], Catalog(new ChangedOnly()).Select(t => t.Name).Order());
    }

    [Fact]
    public async Task Help_lists_only_the_composed_targets()
    {
        var run = await RunAsync(new GraphAndAffected(), "--help");
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var targets = run.Output.ReplaceLineEndings("\n").Split("\n\n").Single(block => block.StartsWith("Targets"));
        Assert.Contains("Graph ", targets);
        Assert.Contains("Affected ", targets);
        Assert.DoesNotContain("BuildChanged", targets);
        Assert.DoesNotContain("EnsureEngine", targets);
        Assert.DoesNotContain("GenerateCi", targets);
    }

    [Fact]
    public async Task A_dropped_target_is_an_unknown_target()
    {
        var run = await RunAsync(new GraphAndAffected(), "BuildChanged");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("BuildChanged", run.Error);
        Assert.Contains("Targets: ", run.Error);
        Assert.DoesNotContain("EnsureEngine", run.Error);
    }

    [Fact]
    public async Task A_component_brings_the_components_it_depends_on_and_plans_as_the_default_build()
    {
        var run = await RunAsync(new ChangedOnly(), "BuildChanged", "--plan");
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Equal(BuildChangedPlan, run.Output.ReplaceLineEndings("\n").TrimEnd('\n') + "\n");

        var debug = Catalog(new DebugOnly()).ToDictionary(t => t.Name);
        Assert.Equal(["BuildDebugImage", "EnsureEngine", "GenerateDockerfiles"], debug.Keys.Order());
        Assert.Equal(["EnsureEngine", "GenerateDockerfiles"], debug["BuildDebugImage"].DependsOn);
    }

    [Fact]
    public void A_composing_build_names_a_components_target_as_its_default_through_From() =>
        Assert.Equal(["BuildChanged"], BuildBase.DefaultTargetNames<ChangedOnly>([x => x.From<IBuildChanged>().BuildChanged]));

    [Fact]
    public void ExportGoCache_runs_after_BuildChanged_only_when_the_build_has_it()
    {
        Assert.Empty(Catalog(new GoCacheOnly()).Single(t => t.Name == "ExportGoCache").After);
        Assert.Equal(["BuildChanged"], Catalog(new GoCacheAndChanged()).Single(t => t.Name == "ExportGoCache").After);
    }

    [Fact]
    public async Task A_target_needing_a_component_the_build_does_not_compose_is_a_usage_error_naming_it()
    {
        var run = await RunAsync(new MissingComponent(), "Graph");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("MissingComponent does not implement IBuildChanged; add it to the class's list of components", run.Error);
    }

    [Fact]
    public async Task A_composing_build_overrides_a_framework_target_and_the_frameworks_targets_depend_on_its_override()
    {
        var build = new OwnEngine();
        var targets = Catalog(build).ToDictionary(t => t.Name);
        Assert.Equal("mine", targets["EnsureEngine"].Description);
        Assert.Equal(["EnsureEngine"], targets["BuildChanged"].DependsOn);

        var run = await RunAsync(build, "EnsureEngine");
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Equal(["my engine"], build.Ran);
    }

    static IReadOnlyList<string> ParameterNames(BuildBase build) => ParameterDescriptor.Discover(build.GetType()).Select(p => p.Name).ToList();

    static readonly string[] Shared = ["Monorepo", "Services", "Only"];

    static readonly string[] ChangeAnalysis = ["Base", "Head", "Granularity", "GlobalFiles", "MissingBase", "DeepenLimit"];

    [Fact]
    public void Each_component_brings_the_parameters_its_targets_read_and_no_other()
    {
        Assert.Equal([.. ChangeAnalysis[..3], "Output", "Format", .. ChangeAnalysis[3..], .. Shared], ParameterNames(new GraphAndAffected()));
        Assert.Equal(Shared, ParameterNames(new GraphOnly()));
        Assert.Equal(
        [
            .. ChangeAnalysis, "Registry", "Builder", "Parallelism", "FailFast", "Retries", "Platform", "Push", "Tags", "Cache", "CacheDir",
            "CacheRef", "Report", .. Shared, "Force", "DockerfilesDir", "RuntimeImage", "GoImage", "GoCache",
        ], ParameterNames(new ChangedOnly()));
        Assert.Equal(["Registry", "Builder", .. Shared, "DockerfilesDir", "RuntimeImage", "GoImage"], ParameterNames(new DebugOnly()));
        Assert.Equal(["Builder", "Platform", .. Shared, "GoImage", "GoCache"], ParameterNames(new GoCacheOnly()));
        Assert.Equal(
        [
            "CiProvider", "GithubWorkflowFile", "GitlabPipelineFile", "CiMainBranch", "CiCheck", "AffectedJson", "ChildPipeline", "ReportsDir",
            "ExpectServices", .. Shared,
        ], ParameterNames(new CiOnly()));
        Assert.Equal(37, ParameterNames(new Default()).Count);
    }

    [Fact]
    public async Task Help_of_a_partial_build_lists_only_its_components_parameters()
    {
        var run = await RunAsync(new GraphAndAffected(), "--help");
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var parameters = run.Output.ReplaceLineEndings("\n").Split("\n\n").Single(block => block.StartsWith("Parameters"));
        Assert.Equal(
        [
            "--base", "--head", "--granularity", "--output", "--format", "--global-files", "--missing-base", "--deepen-limit",
            "--monorepo", "--services", "--only",
        ], parameters.Split('\n').Skip(1).Where(line => line.StartsWith("  --")).Select(line => line.Trim().Split(' ')[0]));
        Assert.Contains("env DEEPEN_LIMIT; default 1000", parameters);
        Assert.DoesNotContain("--registry", run.Output);
        Assert.DoesNotContain("--ci-provider", run.Output);
    }

    [Fact]
    public async Task A_partial_build_rejects_a_parameter_of_a_component_it_did_not_compose_as_any_unknown_option()
    {
        var cli = await RunAsync(new GraphAndAffected(), "Graph", "--plan", "--registry", "r.example");
        Assert.Equal(ExitCodes.Usage, cli.ExitCode);
        Assert.Contains("Unknown option '--registry'.", cli.Error);
        Assert.Contains("Run with --help to list the parameters.", cli.Error);

        File.WriteAllText(Path.Combine(root.Path, ".nuke", "parameters.json"), """{ "Base": "HEAD~1", "Registry": "r.example" }""");
        var file = await RunAsync(new GraphAndAffected(), "Graph", "--plan");
        Assert.Equal(ExitCodes.Usage, file.ExitCode);
        Assert.Contains("unknown parameter \"Registry\"", file.Error);

        // The same file is a valid one for the default build, which composes the component that reads it.
        var all = await RunAsync(new Default(), "Graph", "--plan");
        Assert.True(all.ExitCode == 0, all.Output + all.Error);
    }

    [Fact]
    public async Task A_components_required_parameter_is_named_by_its_spellings_in_a_partial_build()
    {
        var run = await RunAsync(new GoCacheOnly(), "SeedGoCache");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("parameter 'GoCache' has no value: pass --go-cache <value>, set the environment variable GO_CACHE", run.Error);
    }

    [Fact]
    public async Task A_partial_builds_parameter_reaches_the_property_the_frameworks_work_reads()
    {
        var build = new GraphAndAffected();
        var run = await RunAsync(build, "Affected", "--plan", "--base", "HEAD~2", "--granularity", "module", "--format", "matrix");
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Equal("HEAD~2", build.Base);
        Assert.Equal(GoMonorepoBuild.Affected.Granularity.Module, build.Granularity);
        Assert.Equal(GoMonorepoBuild.Affected.AffectedFormat.Matrix, build.Format);
    }
}
