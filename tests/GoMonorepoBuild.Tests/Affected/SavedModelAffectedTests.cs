using GoMonorepoBuild.Affected;
using GoMonorepoBuild.Changes;
using GoMonorepoBuild.Tests.Changes;

namespace GoMonorepoBuild.Tests.Affected;

/// <summary>
/// With --head the checked-out commit, a run keeps the head's model for the next run over the same index (issue 17 item
/// 5), and a run reads it back only then: the same commit, checkout and options give the kept model (not rewritten, no
/// parse cache opened) and the answer of a run without any cache; another commit or other options give their own
/// model; while git's cache-tree record says the index holds the head commit's tree, the kept model answers however the
/// working tree differs (a soft reset that leaves the index on another tree does not); an index entry git does not
/// compare, or a build output folder the model walks, keeps nothing.
/// </summary>
public class SavedModelAffectedTests
{
    static TestRepository Monorepo() => ParseCacheAffectedTests.Monorepo();

    static AffectedRequest Cached(TestRepository repo, AffectedRequest request, string output = ".nuke/temp") =>
        request.WithHead("HEAD").WithParseCache(repo.Full(".nuke/temp/parse-cache/workspace.bin")).WithExcludedFolders([repo.Full(output)]);

    static string KeptModel(TestRepository repo) => repo.Full(".nuke/temp/parse-cache/head-model.bin");

    /// <summary>Two runs: a model is kept on the second run over an index (a commit analysed once keeps nothing).</summary>
    static async Task<AffectedResult> WarmAsync(TestRepository repo, string @base, Func<AffectedRequest, AffectedRequest>? configure = null,
        string output = ".nuke/temp")
    {
        AffectedRequest Configure(AffectedRequest r) => Cached(repo, configure?.Invoke(r) ?? r, output);
        var first = await Analyse.RunAsync(repo, @base, configure: Configure);
        var second = await Analyse.RunAsync(repo, @base, configure: Configure);
        Assert.Equal(AffectedJson.Serialize(first), AffectedJson.Serialize(second));
        return second;
    }

    static async Task<string> UncachedAsync(TestRepository repo, string @base, Func<AffectedRequest, AffectedRequest>? configure = null) =>
        AffectedJson.Serialize(await Analyse.RunAsync(repo, @base,
            configure: r => (configure?.Invoke(r) ?? r).WithHead("HEAD").WithExcludedFolders([repo.Full(".nuke/temp")])));

    [Fact]
    public async Task A_second_run_on_the_same_commit_reads_the_kept_model_and_gives_the_same_answer()
    {
        using var repo = Monorepo();
        repo.Write("libs/auth/token.go", File.ReadAllText(repo.Full("libs/auth/token.go")) + "\n// edited\n").Commit("edit");
        // Analysed once, a commit keeps nothing (CI's usual case pays nothing for it); the second run keeps its model.
        var first = await Analyse.RunAsync(repo, "HEAD~1", configure: r => Cached(repo, r));
        Assert.False(File.Exists(KeptModel(repo)));
        Assert.Equal(AffectedJson.Serialize(first), AffectedJson.Serialize(await Analyse.RunAsync(repo, "HEAD~1", configure: r => Cached(repo, r))));
        Assert.True(File.Exists(KeptModel(repo)));

        // Read back, the kept model is neither loaded again (so not rewritten) nor needs the parse cache.
        var old = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(KeptModel(repo), old);
        File.Delete(repo.Full(".nuke/temp/parse-cache/workspace.bin"));
        var second = await Analyse.RunAsync(repo, "HEAD~1", configure: r => Cached(repo, r));

        Assert.Equal(old, File.GetLastWriteTimeUtc(KeptModel(repo)));
        Assert.False(File.Exists(repo.Full(".nuke/temp/parse-cache/workspace.bin")));
        var uncached = await UncachedAsync(repo, "HEAD~1");
        Assert.Equal(uncached, AffectedJson.Serialize(first));
        Assert.Equal(uncached, AffectedJson.Serialize(second));
        Assert.NotEmpty(second.Services);
    }

    [Fact]
    public async Task Another_commit_is_not_answered_with_the_kept_model()
    {
        using var repo = Monorepo();
        await WarmAsync(repo, "HEAD");
        var old = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(KeptModel(repo), old);

        // The commit takes libs/auth out of orders' closure: the base's kept model would still have it there.
        repo.Write("services/orders/internal/api/api.go", "package api\n\nfunc Serve() {}\n").Commit("drop the import");
        repo.Write("libs/auth/token.go", File.ReadAllText(repo.Full("libs/auth/token.go")) + "\n// edited\n").Commit("edit auth");
        var cached = await WarmAsync(repo, "HEAD~1");

        Assert.Equal(await UncachedAsync(repo, "HEAD~1"), AffectedJson.Serialize(cached));
        Assert.DoesNotContain("orders", cached.Names());
        Assert.NotEqual(old, File.GetLastWriteTimeUtc(KeptModel(repo))); // loaded, and kept under the new index
    }

