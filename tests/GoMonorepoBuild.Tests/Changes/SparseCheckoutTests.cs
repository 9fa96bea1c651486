using GoMonorepoBuild.Affected;
using GoMonorepoBuild.Changes;
using GoMonorepoBuild.Tests.Affected;
using GoMonorepoBuild.Workspace;

namespace GoMonorepoBuild.Tests.Changes;

/// <summary>
/// Sparse checkouts made as large-repository users make them (<c>git sparse-checkout set</c>, cone and non-cone): files
/// left out are neither changes nor deletions, and an affected service outside the checkout is analysed from the commit
/// and reported as not checked out, with what to add.
/// </summary>
public class SparseCheckoutTests : IDisposable
{
    readonly TestRepository origin = SampleMonorepo.WriteTo(new TestRepository());
    readonly string clone = Path.Combine(Path.GetTempPath(), "gmb-sparse-" + Guid.NewGuid().ToString("N")[..12]);
    readonly string baseSha;

    public SparseCheckoutTests()
    {
        baseSha = origin.Commit("base");
        // Committed outside the checkout below: orders depends on libs/auth.
        origin.Write("libs/auth/token.go", "package auth\n\nfunc Token() string { return \"v2\" }\n").Commit("token");
    }

    public void Dispose()
    {
        try { Directory.Delete(clone, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        origin.Dispose();
    }

    /// <summary>
    /// A clone that checks out only payments and the library it uses: <c>cone</c> (the default), <c>no-cone</c> (gitignore
    /// patterns), or <c>sparse-index</c> (cone with an index that keeps left-out folders as single entries).
    /// </summary>
    async Task SparseCloneAsync(string mode)
    {
        await GitCli.CloneAsync(origin.Root, clone);
        if (mode == "no-cone") await GitCli.RunAsync(clone, "sparse-checkout", "set", "--no-cone", "/*.md", "/services/payments/", "/libs/util/");
        else await GitCli.RunAsync(clone, "sparse-checkout", "set", "--cone", mode == "sparse-index" ? "--sparse-index" : "--no-sparse-index",
            "services/payments", "libs/util");
        Assert.False(File.Exists(Path.Combine(clone, "libs/auth/token.go"))); // the premise: orders' files are not checked out
        Assert.True(File.Exists(Path.Combine(clone, "libs/util/util.go")));
    }

    Task<AffectedResult> AnalyseAsync(string @base, string? head = null) =>
        new AffectedAnalysis().RunAsync(new AffectedRequest(clone, ["services/*"]).WithBase(@base).WithHead(head),
            () => GoWorkspace.Load(clone, ["services/*"]), TestContext.Current.CancellationToken);

    [Theory]
    [InlineData("cone")]
    [InlineData("no-cone")]
    [InlineData("sparse-index")]
    public async Task A_clean_sparse_checkout_has_no_changes(string mode)
    {
        await SparseCloneAsync(mode);

        var result = await AnalyseAsync("HEAD");

        Assert.Empty(result.ChangedFiles);
        Assert.Empty(result.Services);
        Assert.Empty(result.RemovedServices);
    }

    [Theory]
    [InlineData("cone", null)]
    [InlineData("cone", "HEAD")]
    [InlineData("no-cone", null)]
    [InlineData("no-cone", "HEAD")]
    [InlineData("sparse-index", null)]
    public async Task A_service_outside_the_sparse_checkout_is_analysed_from_the_commit_and_reported_not_checked_out(string mode, string? head)
    {
        await SparseCloneAsync(mode);
        File.WriteAllText(Path.Combine(clone, "libs/util/util.go"), "package util\n\nfunc Do() { }\n");
        if (head is not null) await GitCli.RunAsync(clone, "-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-q", "-am", "util");

        var result = await AnalyseAsync(baseSha, head);

        Assert.Equal(["libs/auth/token.go", "libs/util/util.go"], result.ChangedFiles);
        Assert.Equal(["orders", "payments"], result.Names());
        Assert.Contains("libs/auth/token.go", result.ReasonOf("orders").ChainText);
        Assert.Empty(result.RemovedServices);
        var orders = Assert.Single(result.NotCheckedOut);
        Assert.Equal("orders", orders.Name);
        Assert.Equal(["libs/auth", "services/orders"], orders.Folders);
        Assert.Equal("git sparse-checkout add libs/auth services/orders", orders.Command);
        Assert.Contains("\"notCheckedOut\"", AffectedJson.Serialize(result));
    }

    [Fact]
    public async Task The_analysis_and_the_services_left_out_share_the_runs_repository_and_one_git_status()
    {
        await SparseCloneAsync("cone");
        File.WriteAllText(Path.Combine(clone, "libs/util/util.go"), "package util\n\nfunc Do() { }\n");
        var ct = TestContext.Current.CancellationToken;
        using var counter = RunRepository.CountOpens();
        using var run = RunRepository.At(clone);

        // As BuildChanged's decisions ask them: the analysis, then the services the checkout left out.
        var result = await new AffectedAnalysis().RunAsync(new AffectedRequest(clone, ["services/*"]).WithBase(baseSha), run,
            () => GoWorkspace.Load(clone, ["services/*"]), ct);
        var leftOut = await SparseWorkTree.NotCheckedOutAsync(run, clone, WorkspaceOptions.Default.WithServiceGlobs(["services/*"]), ct);

        Assert.Equal("orders", Assert.Single(result.NotCheckedOut).Name);
        Assert.Contains("orders", leftOut.Select(n => n.Name));
        Assert.Contains("libs/util/util.go", result.ChangedFiles);
        Assert.Equal(1, counter.Opens);
        Assert.Equal(1, counter.StatusWalks); // git's own status (libgit2 knows no sparse checkout), asked once
    }

    [Fact]
    public async Task The_Affected_target_warns_what_to_add_to_the_checkout_and_writes_it_to_the_JSON()
    {
        await SparseCloneAsync("cone");
        var output = Path.Combine(clone + "-out", "affected.json");
        try
        {
            var run = await GoMonorepoBuild.Tests.Targets.InProcessBuild.RunAsync(new AffectedBuild(), clone,
                ["Affected", "--services", "services/*", "--base", baseSha, "--output", output]);

            Assert.True(run.ExitCode == 0, run.Output + run.Error);
            Assert.Contains("orders is affected, but", run.Output + run.Error);
            Assert.Contains("outside this sparse checkout", run.Output + run.Error);
            Assert.Contains("git sparse-checkout add libs/auth services/orders", run.Output + run.Error);
            using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(output));
            var entry = Assert.Single(json.RootElement.GetProperty("notCheckedOut").EnumerateArray());
            Assert.Equal("orders", entry.GetProperty("name").GetString());
            Assert.Equal(["libs/auth", "services/orders"], entry.GetProperty("folders").EnumerateArray().Select(f => f.GetString()));
            Assert.Equal("git sparse-checkout add libs/auth services/orders", entry.GetProperty("command").GetString());
            Assert.Equal(["orders"], json.RootElement.GetProperty("services").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        }
        finally
        {
            if (Directory.Exists(clone + "-out")) Directory.Delete(clone + "-out", recursive: true);
        }
    }

    [Fact]
    public async Task The_command_it_gives_checks_the_service_out()
    {
        await SparseCloneAsync("cone");
        var before = Assert.Single((await AnalyseAsync(baseSha)).NotCheckedOut);

        await GitCli.RunAsync(clone, before.Command.Split(' ')[1..]);
        var after = await AnalyseAsync(baseSha);

        Assert.Equal(["orders"], after.Names());
        Assert.Empty(after.NotCheckedOut);
        Assert.Contains("orders", GoWorkspace.Load(clone, ["services/*"], cancellationToken: TestContext.Current.CancellationToken).Services.Select(s => s.Name));
    }

    [Fact]
    public async Task A_file_deleted_inside_a_sparse_checkout_is_still_a_deletion()
    {
        await SparseCloneAsync("cone");
        File.Delete(Path.Combine(clone, "libs/util/util.go"));

        var result = await AnalyseAsync("HEAD");

        Assert.Equal(["libs/util/util.go"], result.ChangedFiles);
        Assert.Equal(["payments"], result.Names());
        Assert.Empty(result.NotCheckedOut);
    }

    [Fact]
    public async Task A_file_left_out_whose_content_the_clone_lacks_is_named_with_what_to_do_not_as_a_libgit2_error()
    {
        await SparseCloneAsync("cone");
        // An incomplete clone (a mirror or archive missing a pack), not a partial one: git itself could not get it either.
        var blob = (await GitCli.OutputAsync(clone, "rev-parse", "HEAD:libs/auth/token.go")).Trim();
        await GitCli.LooseObjectsOnlyAsync(clone);
        File.Delete(Path.Combine(clone, ".git", "objects", blob[..2], blob[2..]));

        var error = await Assert.ThrowsAsync<MissingObjectsException>(() => AnalyseAsync("HEAD"));

        Assert.StartsWith($"The content of libs/auth/token.go at {(await GitCli.OutputAsync(clone, "rev-parse", "HEAD")).Trim()[..12]} (git object {blob}) " +
                          "is not in the repository at", error.Message);
        Assert.Contains("`git fsck` there lists what is missing", error.Message);
        Assert.Equal(["libs/auth/token.go at " + error.Files[0][^12..]], error.Files);
    }

    [Fact]
    public async Task The_Affected_target_on_a_clone_lacking_a_blob_fails_naming_the_file_and_git_fsck()
    {
        await SparseCloneAsync("cone");
        var blob = (await GitCli.OutputAsync(clone, "rev-parse", "HEAD:libs/auth/token.go")).Trim();
        await GitCli.LooseObjectsOnlyAsync(clone);
        File.Delete(Path.Combine(clone, ".git", "objects", blob[..2], blob[2..]));

        var run = await GoMonorepoBuild.Tests.Targets.InProcessBuild.RunAsync(new AffectedBuild(), clone,
            ["Affected", "--services", "services/*", "--base", baseSha]);

        Assert.True(run.ExitCode != 0, run.Output + run.Error);
        Assert.Contains($"The content of libs/auth/token.go at", run.Output + run.Error);
        Assert.Contains($"(git object {blob}) is not in the repository", run.Output + run.Error);
        Assert.Contains("`git fsck` there lists what is missing", run.Output + run.Error);
        Assert.DoesNotContain("No valid git object", run.Output + run.Error);
    }

    [Fact]
    public async Task Image_digests_of_a_sparse_index_say_how_to_make_it_readable_and_that_command_works()
    {
        await SparseCloneAsync("sparse-index");

        var e = Assert.Throws<InvalidOperationException>(() => GoMonorepoBuild.Inputs.GitIndexDigests.For(clone, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Contains("sparse index", e.Message);
        Assert.Contains("git sparse-checkout reapply --no-sparse-index", e.Message);

        await GitCli.RunAsync(clone, "sparse-checkout", "reapply", "--no-sparse-index");
        var digests = GoMonorepoBuild.Inputs.GitIndexDigests.For(clone, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(await GitCli.OutputAsync(clone, "rev-parse", "HEAD:libs/util/util.go"), digests.Of("libs/util/util.go"));
        Assert.False(File.Exists(Path.Combine(clone, "libs/auth/token.go"))); // still sparse
    }

    [Fact]
    public async Task A_full_checkout_reads_no_skip_worktree_bits()
    {
        await GitCli.CloneAsync(origin.Root, clone);
        var sparse = await SparseCheckout.ReadAsync(clone, TestContext.Current.CancellationToken,
            GoMonorepoBuild.Processes.Tool.Named("git-that-does-not-exist")); // would fail if it were run
        Assert.False(sparse.IsSparse);

        await GitCli.RunAsync(clone, "sparse-checkout", "set", "services/payments");
        var skipped = await SparseCheckout.ReadAsync(clone, TestContext.Current.CancellationToken);
        Assert.True(skipped.IsSkipped("libs/auth/token.go"));
        Assert.False(skipped.IsSkipped("services/payments/main.go"));
    }
}
