using GoMonorepoBuild.Targets;

namespace GoMonorepoBuild.Tests.Targets;

/// <summary>Targets as components: interfaces with default target properties that a build opts into and overrides.</summary>
public class ComponentTargetsTests : IDisposable
{
    /// <summary>What the targets of one build ran, in order: components have no state of their own to record it in.</summary>
    interface IRecorder : IBuild
    {
        List<string> Ran { get; }
    }

    interface IRestore : IRecorder
    {
        Target Restore => _ => _.Description("Restores").Executes(() => Ran.Add("Restore"));
    }

    interface ICompile : IRestore
    {
        [Parameter("The configuration to compile")]
        string Configuration => ParameterValue<string>(nameof(Configuration)) ?? "Debug";

        Target Compile => _ => _.DependsOn(Restore).Executes(() => Ran.Add("Compile " + Configuration));
    }

    interface IPublish : ICompile
    {
        [Parameter("Where packages go")]
        string? Feed => ParameterValue<string>(nameof(Feed));

        Target Publish => _ => _.DependsOn(Compile).Requires(() => Feed).Executes(() => Ran.Add("Publish to " + Feed));
    }

    abstract class Recording : BuildBase, IRecorder
    {
        public List<string> Ran { get; } = [];
    }

    class Composed : Recording, IPublish
    {
        Target Deploy => _ => _.DependsOn(this.From<IPublish>().Publish).Executes(() => Ran.Add("Deploy"));
    }

    class ExplicitOverride : Recording, IPublish
    {
        Target ICompile.Compile => _ => _.DependsOn(this.From<IRestore>().Restore).Executes(() => Ran.Add("my Compile"));
    }

    class PublicOverride : Recording, ICompile
    {
        public Target Restore => _ => _.Description("Restores offline").Executes(() => Ran.Add("offline Restore"));
    }

    interface IReleaseCompile : ICompile
    {
        Target ICompile.Compile => _ => _.DependsOn(Restore).Executes(() => Ran.Add("Compile Release"));
    }

    class ComponentOverride : Recording, IReleaseCompile;

    readonly TempFolder root = new();

    public ComponentTargetsTests() => Directory.CreateDirectory(Path.Combine(root.Path, ".nuke"));

    public void Dispose() => root.Dispose();

    static IReadOnlyList<ExecutableTarget> Catalog(BuildBase build) =>
        TargetCatalog.Create(build, ParameterDescriptor.Discover(build.GetType()));

    Task<InProcessBuild> RunAsync(BuildBase build, params string[] args) => InProcessBuild.RunAsync(build, root.Path, args);

    [Fact]
    public void A_components_targets_are_the_builds_base_components_first_then_its_own()
    {
        var targets = Catalog(new Composed());
        Assert.Equal(["Restore", "Compile", "Publish", "Deploy"], targets.Select(t => t.Name));
        Assert.Equal("Restores", targets[0].Description);
    }

    [Fact]
    public void A_component_target_depends_on_a_base_components_target_by_its_plain_name()
    {
        var targets = Catalog(new Composed()).ToDictionary(t => t.Name);
        Assert.Equal(["Restore"], targets["Compile"].DependsOn);
        Assert.Equal(["Compile"], targets["Publish"].DependsOn);
    }

    [Fact]
    public async Task The_build_reaches_a_components_target_with_From_and_runs_the_chain_in_order()
    {
        var build = new Composed();
        var result = await RunAsync(build, "Deploy", "--feed", "local");
        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Equal(["Restore", "Compile Debug", "Publish to local", "Deploy"], build.Ran);
    }

    [Fact]
    public async Task An_explicit_implementation_in_the_build_overrides_the_components_target_for_its_dependents_too()
    {
        var build = new ExplicitOverride();
        Assert.Single(Catalog(build), t => t.Name == "Compile");
        var result = await RunAsync(build, "Publish", "--feed", "local");
        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Equal(["Restore", "my Compile", "Publish to local"], build.Ran);
    }

    [Fact]
    public async Task A_public_target_of_the_same_name_in_the_build_overrides_the_components_target_and_counts_once()
    {
        var build = new PublicOverride();
        var targets = Catalog(build);
        // Listed where the class declares it: after the components' targets the class does not declare.
        Assert.Equal(["Compile", "Restore"], targets.Select(t => t.Name));
        Assert.Equal("Restores offline", targets[1].Description);
        var result = await RunAsync(build, "Compile");
        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Equal(["offline Restore", "Compile Debug"], build.Ran);
    }

