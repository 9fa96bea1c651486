using GoMonorepoBuild.Changes;
using LibGit2Sharp;

namespace GoMonorepoBuild.Tests.Changes;

public class BaseResolutionTests : IDisposable
{
    readonly TestRepository repo = new();
    readonly List<string> commits = [];

    public BaseResolutionTests()
    {
        for (var i = 0; i < 3; i++) commits.Add(repo.Write("file.txt", $"{i}\n").Commit($"c{i}"));
    }

    public void Dispose() => repo.Dispose();

    Task<ResolvedBase> Resolve(string? explicitBase, Dictionary<string, string?>? env = null, IHistoryFetcher? fetcher = null, int limit = 1000) =>
        new BaseResolver(fetcher ?? new GitFetcher(), new DeepenPolicy(limit))
            .ResolveAsync(repo.Root, BaseCandidates.From(explicitBase, env ?? []), TestContext.Current.CancellationToken);

    [Fact]
    public async Task An_explicit_base_wins_over_the_CI_variables()
    {
        var resolved = await Resolve(commits[0], new() { ["CI_COMMIT_BEFORE_SHA"] = commits[1] });
        Assert.Equal((BaseSource.Explicit, commits[0]), (resolved.Source, resolved.Sha));
    }

    [Fact]
    public async Task A_GitHub_push_takes_the_before_commit_of_the_event()
    {
        var eventFile = repo.Full("event.json");
        File.WriteAllText(eventFile, $$"""{"before":"{{commits[0]}}","after":"{{commits[2]}}"}""");
        var resolved = await Resolve(null, new() { ["GITHUB_ACTIONS"] = "true", ["GITHUB_EVENT_PATH"] = eventFile });
        Assert.Equal((BaseSource.GitHubPush, commits[0]), (resolved.Source, resolved.Sha));
    }

    [Fact]
    public async Task GitLab_merge_requests_use_the_diff_base_and_pushes_the_before_sha()
    {
        var mr = await Resolve(null, new() { ["CI_MERGE_REQUEST_DIFF_BASE_SHA"] = commits[0], ["CI_COMMIT_BEFORE_SHA"] = commits[1] });
        Assert.Equal((BaseSource.GitLabMergeRequest, commits[0]), (mr.Source, mr.Sha));
        var push = await Resolve(null, new() { ["CI_COMMIT_BEFORE_SHA"] = commits[1] });
        Assert.Equal((BaseSource.GitLabPush, commits[1]), (push.Source, push.Sha));
    }

    [Fact]
    public async Task Without_a_base_the_merge_base_with_the_default_branch_is_used()
    {
        repo.Branch("main", commits[1]);
        repo.Checkout("master");
        var resolved = await Resolve(null);
        Assert.Equal(BaseSource.MergeBase, resolved.Source);
        Assert.Equal(commits[1], resolved.Sha);
        Assert.Contains("origin/main does not exist", resolved.Notes);
    }

    [Fact]
    public async Task The_first_push_of_a_branch_with_no_default_branch_is_the_typed_no_base_case()
    {
        repo.Branch("trunk");
        using (var git = repo.Open()) git.Branches.Remove("master");
        var resolved = await Resolve(null, new() { ["CI_COMMIT_BEFORE_SHA"] = new string('0', 40) });
        Assert.Equal(BaseSource.NoBase, resolved.Source);
        Assert.Null(resolved.Sha);
        Assert.Contains(resolved.Notes, n => n.Contains("first push of a branch"));
    }

    [Fact]
    public async Task The_first_push_of_a_branch_falls_back_to_the_merge_base_with_main_and_says_so()
    {
        repo.Branch("main", commits[1]);
        repo.Checkout("master");
        var resolved = await Resolve(null, new() { ["CI_COMMIT_BEFORE_SHA"] = new string('0', 40) });
        Assert.Equal((BaseSource.MergeBase, commits[1]), (resolved.Source, resolved.Sha));
        Assert.Contains(resolved.Notes, n => n.Contains("CI_COMMIT_BEFORE_SHA") && n.Contains("first push"));
    }

    [Fact]
    public async Task An_unknown_base_fails_naming_the_revision_and_what_to_do()
    {
        var e = await Assert.ThrowsAsync<MissingBaseException>(() => Resolve("feature/nope", fetcher: new Tests.Affected.NoFetch()));
        Assert.Contains("feature/nope", e.Message);
        Assert.Contains("git fetch origin feature/nope", e.Message);
        Assert.Contains("--base", e.Message);
        Assert.False(e.Shallow);
    }

    [Fact]
    public async Task No_base_at_all_is_an_error_not_an_empty_result()
    {
        repo.Branch("trunk");
        using (var git = repo.Open()) git.Branches.Remove("master");
        var e = await Assert.ThrowsAsync<MissingBaseException>(() => Resolve(null));
        Assert.Contains("No base revision", e.Message);
        Assert.Contains("Pass --base <rev>", e.Message);
    }

    [Fact]
    public async Task A_detached_HEAD_still_finds_its_merge_base_with_main()
    {
        repo.Branch("main", commits[0]);
        repo.Checkout(commits[2]);
        using (var git = repo.Open()) Assert.True(git.Info.IsHeadDetached);
        var resolved = await Resolve(null);
        Assert.Equal((BaseSource.MergeBase, commits[0]), (resolved.Source, resolved.Sha));
    }

    [Fact]
    public void Deepening_doubles_its_steps_up_to_the_limit()
    {
        Assert.Equal([50, 100, 200, 400, 250], new DeepenPolicy(1000).Steps());
        Assert.Empty(new DeepenPolicy(0).Steps());
    }
}
