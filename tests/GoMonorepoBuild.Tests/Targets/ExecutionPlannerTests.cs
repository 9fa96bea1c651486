using GoMonorepoBuild.Targets;

namespace GoMonorepoBuild.Tests.Targets;

public class ExecutionPlannerTests
{
    static ExecutableTarget T(string name) => new(name);

    static string[] Plan(IReadOnlyList<ExecutableTarget> targets, params string[] invoked) =>
        [.. ExecutionPlanner.Plan(targets, invoked, []).Names];

    [Fact]
    public void Execution_dependencies_are_pulled_in_and_run_first()
    {
        ExecutableTarget[] targets = [T("Publish").WithDependsOn("Pack"), T("Pack").WithDependsOn("Compile"), T("Compile"), T("Unrelated")];
        Assert.Equal(["Compile", "Pack", "Publish"], Plan(targets, "Publish"));
    }

    [Fact]
    public void Order_dependencies_only_order_and_never_pull_a_target_in()
    {
        ExecutableTarget[] targets = [T("Test").WithAfter("Compile"), T("Compile")];
        Assert.Equal(["Test"], Plan(targets, "Test"));
        Assert.Equal(["Compile", "Test"], Plan(targets, "Test", "Compile"));
    }

    [Fact]
    public void Triggers_add_targets_after_the_trigger_until_the_closure_stops_growing()
    {
        ExecutableTarget[] targets =
        [
            T("Notify"), T("Report").WithTriggers("Notify"), T("Build").WithTriggers("Report"),
            T("Cleanup").WithDependsOn("Restore"), T("Restore"), T("Deploy").WithTriggers("Cleanup"),
        ];
        Assert.Equal(["Build", "Report", "Notify"], Plan(targets, "Build"));
        Assert.Equal(["Restore", "Deploy", "Cleanup"], Plan(targets, "Deploy"));
    }

    [Fact]
    public void Each_target_says_why_it_is_in_the_plan()
    {
        ExecutableTarget[] targets = [T("A").WithDependsOn("B").WithTriggers("C"), T("B"), T("C")];
        var plan = ExecutionPlanner.Plan(targets, ["a"], []);
        Assert.Equal("invoked", plan.Find("A")!.Reason.ToString());
        Assert.Equal("dependency of A", plan.Find("B")!.Reason.ToString());
        Assert.Equal("triggered by A", plan.Find("C")!.Reason.ToString());
    }

    [Fact]
    public void Without_invoked_targets_the_default_targets_run()
    {
        ExecutableTarget[] targets = [T("Compile"), T("Test").WithDependsOn("Compile")];
        var plan = ExecutionPlanner.Plan(targets, [], ["Test"]);
        Assert.Equal(["Compile", "Test"], plan.Names);
        Assert.Equal(PlanReasonKind.Default, plan.Find("Test")!.Reason.Kind);
    }

    [Fact]
    public void Independent_targets_run_in_the_order_they_were_named()
    {
        ExecutableTarget[] targets = [T("Zeta"), T("Alpha"), T("Mid").WithDependsOn("Base"), T("Base")];
        Assert.Equal(["Base", "Mid", "Alpha", "Zeta"], Plan(targets, "Mid", "Alpha", "Zeta"));
        Assert.Equal(["Zeta", "Alpha", "Base", "Mid"], Plan(targets, "Zeta", "Alpha", "Mid"));
    }

    [Fact]
    public void Targets_a_default_brings_in_run_in_declaration_order()
    {
        ExecutableTarget[] targets = [T("Lint"), T("Compile"), T("All").WithDependsOn("Compile", "Lint")];
        Assert.Equal(["Lint", "Compile", "All"], ExecutionPlanner.Plan(targets, [], ["All"]).Names);
    }

    [Theory]
    [InlineData("build-changed")]
    [InlineData("BUILDCHANGED")]
    [InlineData("buildChanged")]
    [InlineData("Build-Changed")]
    public void Target_names_match_case_insensitively_with_or_without_dashes(string typed)
    {
        Assert.Equal(["BuildChanged"], Plan([T("BuildChanged")], typed));
    }

    [Fact]
    public void An_unknown_target_lists_the_targets_and_the_closest_match()
    {
        ExecutableTarget[] targets = [T("Compile"), T("BuildChanged"), T("Hidden") with { Listed = false }];
        var e = Assert.Throws<UsageException>(() => Plan(targets, "BuildChanegd"));
        Assert.Contains("There is no target 'BuildChanegd'", e.Message);
        Assert.Contains("Did you mean 'BuildChanged'?", e.Message);
        Assert.Contains("Targets: Compile, BuildChanged.", e.Message);
    }

    [Fact]
    public void A_cycle_fails_printing_its_path()
    {
        ExecutableTarget[] targets = [T("A").WithDependsOn("B"), T("B").WithDependsOn("C"), T("C").WithDependsOn("A"), T("D")];
        var e = Assert.Throws<UsageException>(() => Plan(targets, "D"));
        Assert.Contains("A -> B -> C -> A", e.Message);
    }

    [Fact]
    public void A_cycle_through_order_and_trigger_dependencies_fails_too()
    {
        ExecutableTarget[] targets = [T("A").WithAfter("B"), T("B").WithTriggers("A")];
        // A runs after B (order) while B triggers A: fine. Adding "B after A" closes the loop.
        Assert.Equal(["B", "A"], Plan(targets, "B"));
        // B runs after A (trigger), A after C (order), C after B (execution): no order satisfies all three.
        ExecutableTarget[] cyclic = [T("A").WithTriggers("B").WithAfter("C"), T("B"), T("C").WithDependsOn("B")];
        var e = Assert.Throws<UsageException>(() => Plan(cyclic, "A"));
        Assert.Contains("A -> C -> B -> A", e.Message);
    }
}