    [Fact]
    public async Task A_derived_component_overrides_a_base_components_target()
    {
        var build = new ComponentOverride();
        Assert.Single(Catalog(build), t => t.Name == "Compile");
        var result = await RunAsync(build, "Compile");
        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Equal(["Restore", "Compile Release"], build.Ran);
    }

    class VirtualCompile : Recording, ICompile
    {
        public virtual Target Compile => _ => _.Executes(() => Ran.Add("base Compile"));
    }

    class DerivedCompile : VirtualCompile
    {
        public override Target Compile => _ => _.Executes(() => Ran.Add("derived Compile"));
    }

    [Fact]
    public async Task A_derived_class_overriding_the_virtual_target_that_implements_a_component_counts_once()
    {
        var build = new DerivedCompile();
        Assert.Equal(["Restore", "Compile"], Catalog(build).Select(t => t.Name));
        Assert.Equal(0, (await RunAsync(build, "Compile")).ExitCode);
        Assert.Equal(["derived Compile"], build.Ran);
    }

    interface IDockerDeploy : IBuild
    {
        Target Deploy => _ => _.Executes(() => { });
    }

    interface IHelmDeploy : IBuild
    {
        Target Deploy => _ => _.Executes(() => { });
    }

    class TwoDeploys : BuildBase, IDockerDeploy, IHelmDeploy;

    [Fact]
    public void Two_components_with_one_target_name_are_an_error_naming_both_and_the_way_out()
    {
        var e = Assert.Throws<UsageException>(() => Catalog(new TwoDeploys()));
        Assert.Contains("share the name 'Deploy'", e.Message);
        Assert.Contains("IDockerDeploy.Deploy", e.Message);
        Assert.Contains("IHelmDeploy.Deploy", e.Message);
        Assert.Contains("public Target Deploy", e.Message);
    }

    class OneDeploy : BuildBase, IDockerDeploy, IHelmDeploy
    {
        public readonly List<string> Ran = [];
        public Target Deploy => _ => _.Executes(() => Ran.Add("both"));
    }

    [Fact]
    public async Task A_public_build_target_implementing_both_components_is_one_target()
    {
        var build = new OneDeploy();
        Assert.Equal(["Deploy"], Catalog(build).Select(t => t.Name));
        Assert.Equal(0, (await RunAsync(build, "Deploy")).ExitCode);
        Assert.Equal(["both"], build.Ran);
    }

    class PrivateClash : BuildBase, IDockerDeploy
    {
        Target Deploy => _ => _.Executes(() => { });
    }

    [Fact]
    public void A_private_build_target_with_a_components_name_does_not_override_it_and_is_an_error()
    {
        var e = Assert.Throws<UsageException>(() => Catalog(new PrivateClash()));
        Assert.Contains("IDockerDeploy.Deploy and PrivateClash.Deploy", e.Message);
    }

    interface IPing : IBuild
    {
        Target Ping => _ => _.DependsOn(((IPong)this).Pong);
    }

    interface IPong : IBuild
    {
        Target Pong => _ => _.DependsOn(((IPing)this).Ping);
    }

    class PingPong : BuildBase, IPing, IPong;

    [Fact]
    public async Task A_cycle_through_components_is_reported_as_a_cycle()
    {
        var result = await RunAsync(new PingPong(), "Ping");
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("The targets form a cycle", result.Error);
    }

    [Fact]
    public async Task An_unknown_target_lists_the_components_targets_among_the_valid_names()
    {
        var result = await RunAsync(new Composed(), "Publsh");
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("Did you mean 'Publish'?", result.Error);
        Assert.Contains("Targets: Restore, Compile, Publish, Deploy.", result.Error);
    }

    [Fact]
    public async Task A_components_parameter_is_bound_from_the_command_line_and_the_environment_and_keeps_its_default_otherwise()
    {
        var fromCommandLine = new Composed();
        Assert.Equal(0, (await RunAsync(fromCommandLine, "Compile", "--configuration", "Release")).ExitCode);
        Assert.Equal("Compile Release", fromCommandLine.Ran[^1]);

        var fromEnvironment = new Composed();
        var environment = new Dictionary<string, string> { ["CONFIGURATION"] = "Profile" };
        Assert.Equal(0, (await InProcessBuild.RunAsync(fromEnvironment, root.Path, ["Compile"], environment)).ExitCode);
        Assert.Equal("Compile Profile", fromEnvironment.Ran[^1]);

        var unset = new Composed();
        Assert.Equal(0, (await RunAsync(unset, "Compile")).ExitCode);
        Assert.Equal("Compile Debug", unset.Ran[^1]);
    }

