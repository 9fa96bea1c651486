using GoMonorepoBuild.Affected;
using GoMonorepoBuild.Tests.Changes;
using GoMonorepoBuild.Tests.Workspace;

namespace GoMonorepoBuild.Tests.Affected;

/// <summary>
/// Vendored files are inputs whether the head is the working tree or a commit (issue 16): the revision copy holds
/// vendor/modules.txt and the vendored packages as the working tree does.
/// </summary>
public class VendorAtRevisionTests
{
    static TestRepository Shop()
    {
        var repo = new TestRepository();
        foreach (var (path, content) in VendorTests.ShopFiles()) repo.Write(path, content);
        repo.Commit("base");
        return repo;
    }

    static async Task<(AffectedResult WorkTree, AffectedResult AtCommit)> BothHeadsAsync(TestRepository repo)
    {
        // After the commit the working tree equals HEAD, so both heads must give the same answer.
        var workTree = await Analyse.RunAsync(repo, "HEAD~1");
        var atCommit = await Analyse.RunAsync(repo, "HEAD~1", configure: r => r.WithHead("HEAD"));
        return (workTree, atCommit);
    }

    [Fact]
    public async Task A_committed_change_to_a_vendored_package_affects_exactly_the_services_importing_it_at_either_head()
    {
        using var repo = Shop();
        repo.Write("services/shop/vendor/github.com/x/db/pool/pool.go", VendorTests.Go("pool", "sync")).Commit("bump pool");

        var (workTree, atCommit) = await BothHeadsAsync(repo);

        Assert.Equal(["api"], workTree.Names());
        Assert.Equal(["api"], atCommit.Names());
        Assert.Equal(workTree.ReasonOf("api").ChainText, atCommit.ReasonOf("api").ChainText);
        Assert.Equal("services/shop/vendor/github.com/x/db/pool/pool.go -> vendored package github.com/x/db/pool (module github.com/x/db v1.2.0, " +
                     "services/shop/vendor) -> imported by vendored package github.com/x/db -> imported by example.com/shop/cmd/api (main) -> service api",
            atCommit.ReasonOf("api").ChainText);
    }

    [Fact]
    public async Task A_committed_change_to_modules_txt_or_to_vendored_assembly_affects_the_services_it_concerns()
    {
        using var repo = Shop();
        repo.Write("services/shop/vendor/modules.txt", File.ReadAllText(repo.Full("services/shop/vendor/modules.txt")) + "# github.com/x/more v0.0.1\n")
            .Write("services/shop/vendor/github.com/x/db/pool/pool_amd64.s", "TEXT ·Add(SB),4,$8\n")
            .Commit("vendor more");

        var (workTree, atCommit) = await BothHeadsAsync(repo);

        Assert.Equal(["api", "worker"], workTree.Names());
        Assert.Equal(["api", "worker"], atCommit.Names());
        Assert.Contains(atCommit.Find("api")!.Reasons, r => r.Chain[0] == "services/shop/vendor/github.com/x/db/pool/pool_amd64.s");
        Assert.DoesNotContain(atCommit.Find("worker")!.Reasons, r => r.Chain[0].EndsWith(".s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_change_to_a_vendored_package_nothing_imports_affects_nothing_and_says_why()
    {
        using var repo = Shop();
        repo.Write("services/shop/vendor/github.com/x/unused/unused.go", VendorTests.Go("unused", "os"))
            .Write("services/shop/vendor/github.com/x/db/LICENSE", "Apache-2.0")
            .Commit("touch unused");

        var (workTree, atCommit) = await BothHeadsAsync(repo);

        Assert.Empty(workTree.Names());
        Assert.Empty(atCommit.Names());
        Assert.Equal("in a vendored package (services/shop/vendor/github.com/x/unused) that no service's closure imports",
            atCommit.IgnoredReason("services/shop/vendor/github.com/x/unused/unused.go"));
        Assert.Equal("in the vendor folder but not a file the go command compiles (a licence or another non-build file)",
            atCommit.IgnoredReason("services/shop/vendor/github.com/x/db/LICENSE"));
    }

    [Fact]
    public async Task A_vendored_file_deleted_in_a_commit_affects_the_services_that_built_from_it()
    {
        using var repo = Shop();
        repo.Delete("services/shop/vendor/github.com/x/log/format.txt").Commit("drop the format");

        var atCommit = await Analyse.RunAsync(repo, "HEAD~1", configure: r => r.WithHead("HEAD"));

        Assert.Equal(["worker"], atCommit.Names());
    }

    [Fact]
    public void An_edit_to_a_vendored_package_nothing_reaches_is_answered_without_the_base_model_and_one_excluded_at_the_head_asks_it()
    {
        using var tree = new TempTree();
        foreach (var (path, content) in VendorTests.ShopFiles()) tree.Write(path, content);
        var head = GoMonorepoBuild.Workspace.GoWorkspace.Load(tree.Root, ["services/*"], cancellationToken: TestContext.Current.CancellationToken);
        var calls = 0;
        GoMonorepoBuild.Workspace.GoWorkspace? Base() { calls++; return null; }

        var unused = AffectedPlanner.Plan([GoMonorepoBuild.Changes.ChangedFile.Modified("services/shop/vendor/github.com/x/unused/unused.go")], [], head, Base,
            AffectedOptions.Default);
        Assert.Empty(unused.Names());
        Assert.Equal(0, calls);

        // windows_only.go builds for no target platform at the head, in a package api reaches: it may have been an input before.
        var excluded = AffectedPlanner.Plan([GoMonorepoBuild.Changes.ChangedFile.Modified("services/shop/vendor/github.com/x/db/pool/windows_only.go")], [], head,
            Base, AffectedOptions.Default);
        Assert.Equal(1, calls);
        Assert.Equal(["api", "worker"], excluded.Names()); // no base model here: the safe answer, every service of the module
    }
}
