using GoMonorepoBuild.Affected;
using GoMonorepoBuild.Changes;
using GoMonorepoBuild.Tests.Affected;
using LibGit2Sharp;

namespace GoMonorepoBuild.Tests.Changes;

public class ShallowCloneTests : IDisposable
{
    readonly TestRepository origin = SampleMonorepo.WriteTo(new TestRepository());
    readonly string clone = Path.Combine(Path.GetTempPath(), "gmb-shallow-" + Guid.NewGuid().ToString("N")[..12]);
    readonly string baseSha;

    public ShallowCloneTests()
    {
        baseSha = origin.Commit("base");
        for (var i = 0; i < 5; i++) origin.Write("notes.txt", $"{i}\n").Commit($"n{i}");
        origin.Write("libs/auth/token.go", "package auth\n\nfunc Token() string { return \"v2\" }\n").Commit("token");
    }

    public void Dispose()
    {
        try { Directory.Delete(clone, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        origin.Dispose();
    }

    [Fact]
    public async Task A_shallow_clone_missing_the_base_is_deepened_until_the_base_is_there()
    {
        await GitCli.ShallowCloneAsync(origin.Root, clone, depth: 1);
        using (var repo = new Repository(clone))
        {
            Assert.True(repo.Info.IsShallow);
            Assert.Null(repo.Lookup<Commit>(baseSha));
        }

        var result = await Analyse.RunAsync(clone, baseSha, configure: r => r.WithDeepen(new DeepenPolicy(100, FirstStep: 2)));
        Assert.Equal(["orders"], result.Names());
        Assert.Equal(baseSha, result.Base);
        Assert.Null(result.Fallback);
    }

    [Fact]
    public async Task A_shallow_clone_fails_with_a_clear_message_when_the_deepen_limit_is_reached()
    {
        await GitCli.ShallowCloneAsync(origin.Root, clone, depth: 1);
        var e = await Assert.ThrowsAsync<MissingBaseException>(() =>
            Analyse.RunAsync(clone, baseSha, configure: r => r.WithDeepen(new DeepenPolicy(2, FirstStep: 1))));
        Assert.True(e.Shallow);
        Assert.Contains(baseSha, e.Message);
        Assert.Contains("shallow clone, even after deepening it by 2 commits (--deepen-limit 2)", e.Message);
        Assert.Contains("--missing-base build-all", e.Message);
    }

    [Fact]
    public async Task Build_all_on_a_missing_base_selects_every_service_as_a_reported_fallback()
    {
        await GitCli.ShallowCloneAsync(origin.Root, clone, depth: 1);
        var result = await Analyse.RunAsync(clone, baseSha,
            configure: r => r.WithDeepen(new DeepenPolicy(0)).WithBuildAllWhenBaseMissing());
        Assert.Equal(["orders", "payments", "web"], result.Names());
        Assert.All(result.Services, s => Assert.Equal(ReasonKind.Fallback, s.FirstReason.Kind));
        Assert.NotNull(result.Fallback);
        Assert.Contains("--deepen-limit is 0", result.Fallback);
        Assert.Null(result.Base);
    }

    [Fact]
    public async Task A_GitHub_pull_request_in_a_shallow_clone_fetches_the_base_branch_and_finds_the_merge_base()
    {
        origin.Branch("feature");
        origin.Write("libs/util/util.go", "package util\n\nfunc Do() { }\n").Commit("feature");
        await GitCli.ShallowCloneAsync(origin.Root, clone, depth: 1);
        using (var repo = new Repository(clone))
        {
            repo.Refs.Remove("refs/remotes/origin/master");
            Commands.Checkout(repo, repo.Branches["origin/feature"].Tip);
        }

        var result = await Analyse.RunAsync(clone, null, configure: r => r.WithEnvironment(new Dictionary<string, string?>
        {
            ["GITHUB_ACTIONS"] = "true", ["GITHUB_BASE_REF"] = "master",
        }).WithDeepen(new DeepenPolicy(64, FirstStep: 4)));
        Assert.Equal(["payments"], result.Names());
        Assert.StartsWith("GitHubPullRequest: merge-base of HEAD and origin/master", result.BaseSource);
    }
}
