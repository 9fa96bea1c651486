using GoMonorepoBuild.Targets;
using GoMonorepoBuild.Tests.Affected;
using GoMonorepoBuild.Tests.Changes;
using GoMonorepoBuild.Tests.Support;
using GoMonorepoBuild.Tests.Targets;

namespace GoMonorepoBuild.Tests.Setup;

/// <summary>
/// A user's build as the template shows it: one standard target overridden (extending the framework's with base.X),
/// one target of its own, and a component of its own; the other standard targets still resolve their dependencies.
/// </summary>
public class OverridingTargetsTests : IDisposable
{
    interface IGreeting : IBuild
    {
        [Parameter("Who to greet")]
        string Greetee => ParameterValue<string>(nameof(Greetee)) ?? "monorepo";

        Target Greet => _ => _.Description("Greet").Executes(() => Log.Information($"Hello, {Greetee}"));
    }

    sealed class UserBuild : MonorepoBuild, IGreeting
    {
        public readonly List<string> Ran = [];

        public override Target Graph => _ => base.Graph(_)
            .Executes(() => Ran.Add("after the framework's Graph: " + File.Exists(Path.Combine(GraphDirectory, "workspace.json"))));

        Target ListServices => _ => _
            .Description("Print the services this build knows")
            .DependsOn(Graph, this.From<IGreeting>().Greet)
            .Executes(() => Ran.Add(string.Join(",", Workspace.Services.Select(s => s.Name))));

        public override Target GenerateDockerfiles => _ => _.Description("mine").Executes(() => Ran.Add("my Dockerfiles"));

        protected override IReadOnlyDictionary<string, string?> CiVariables() => new Dictionary<string, string?>();
    }

    readonly TestRepository repo = new();

    public OverridingTargetsTests()
    {
        SampleMonorepo.WriteTo(repo, prefix: "go").Write(".nuke/parameters.json", "{}\n");
        repo.Commit("base");
    }

    public void Dispose() => repo.Dispose();

    static Dictionary<string, ExecutableTarget> Catalog(BuildBase build) =>
        TargetCatalog.Create(build, ParameterDescriptor.Discover(build.GetType())).ToDictionary(t => t.Name);

    [Fact]
    public async Task An_overridden_standard_target_does_the_frameworks_work_then_the_users_and_the_users_own_targets_run_after_it()
    {
        var build = new UserBuild();
        var run = await InProcessBuild.RunAsync(build, repo.Root, ["ListServices", "--monorepo", "go", "--services", "services/*", "--greetee", "tests"]);

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Equal(["after the framework's Graph: True", "orders,payments,web"], build.Ran);
        Assert.Contains("Hello, tests", run.Output);
        Assert.Matches(@"\| Graph +\| Succeeded", run.Output);
    }

    [Fact]
    public void An_override_keeps_the_frameworks_description_and_its_dependents_still_depend_on_it()
    {
        var targets = Catalog(new UserBuild());

        Assert.Single(targets.Keys, name => name == "Graph");
        Assert.Equal(2, targets["Graph"].Actions.Length);
        Assert.StartsWith("Print the services and the local modules", targets["Graph"].Description);
        Assert.Equal("mine", targets["GenerateDockerfiles"].Description);
        Assert.Contains("GenerateDockerfiles", targets["BuildDebugImage"].DependsOn);
        Assert.Equal(["Graph", "Greet"], targets["ListServices"].DependsOn);
        Assert.Contains("Greet", targets.Keys);
    }

    [Fact]
    public async Task This_repositorys_own_build_overrides_StopEngine_to_run_after_its_tests()
    {
        using var build = new RealBuild();
        // Named first, StopEngine would run first: build/Build.cs's override orders it after Test.
        var plan = await build.RunAsync("StopEngine", "Test", "--plan");

        Assert.True(plan.ExitCode == 0, plan.StandardOutput + plan.StandardError);
        var order = plan.StandardOutput.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0 && char.IsDigit(line[0]))
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]).ToList();
        Assert.True(order.IndexOf("Test") >= 0 && order.IndexOf("Test") < order.IndexOf("StopEngine"), string.Join(", ", order));
    }
}
