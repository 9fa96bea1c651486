using System.Text.Json;
using GoMonorepoBuild.Targets;
using GoMonorepoBuild.Tests.Changes;
using GoMonorepoBuild.Tests.Targets;

namespace GoMonorepoBuild.Tests.Affected;

public class AffectedTargetTests : IDisposable
{
    sealed class AffectedBuild : MonorepoBuild
    {
        protected override IReadOnlyDictionary<string, string?> CiVariables() => new Dictionary<string, string?>();
    }

    readonly TestRepository repo = new();
    readonly string baseSha;

    public AffectedTargetTests()
    {
        SampleMonorepo.WriteTo(repo, prefix: "go").Write(".nuke/parameters.json", "{}\n");
        baseSha = repo.Commit("base");
    }

    public void Dispose() => repo.Dispose();

    Task<InProcessBuild> Run(params string[] args) => InProcessBuild.RunAsync(new AffectedBuild(), repo.Root, ["Affected", "--monorepo", "go", .. args]);

    [Fact]
    public async Task Affected_writes_the_JSON_contract_that_CI_pipelines_read()
    {
        repo.Write("go/libs/auth/token.go", "package auth\n\nfunc Token() string { return \"x\" }\n")
            .Write("go/libs/auth/README.md", "docs\n");
        var run = await Run("--base", baseSha, "--output", "out/affected.json");

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Contains("orders", run.Output);
        Assert.Contains("1 ignored", run.Output);
        using var json = JsonDocument.Parse(File.ReadAllText(repo.Full("out/affected.json")));
        var root = json.RootElement;
        Assert.Equal(baseSha, root.GetProperty("base").GetString());
        Assert.Equal("WORKTREE", root.GetProperty("head").GetString());
        Assert.Equal(["libs/auth/README.md", "libs/auth/token.go"], root.GetProperty("changedFiles").EnumerateArray().Select(e => e.GetString()));
        var service = Assert.Single(root.GetProperty("services").EnumerateArray());
        Assert.Equal("orders", service.GetProperty("name").GetString());
        Assert.Equal("services/orders", service.GetProperty("path").GetString());
        var reason = service.GetProperty("reasons")[0];
        Assert.Equal("DependencyChanged", reason.GetProperty("kind").GetString());
        Assert.False(string.IsNullOrEmpty(reason.GetProperty("detail").GetString()));
        Assert.Equal("libs/auth/token.go", reason.GetProperty("chain")[0].GetString());
        var ignored = Assert.Single(root.GetProperty("ignoredFiles").EnumerateArray());
        Assert.Equal("libs/auth/README.md", ignored.GetProperty("path").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("fallback").ValueKind);
    }

    [Fact]
    public async Task Matrix_format_writes_the_CI_matrix_of_affected_services()
    {
        repo.Write("go/libs/util/util.go", "package util\n\nfunc Do() { }\n");
        var run = await Run("--base", baseSha, "--output", "matrix.json", "--format", "matrix");
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Equal("""{"include":[{"service":"payments","path":"services/payments"}]}""", File.ReadAllText(repo.Full("matrix.json")).Trim());
    }

    [Fact]
    public async Task Nothing_affected_is_still_a_success_with_an_empty_matrix()
    {
        var run = await Run("--base", baseSha, "--output", "matrix.json", "--format", "matrix");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("""{"include":[]}""", File.ReadAllText(repo.Full("matrix.json")).Trim());
    }

    [Fact]
    public async Task An_unknown_base_fails_with_a_message_naming_it()
    {
        var run = await Run("--base", "no-such-branch");
        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
        Assert.Contains("no-such-branch", run.Output + run.Error);
        Assert.Contains("git fetch origin no-such-branch", run.Output + run.Error);
    }

    [Fact]
    public async Task An_unknown_granularity_is_a_usage_error()
    {
        var run = await Run("--base", baseSha, "--granularity", "file");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("granularity", run.Output + run.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_change_to_the_build_itself_affects_every_service()
    {
        repo.Write(".nuke/parameters.json", "{ }\n");
        var run = await Run("--base", baseSha, "--output", "affected.json");
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        using var json = JsonDocument.Parse(File.ReadAllText(repo.Full("affected.json")));
        Assert.Equal(3, json.RootElement.GetProperty("services").GetArrayLength());
        Assert.Equal("GlobalFile", json.RootElement.GetProperty("services")[0].GetProperty("reasons")[0].GetProperty("kind").GetString());
    }
}
