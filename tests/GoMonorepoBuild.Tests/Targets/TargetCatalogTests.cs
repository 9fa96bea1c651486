using GoMonorepoBuild.Targets;

namespace GoMonorepoBuild.Tests.Targets;

public class TargetCatalogTests
{
    abstract class BaseBuild : BuildBase
    {
        public int FactoryCalls;

        protected Target Restore => _ => _.Description("restores").Executes(() => { });
        protected virtual Target Compile => _ => _.DependsOn(Restore).Executes(() => { });
        Target Private => _ => _.Unlisted();
    }

    class Build : BaseBuild
    {
        [Parameter] public string? Registry { get; set; }

        protected override Target Compile => _ =>
        {
            FactoryCalls++;
            return _.DependsOn(Restore).Executes(() => throw new InvalidOperationException("factories must not run actions"));
        };

        Target Test => _ => _.DependentFor(Publish).Before(Publish).TriggeredBy(Compile).Requires(() => Registry);
        public Target Publish => _ => _.DependsOn(Compile);
    }

    static IReadOnlyList<ExecutableTarget> Catalog(BuildBase build) =>
        TargetCatalog.Create(build, ParameterDescriptor.Discover(build.GetType()));

    [Fact]
    public void Targets_of_any_visibility_anywhere_in_the_hierarchy_are_found_and_an_override_counts_once()
    {
        var targets = Catalog(new Build());
        Assert.Equal(["Restore", "Private", "Compile", "Test", "Publish"], targets.Select(t => t.Name));
        Assert.Equal("restores", targets[0].Description);
        Assert.False(targets.Single(t => t.Name == "Private").Listed);
    }

    [Fact]
    public void Each_factory_runs_once_and_actions_are_not_run()
    {
        var build = new Build();
        var targets = Catalog(build);
        Assert.Equal(1, build.FactoryCalls);
        Assert.Single(targets.Single(t => t.Name == "Compile").Actions);
    }

    [Fact]
    public void Inverse_dependencies_are_normalised_onto_the_other_target()
    {
        var targets = Catalog(new Build()).ToDictionary(t => t.Name);
        Assert.Equal(["Compile", "Test"], targets["Publish"].DependsOn);
        Assert.Equal(["Test"], targets["Publish"].After);
        Assert.Equal(["Test"], targets["Compile"].Triggers);
    }

    [Fact]
    public void A_requirement_knows_its_parameter()
    {
        var build = new Build();
        var requirement = Catalog(build).Single(t => t.Name == "Test").Requirements.Single();
        Assert.True(requirement.IsMissing);
        Assert.Contains("--registry", requirement.Describe());
        Assert.Contains("REGISTRY", requirement.Describe());
        build.Registry = "localhost:5000";
        Assert.False(requirement.IsMissing);
    }

    class SelfDependent : BuildBase
    {
        Target Loop => _ => _.DependsOn(Loop);
    }

    [Fact]
    public void A_target_depending_on_itself_is_an_error()
    {
        var e = Assert.Throws<UsageException>(() => Catalog(new SelfDependent()));
        Assert.Contains("'Loop' depends on itself", e.Message);
    }

    class Hiding : BuildBase
    {
        public Target Deploy => _ => _.Executes(() => { });
    }

    class HidingAgain : Hiding
    {
        public new Target Deploy => _ => _.Executes(() => { });
    }

    class CaseClash : BuildBase
    {
        Target Deploy => _ => _;
        Target DEPLOY => _ => _;
    }

    [Fact]
    public void Two_targets_with_one_name_are_an_error()
    {
        Assert.Contains("Hiding.Deploy and HidingAgain.Deploy", Assert.Throws<UsageException>(() => Catalog(new HidingAgain())).Message
            .Replace("HidingAgain.Deploy and Hiding.Deploy", "Hiding.Deploy and HidingAgain.Deploy"));
        Assert.Contains("share the name", Assert.Throws<UsageException>(() => Catalog(new CaseClash())).Message);
    }
}
