using System.Reflection;
using NetArchTest.Rules;

namespace GoMonorepoBuild.Tests.Architecture;

/// <summary>
/// docs/architecture.md's dependency rules, enforced: a stage uses only the stages above it, never those below,
/// and the libraries that talk to git, processes and the engine stay in the stages named for them.
/// </summary>
public class StageDependencyTests
{
    static readonly Assembly Framework = typeof(MonorepoBuild).Assembly;

    /// <summary>The stages, top to bottom, as docs/architecture.md lists them.</summary>
    public static readonly string[] Stages =
    [
        "Targets", "Files", "Processes", "Engine", "Workspace", "Changes", "Affected", "Inputs",
        "Dockerfiles", "Buildx", "Building", "Reports", "GoCache", "Ci", "Pipeline", "Docs",
    ];

    public static TheoryData<string> EachStage() => new(Stages);

    [Theory]
    [MemberData(nameof(EachStage))]
    public void A_stage_uses_no_stage_below_it(string stage)
    {
        var below = Stages.SkipWhile(s => s != stage).Skip(1).Select(Namespace).ToArray();
        if (below.Length == 0) return;
        AssertNone(InStage(stage).Should().NotHaveDependencyOnAny(below), $"{stage} must not use the stages below it");
    }

    [Theory]
    [MemberData(nameof(EachStage))]
    public void No_stage_reaches_back_into_the_facade(string stage)
    {
        if (stage == "Docs") return; // The reference docs are generated from the facade's targets and parameters.
        // BuildDecision stays in the root namespace for the public API; it is the decisions' data, not the facade.
        var facade = Framework.GetTypes().Where(t => t.Namespace == "GoMonorepoBuild" && t != typeof(BuildDecision)).Select(t => t.FullName!).ToArray();
        AssertNone(InStage(stage).Should().NotHaveDependencyOnAny(facade), $"{stage} must not use MonorepoBuild (the facade wires stages, not the other way)");
    }

    [Fact]
    public void The_targets_engine_knows_nothing_of_Go_git_or_Docker() =>
        AssertNone(InStage("Targets").Should().NotHaveDependencyOnAny("LibGit2Sharp", "CliWrap", "Docker.DotNet"),
            "Targets must not talk to git, processes or the engine");

    [Fact]
    public void The_workspace_model_knows_nothing_of_git_or_Docker() =>
        AssertNone(InStage("Workspace").Should().NotHaveDependencyOnAny("LibGit2Sharp", "CliWrap", "Docker.DotNet"),
            "Workspace is computed from a file tree");

    [Fact]
    public void Only_the_git_stages_open_repositories() =>
        AssertNone(
            Types.InAssembly(Framework).That().HaveDependencyOnAny("LibGit2Sharp")
                .And().DoNotResideInNamespaceMatching(@"^GoMonorepoBuild\.(Changes|Inputs|Affected)$")
                .Should().NotHaveDependencyOnAny("LibGit2Sharp"),
            "LibGit2Sharp belongs to Changes (and Inputs' index digests, Affected's revision models); the facade asks the run's " +
            "repository (Changes/RunRepository), never git itself. Who opens repositories: RepositoryOpeningTests");

    [Fact]
    public void Every_process_goes_through_Tool() =>
        AssertNone(
            Types.InAssembly(Framework).That().DoNotResideInNamespace(Namespace("Processes"))
                .Should().NotHaveDependencyOnAny("CliWrap"),
            "external processes are started by Processes/Tool (cancellable, failures name the command)");

    [Fact]
    public void Only_the_engine_stages_talk_to_the_engine_API() =>
        AssertNone(
            Types.InAssembly(Framework).That().DoNotResideInNamespaceMatching(@"^GoMonorepoBuild\.(Engine|Buildx)(\..*)?$")
                .Should().NotHaveDependencyOnAny("Docker.DotNet"),
            "the engine's API is Engine's and Buildx's");

    [Fact]
    public void The_framework_never_references_the_repositorys_own_build() =>
        Assert.DoesNotContain(Framework.GetReferencedAssemblies(), a => a.Name == "_build");

    [Fact]
    public void The_rules_see_real_dependencies()
    {
        // A rule that cannot fail is no rule: the matcher must find a dependency that is there (Reports reads Buildx's steps).
        var result = InStage("Reports").Should().NotHaveDependencyOnAny(Namespace("Buildx")).GetResult();
        Assert.False(result.IsSuccessful);
    }

    static string Namespace(string stage) => $"GoMonorepoBuild.{stage}";

    static PredicateList InStage(string stage) =>
        Types.InAssembly(Framework).That().ResideInNamespaceMatching($@"^GoMonorepoBuild\.{stage}(\..*)?$");

    static void AssertNone(ConditionList rule, string what)
    {
        var result = rule.GetResult();
        if (result.IsSuccessful) return;
        var offenders = result.FailingTypes.Select(t => $"  {t.FullName}: {t.Explanation}");
        Assert.Fail($"{what}; broken by:\n{string.Join("\n", offenders)}");
    }
}