    [Fact]
    public async Task Other_service_globs_are_not_answered_with_the_kept_model()
    {
        using var repo = Monorepo();
        repo.Write("libs/util/util.go", File.ReadAllText(repo.Full("libs/util/util.go")) + "\n// edited\n").Commit("edit");
        Assert.Equal(["payments"], (await WarmAsync(repo, "HEAD~1")).Names());

        // payments is no service under these globs: the kept model, read with services/*, would still name it.
        AffectedRequest OrdersOnly(AffectedRequest r) => new AffectedRequest(r.MonorepoDirectory, ["services/orders"]).WithBase(r.Base);
        var cached = await Analyse.RunAsync(repo, "HEAD~1", configure: r => Cached(repo, OrdersOnly(r)));

        Assert.Equal(await UncachedAsync(repo, "HEAD~1", OrdersOnly), AffectedJson.Serialize(cached));
        Assert.Empty(cached.Names());
    }

    [Fact]
    public async Task While_the_index_holds_the_commit_the_kept_model_answers_whatever_the_working_tree_holds()
    {
        using var repo = Monorepo();
        repo.Write("libs/auth/token.go", File.ReadAllText(repo.Full("libs/auth/token.go")) + "\n// edited\n").Commit("edit");
        // The test's commits (libgit2's) leave no cache-tree record in the index; git's own commit, clone and checkout do, as read-tree does.
        await GitCli.RunAsync(repo.Root, "read-tree", "HEAD");
        await WarmAsync(repo, "HEAD~1");
        var uncached = await UncachedAsync(repo, "HEAD~1");

        // Untracked and edited files: the checkout is not clean, but the model of the commit is still the kept one.
        repo.Write("services/payments/new.go", "package main\n\nimport \"example.com/libs/auth\"\n\nvar _ = auth.Check\n");
        repo.Write("services/orders/internal/api/api.go", "package api\n\nfunc Serve() {}\n");
        Assert.False(await CleanCheckout.HoldsAsync(repo.Root, ".", repo.HeadSha, [".nuke/temp"], TestContext.Current.CancellationToken));
        // The revision copy that a checkout not clean otherwise takes would open (and write) the parse cache.
        File.Delete(repo.Full(".nuke/temp/parse-cache/workspace.bin"));
        var cached = await Analyse.RunAsync(repo, "HEAD~1", configure: r => Cached(repo, r));

        Assert.Equal(uncached, AffectedJson.Serialize(cached));
        Assert.Equal(["orders"], cached.Names());
        Assert.False(File.Exists(repo.Full(".nuke/temp/parse-cache/workspace.bin")));
    }

    [Fact]
    public async Task An_index_holding_another_tree_than_the_head_commit_does_not_answer_for_it()
    {
        using var repo = Monorepo();
        repo.Write("services/orders/internal/api/api.go", "package api\n\nfunc Serve() {}\n").Commit("drop the import");
        repo.Write("libs/auth/token.go", File.ReadAllText(repo.Full("libs/auth/token.go")) + "\n// edited\n").Commit("edit auth");
        await WarmAsync(repo, "HEAD~1");

        // The index (and its kept model) stay those of "edit auth"; HEAD is the commit before it, where orders imports auth.
        await GitCli.RunAsync(repo.Root, "reset", "--soft", "HEAD~2");
        await GitCli.RunAsync(repo.Root, "-c", "user.name=t", "-c", "user.email=t@x", "commit", "-qm", "only the edit", "--allow-empty", "--", "libs/auth/token.go");
        var cached = await Analyse.RunAsync(repo, "HEAD~1", configure: r => Cached(repo, r));

        Assert.Equal(await UncachedAsync(repo, "HEAD~1"), AffectedJson.Serialize(cached));
        Assert.Contains("orders", cached.Names());
    }

    [Fact]
    public async Task An_index_entry_git_does_not_compare_keeps_no_model()
    {
        using var repo = Monorepo();
        await GitCli.RunAsync(repo.Root, "update-index", "--assume-unchanged", "libs/auth/token.go");

        await WarmAsync(repo, "HEAD");

        Assert.True(File.Exists(repo.Full(".nuke/temp/parse-cache/workspace.bin")));
        Assert.False(File.Exists(KeptModel(repo)));
    }

    [Fact]
    public async Task A_build_output_folder_the_model_walks_keeps_no_model()
    {
        using var repo = Monorepo();
        // Left out of the clean-checkout question as the build's own, but walked by the model: the index does not describe it.
        await WarmAsync(repo, "HEAD", output: "out");

        Assert.True(File.Exists(repo.Full(".nuke/temp/parse-cache/workspace.bin")));
        Assert.False(File.Exists(KeptModel(repo)));
    }
}
