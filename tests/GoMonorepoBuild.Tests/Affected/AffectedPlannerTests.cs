using GoMonorepoBuild.Affected;
using GoMonorepoBuild.Changes;
using GoMonorepoBuild.Tests.Changes;
using GoMonorepoBuild.Workspace;

namespace GoMonorepoBuild.Tests.Affected;

/// <summary>The planner alone: files and models in, result out; no git involved.</summary>
public class AffectedPlannerTests : IDisposable
{
    readonly TestRepository folder = SampleMonorepo.WriteTo(new TestRepository());
    readonly GoWorkspace model;

    public AffectedPlannerTests() => model = GoWorkspace.Load(folder.Root, ["services/*"]);

    public void Dispose() => folder.Dispose();

    static GoWorkspace NoBase() => throw new Xunit.Sdk.XunitException("the base model must not be loaded for this change");

    [Fact]
    public void An_edit_the_head_model_explains_never_loads_the_base_model()
    {
        var result = AffectedPlanner.Plan([ChangedFile.Modified("libs/auth/auth.go"), ChangedFile.Modified("libs/auth/README.md")], [],
            model, NoBase, AffectedOptions.Default);
        Assert.Equal(["orders"], result.Names());
        Assert.Equal(["libs/auth/README.md", "libs/auth/auth.go"], result.ChangedFiles);
    }

    [Fact]
    public void A_deleted_file_asks_the_base_model_once_and_without_one_falls_back_to_its_module()
    {
        var calls = 0;
        var result = AffectedPlanner.Plan([ChangedFile.Deleted("libs/util/gone.go"), ChangedFile.Deleted("libs/util/gone2.go")], [], model,
            () => { calls++; return null; }, AffectedOptions.Default);
        Assert.Equal(1, calls);
        Assert.Equal(["payments"], result.Names());
    }

    [Fact]
    public void Global_patterns_are_configurable()
    {
        var options = AffectedOptions.Default.WithGlobals(GlobalPatterns.Default with { Monorepo = ["tools/*.yaml"] });
        var result = AffectedPlanner.Plan([ChangedFile.Added("tools/lint.yaml")], [], model, NoBase, options);
        Assert.Equal(["orders", "payments", "web"], result.Names());
        Assert.Empty(result.IgnoredFiles);
    }

    [Fact]
    public void The_JSON_keeps_the_contract_field_names_and_a_null_fallback()
    {
        var result = AffectedPlanner.Plan([ChangedFile.Modified("services/web/main.go")], [], model, NoBase, AffectedOptions.Default)
            .WithRevisions("abc", "Explicit: abc (--base)", ChangeSet.WorkTree);
        var json = AffectedJson.Serialize(result);
        foreach (var field in new[] { "\"base\": \"abc\"", "\"head\": \"WORKTREE\"", "\"changedFiles\"", "\"services\"", "\"reasons\"", "\"kind\": \"FileChanged\"",
                     "\"detail\"", "\"chain\"", "\"ignoredFiles\"", "\"fallback\": null" })
            Assert.Contains(field, json);
    }
}
