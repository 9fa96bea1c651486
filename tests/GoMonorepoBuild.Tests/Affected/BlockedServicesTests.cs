using System.Text.Json;
using GoMonorepoBuild.Targets;
using GoMonorepoBuild.Tests.Changes;
using GoMonorepoBuild.Tests.Targets;

namespace GoMonorepoBuild.Tests.Affected;

/// <summary>
/// Issue 15 item 4: a problem blocks only the services it reaches. Affected analyses the others, lists the blocked
/// ones in the JSON's blockedServices with their problem, and fails only when the changes may reach a blocked one.
/// </summary>
public class BlockedServicesTests : IDisposable
{
    sealed class AffectedBuild : MonorepoBuild
    {
        protected override IReadOnlyDictionary<string, string?> CiVariables() => new Dictionary<string, string?>();
    }

    const string BrokenUtilMod = "module example.com/libs/util\n\ngo 1.23\n\nrequire example.com/x\n";

    readonly TestRepository repo = new();
    readonly string baseSha;

    public BlockedServicesTests()
    {
        // libs/util's go.mod is broken (a require without a version): payments depends on it; orders and web do not.
        SampleMonorepo.WriteTo(repo, prefix: "go").Write("go/libs/util/go.mod", BrokenUtilMod).Write(".nuke/parameters.json", "{}\n");
        baseSha = repo.Commit("base with a broken libs/util");
    }

    public void Dispose() => repo.Dispose();

    Task<InProcessBuild> Run(params string[] args) => InProcessBuild.RunAsync(new AffectedBuild(), repo.Root, ["Affected", "--monorepo", "go", .. args]);

    static JsonElement Blocked(JsonElement root) => Assert.Single(root.GetProperty("blockedServices").EnumerateArray());

    [Fact]
    public async Task A_change_for_a_healthy_service_is_analysed_and_the_blocked_service_it_does_not_reach_is_listed_not_affected()
    {
        repo.Write("go/libs/auth/token.go", "package auth\n\nfunc Token() string { return \"changed\" }\n");

        var run = await Run("--base", baseSha, "--output", "out/affected.json");

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Contains("service payments (services/payments) is blocked", run.Output + run.Error);
        using var json = JsonDocument.Parse(File.ReadAllText(repo.Full("out/affected.json")));
        Assert.Equal("orders", Assert.Single(json.RootElement.GetProperty("services").EnumerateArray()).GetProperty("name").GetString());
        var blocked = Blocked(json.RootElement);
        Assert.Equal("payments", blocked.GetProperty("name").GetString());
        Assert.Equal("services/payments", blocked.GetProperty("path").GetString());
        Assert.Equal("libs/util/go.mod:5:1: usage: require module/path v1.2.3", blocked.GetProperty("problem").GetString());
        Assert.Equal("libs/util/go.mod:5:1: usage: require module/path v1.2.3", Assert.Single(blocked.GetProperty("problems").EnumerateArray()).GetString());
        Assert.False(blocked.GetProperty("affected").GetBoolean());
    }

    [Fact]
    public async Task A_change_that_may_reach_a_blocked_service_fails_the_run_after_writing_the_analysis_of_the_others()
    {
        repo.Write("go/libs/util/util.go", "package util\n\nfunc Do() { println() }\n")
            .Write("go/libs/auth/token.go", "package auth\n\nfunc Token() string { return \"changed\" }\n");

        var run = await Run("--base", baseSha, "--output", "out/affected.json");

        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
        var output = run.Output + run.Error;
        Assert.Contains("payments (services/payments) is blocked: libs/util/go.mod:5:1: usage: require module/path v1.2.3", output);
        Assert.Contains("the other services were analysed", output);
        using var json = JsonDocument.Parse(File.ReadAllText(repo.Full("out/affected.json")));
        Assert.Equal("orders", Assert.Single(json.RootElement.GetProperty("services").EnumerateArray()).GetProperty("name").GetString());
        Assert.True(Blocked(json.RootElement).GetProperty("affected").GetBoolean());
    }

    [Fact]
    public async Task Only_a_healthy_service_succeeds_although_a_change_reaches_a_blocked_one()
    {
        repo.Write("go/libs/util/util.go", "package util\n\nfunc Do() { println() }\n");

        var run = await Run("--base", baseSha, "--only", "orders", "--output", "matrix.json", "--format", "matrix");

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Equal("""{"include":[]}""", File.ReadAllText(repo.Full("matrix.json")).Trim());
    }

    [Fact]
    public async Task A_service_healthy_at_the_base_and_blocked_at_the_head_is_blocked_not_removed_and_its_files_are_not_ignored()
    {
        repo.Write("go/libs/util/go.mod", "module example.com/libs/util\n\ngo 1.23\n");
        var healthyBase = repo.Commit("fix libs/util");
        repo.Write("go/libs/util/go.mod", BrokenUtilMod).Delete("go/libs/util/util.go");

        var run = await Run("--base", healthyBase, "--output", "out/affected.json");

        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
        using var json = JsonDocument.Parse(File.ReadAllText(repo.Full("out/affected.json")));
        Assert.Empty(json.RootElement.GetProperty("removedServices").EnumerateArray());
        Assert.Empty(json.RootElement.GetProperty("ignoredFiles").EnumerateArray());
        Assert.True(Blocked(json.RootElement).GetProperty("affected").GetBoolean());
    }

    [Fact]
    public async Task Fixing_the_broken_go_mod_makes_the_service_affected_by_the_fix()
    {
        repo.Write("go/libs/util/go.mod", "module example.com/libs/util\n\ngo 1.23\n");

        var run = await Run("--base", baseSha, "--output", "out/affected.json");

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        using var json = JsonDocument.Parse(File.ReadAllText(repo.Full("out/affected.json")));
        Assert.Contains(json.RootElement.GetProperty("services").EnumerateArray(), s => s.GetProperty("name").GetString() == "payments");
        Assert.Empty(json.RootElement.GetProperty("blockedServices").EnumerateArray());
    }
}
