using GoMonorepoBuild.Targets;

namespace GoMonorepoBuild.Tests.Targets;

public class SkipRulesTests
{
    static ExecutableTarget T(string name) => new(name);

    static Dictionary<string, string?> Skips(IReadOnlyList<ExecutableTarget> targets, string[] invoked, string[]? skip,
        params string[] falseStaticConditions)
    {
        var plan = ExecutionPlanner.Plan(targets, invoked, []);
        var applied = SkipRules.Apply(plan, targets, skip, t => !falseStaticConditions.Contains(t.Name));
        return applied.Targets.ToDictionary(t => t.Name, t => t.SkipReason);
    }

    // Publish -> Pack -> Compile -> Restore, and Test -> Compile.
    static readonly ExecutableTarget[] Graph =
    [
        T("Restore"), T("Compile").WithDependsOn("Restore"), T("Test").WithDependsOn("Compile"),
        T("Pack").WithDependsOn("Compile"), T("Publish").WithDependsOn("Pack", "Test"),
    ];

    [Fact]
    public void A_bare_skip_skips_every_target_that_was_not_invoked()
    {
        var skips = Skips(Graph, ["Publish", "Pack"], []);
        Assert.Null(skips["Publish"]);
        Assert.Null(skips["Pack"]);
        Assert.Equal("--skip", skips["Compile"]);
        Assert.Equal("--skip", skips["Test"]);
        Assert.Equal("--skip", skips["Restore"]);
    }

    [Fact]
    public void A_named_skip_skips_that_target_and_the_dependencies_only_it_needs()
    {
        var skips = Skips(Graph, ["Publish"], ["test"]);
        Assert.Equal("--skip", skips["Test"]);
        Assert.Null(skips["Compile"]); // Pack still needs it
        Assert.Null(skips["Restore"]);

        ExecutableTarget[] chain = [T("Restore"), T("Compile").WithDependsOn("Restore"), T("Pack").WithDependsOn("Compile")];
        var chained = Skips(chain, ["Pack"], ["Compile"]);
        Assert.Equal("--skip", chained["Compile"]);
        Assert.Equal("Compile is skipped", chained["Restore"]);
    }

    [Fact]
    public void An_invoked_target_is_never_skipped_by_skip()
    {
        var skips = Skips(Graph, ["Pack"], ["Pack"]);
        Assert.Null(skips["Pack"]);
    }

    [Fact]
    public void A_false_static_condition_skips_the_target_and_cascades_to_its_dependencies()
    {
        var skips = Skips(Graph, ["Pack"], null, "Pack");
        Assert.Equal("condition is false", skips["Pack"]);
        Assert.Equal("Pack is skipped", skips["Compile"]);
        Assert.Equal("Compile is skipped", skips["Restore"]);
    }

    [Fact]
    public void WhenSkipped_Execute_keeps_the_dependencies_running()
    {
        var targets = Graph.Select(t => t.Name == "Pack" ? t.WithWhenSkipped(DependencyBehavior.Execute) : t).ToList();
        var skips = Skips(targets, ["Pack"], null, "Pack");
        Assert.Equal("condition is false", skips["Pack"]);
        Assert.Null(skips["Compile"]);
        Assert.Null(skips["Restore"]);
    }

    [Fact]
    public void A_skipped_target_also_skips_the_targets_it_triggers()
    {
        ExecutableTarget[] targets = [T("Build").WithTriggers("Notify"), T("Notify")];
        var skips = Skips(targets, ["Build"], null, "Build");
        Assert.Equal("Build is skipped", skips["Notify"]);
    }

    [Fact]
    public void Skipping_an_unknown_target_is_a_usage_error()
    {
        var e = Assert.Throws<UsageException>(() => Skips(Graph, ["Publish"], ["Tset"]));
        Assert.Contains("Did you mean 'Test'?", e.Message);
    }

    [Fact]
    public void Static_conditions_of_targets_skipped_by_skip_are_not_evaluated()
    {
        var evaluated = new List<string>();
        var plan = ExecutionPlanner.Plan(Graph, ["Pack"], []);
        SkipRules.Apply(plan, Graph, [], t =>
        {
            evaluated.Add(t.Name);
            return true;
        });
        Assert.Equal(["Pack"], evaluated);
    }
}