    [Fact]
    public async Task A_components_required_parameter_names_its_spellings_before_anything_runs()
    {
        var build = new Composed();
        var result = await RunAsync(build, "Publish");
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Empty(build.Ran);
        Assert.Contains("Publish requires parameter 'Feed'", result.Error);
        Assert.Contains("--feed", result.Error);
        Assert.Contains("FEED", result.Error);
    }

    [Fact]
    public async Task Help_lists_the_components_targets_and_parameters_with_their_defaults()
    {
        var result = await RunAsync(new Composed(), "--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Restores", result.Output);
        Assert.Contains("--configuration", result.Output);
        Assert.Contains("Debug", result.Output);
        Assert.Contains("--feed", result.Output);
    }

    interface IOtherFeed : IBuild
    {
        [Parameter] string? Feed => ParameterValue<string>(nameof(Feed));
    }

    class TwoFeeds : Recording, IPublish, IOtherFeed;

    [Fact]
    public void Two_components_with_one_parameter_name_are_an_error_naming_both()
    {
        var e = Assert.Throws<UsageException>(() => ParameterDescriptor.Discover(typeof(TwoFeeds)));
        Assert.Contains("both called 'Feed'", e.Message);
        Assert.Contains("IPublish.Feed", e.Message);
        Assert.Contains("IOtherFeed.Feed", e.Message);
    }

    interface ITagged : IBuild
    {
        [Parameter("A tag the class keeps")]
        string? Tag { get; set; }

        Target Stamp => _ => _.Requires(() => Tag).Executes(() => { });
    }

    class Tagged : BuildBase, ITagged
    {
        public string? Tag { get; set; }
    }

    [Fact]
    public async Task A_components_parameter_with_a_setter_is_set_on_the_class_that_implements_it()
    {
        var build = new Tagged();
        var result = await RunAsync(build, "Stamp", "--tag", "v1");
        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Equal("v1", build.Tag);
    }

    interface ILabelled : IBuild
    {
        [Parameter("A label the class keeps, read-only to the component")]
        string? Label { get; }

        Target Print => _ => _.Executes(() => { });
    }

    interface IAlsoTagged : IBuild
    {
        [Parameter("The same tag, declared by a second component")]
        string? Tag { get; set; }
    }

    /// <summary>The class implements the components' parameters with settable properties of its own, between its own parameters.</summary>
    class Holder : BuildBase, ILabelled, ITagged, IAlsoTagged
    {
        [Parameter("First")] public string? First { get; set; }
        public string? Label { get; set; }
        public string? Tag { get; set; }
        [Parameter("Last")] public string? Last { get; set; }
    }

    [Fact]
    public void A_components_parameter_the_class_implements_is_listed_once_where_the_class_declares_it()
    {
        var parameters = ParameterDescriptor.Discover(typeof(Holder));
        Assert.Equal(["First", "Label", "Tag", "Last"], parameters.Select(p => p.Name));
        // The first component's declaration describes it (components are read base first, then in the class's list).
        Assert.Equal("A label the class keeps, read-only to the component", parameters[1].Description);
        Assert.Equal(typeof(Holder), parameters[1].Member.DeclaringType);
    }

    [Fact]
    public async Task A_get_only_components_parameter_the_class_implements_with_a_setter_is_set_on_the_class()
    {
        var build = new Holder();
        var result = await RunAsync(build, "Print", "--label", "blue", "--tag", "v2");
        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Equal("blue", build.Label);
        Assert.Equal("blue", ((ILabelled)build).Label);
        Assert.Equal("v2", build.Tag);
    }

    [Fact]
    public async Task A_parameter_of_a_component_the_build_does_not_list_is_an_unknown_option()
    {
        var result = await RunAsync(new Tagged(), "Stamp", "--tag", "v1", "--label", "blue");
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("Unknown option '--label'.", result.Error);
    }

    [Fact]
    public void From_a_component_the_build_does_not_implement_says_so()
    {
        var e = Assert.Throws<UsageException>(() => new PublicOverride().From<IPublish>());
        Assert.Contains("PublicOverride does not implement IPublish", e.Message);
    }
}
