using GoMonorepoBuild.Affected;
using GoMonorepoBuild.Changes;
using GoMonorepoBuild.Inputs;
using GoMonorepoBuild.Tests.Changes;
using GoMonorepoBuild.Workspace;

namespace GoMonorepoBuild.Tests.Affected;

/// <summary>
/// One run opens the monorepo's repository once and walks the work tree's status once (issue 18): the analysis (base,
/// changes, revision copies, the clean-checkout question) and the index digests, run side by side as the decisions run
/// them, all read the run's <see cref="RunRepository"/>.
/// </summary>
public class OneRepositoryPerRunTests : IDisposable
{
    readonly TestRepository repo = SampleMonorepo.WriteTo(new TestRepository());
    readonly string baseSha;

    public OneRepositoryPerRunTests() => baseSha = repo.Commit("base");

    public void Dispose() => repo.Dispose();

    [Fact]
    public async Task The_analysis_and_the_index_digests_side_by_side_open_the_repository_once_and_walk_the_status_once()
    {
        const string changed = "package auth\n\nfunc Token() string { return \"u\" }\n";
        repo.Write("libs/auth/token.go", changed);
        var ct = TestContext.Current.CancellationToken;
        using var counter = RunRepository.CountOpens();
        using var run = RunRepository.At(repo.Root);

        var digests = Task.Run(() => GitIndexDigests.For(run, repo.Root, ct), ct);
        // A base model is needed too (a Go file changed): its revision copy is written from the same repository.
        var result = await new AffectedAnalysis().RunAsync(new AffectedRequest(repo.Root, ["services/*"]).WithBase(baseSha), run,
            () => GoWorkspace.Load(repo.Root, ["services/*"]), ct);

        Assert.Equal(["orders"], result.Names());
        Assert.Equal(["libs/auth/token.go"], result.ChangedFiles);
        // The shared status says the index's blob is not the file's: the digest is the content's.
        Assert.Equal(new ContentDigests(repo.Root).Of("libs/auth/token.go"), (await digests).Of("libs/auth/token.go"));
        Assert.Equal(1, counter.Opens);
        Assert.Equal(1, counter.StatusWalks);
    }

    [Fact]
    public async Task An_analysis_of_a_commit_opens_the_repository_once_through_the_path_overload()
    {
        repo.Write("services/payments/main.go", "package main\n\nimport \"example.com/libs/util\"\n\nfunc main() { util.Do(); util.Do() }\n");
        repo.Commit("payments");
        repo.Write(".scratch/notes.txt", "an untracked file: the checkout is not clean, so the head is read from a revision copy");
        using var counter = RunRepository.CountOpens();

        var result = await Analyse.RunAsync(repo, baseSha, configure: r => r.WithHead("HEAD"));

        Assert.Equal(["payments"], result.Names());
        Assert.Equal(1, counter.Opens);
        Assert.Equal(0, counter.StatusWalks); // a commit's changes need no status walk
    }

    [Fact]
    public async Task The_Affected_target_opens_the_monorepos_repository_once()
    {
        repo.Write("libs/auth/token.go", "package auth\n\nfunc Token() string { return \"v\" }\n");
        using var counter = RunRepository.CountOpens();

        var run = await Targets.InProcessBuild.RunAsync(new AffectedBuild(), repo.Root, ["Affected", "--services", "services/*", "--base", baseSha]);

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Contains("orders", run.Output);
        Assert.Equal(1, counter.Opens);
        Assert.Equal(1, counter.StatusWalks);
    }

    sealed class AffectedBuild : MonorepoBuild
    {
        protected override IReadOnlyDictionary<string, string?> CiVariables() => new Dictionary<string, string?>();
    }
}
