using GoMonorepoBuild.Changes;
using GoMonorepoBuild.Inputs;
using GoMonorepoBuild.Tests.Workspace;
using GoMonorepoBuild.Workspace;
using GoMonorepoBuild.Workspace.Services;

namespace GoMonorepoBuild.Tests.Changes;

/// <summary>
/// One rule for which files are Go inputs (issue 16): the model of the working tree and the model of the revision copy
/// of the same commit are the same model, and give every service the same input hash.
/// </summary>
public class RevisionCopyTests
{
    static readonly string[] Platforms = ["linux/amd64"];

    /// <summary>Vendored packages (with assembly and an embed), a local .s file, a local embed, a linked .go file and a Dockerfile.</summary>
    static TestRepository Fixture()
    {
        var repo = new TestRepository();
        foreach (var (path, content) in VendorTests.ShopFiles()) repo.Write(path, content);
        repo.Write("services/shop/cmd/api/main.go", "package main\n\nimport (\n\t\"embed\"\n\n\t_ \"github.com/x/db\"\n\t_ \"example.com/shop/internal/util\"\n)\n\n" +
                                                    "//go:embed static\nvar static embed.FS\n\nfunc main() { version() }\n")
            .Write("services/shop/cmd/api/static/index.html", "<h1>shop</h1>")
            .Write("services/shop/cmd/api/static/css/site.css", "h1{}")
            .Write("services/shop/internal/util/sum_amd64.s", "TEXT ·Sum(SB),4,$0\n")
            .Write("services/shop/internal/util/sum.syso", "\u0001\u0002")
            .Write("services/shop/cmd/worker/Dockerfile", "FROM scratch\n")
            .Write("libs/version/version.go", "package main\n\nfunc version() {}\n")
            .Write("docs/readme.md", "not an input");
        File.CreateSymbolicLink(repo.Full("services/shop/cmd/api/version.go"), "../../../../libs/version/version.go");
        return repo;
    }

    static object Shape(GoService s) => new
    {
        s.Name, s.Path, s.ModuleDir, s.Module, s.GoVersion, s.HasOwnDockerfile,
        MainPackages = string.Join(",", s.MainPackages), Packages = string.Join(",", s.Packages), Modules = string.Join(",", s.Modules),
        ImageInputs = string.Join(",", s.ImageInputs), ModuleFiles = string.Join(",", s.ModuleFiles), SourceFiles = string.Join(",", s.SourceFiles),
        VendorFiles = string.Join(",", s.VendorFiles), VendoredPackages = string.Join(",", s.VendoredPackages),
        StdImports = string.Join(",", s.StdImports), ExternalImports = string.Join(",", s.ExternalImports),
    };

    static string Hash(GoService service, IFileDigests digests) =>
        ServiceInputHash.Compute(service.ImageInputs, digests, "FROM scratch", [], Platforms, "builder").Value;

    [Fact]
    public void The_working_tree_and_the_revision_copy_of_the_same_commit_give_the_same_model_and_the_same_input_hashes()
    {
        using var repo = Fixture();
        var sha = repo.Commit();
        var workTree = GoWorkspace.Load(repo.Root, ["services/*"], cancellationToken: TestContext.Current.CancellationToken);

        using var snapshot = TreeSnapshot.Write(repo.Root, sha, ".", cancellationToken: TestContext.Current.CancellationToken);
        var atCommit = GoWorkspace.Load(snapshot.Folder!, ["services/*"], cancellationToken: TestContext.Current.CancellationToken);

        // The fixture holds what the issue names, so the comparison below covers it.
        var api = workTree.Service("api")!;
        Assert.Contains("services/shop/internal/util/sum_amd64.s", api.SourceFiles);
        Assert.Contains("services/shop/internal/util/sum.syso", api.SourceFiles);
        Assert.Contains("services/shop/cmd/api/static/css/site.css", api.SourceFiles);
        Assert.Contains("libs/version/version.go", api.SourceFiles);
        Assert.Contains("services/shop/vendor/github.com/x/db/pool/pool_amd64.s", api.VendorFiles);
        Assert.Contains("services/shop/vendor/modules.txt", workTree.Service("worker")!.VendorFiles);

        Assert.Equal(workTree.Modules.Select(m => m.Dir), atCommit.Modules.Select(m => m.Dir));
        Assert.Equal(workTree.Packages.Keys.Order(StringComparer.Ordinal), atCommit.Packages.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(workTree.Warnings, atCommit.Warnings);
        Assert.Equal(workTree.Services.Select(Shape), atCommit.Services.Select(Shape));

        using var commitDigests = CommitDigests.For(repo.Root, sha);
        var indexDigests = GitIndexDigests.For(repo.Root, cancellationToken: TestContext.Current.CancellationToken);
        var contentDigests = new ContentDigests(repo.Root);
        foreach (var service in workTree.Services)
        {
            var expected = Hash(service, contentDigests);
            Assert.Equal(expected, Hash(service, indexDigests));
            Assert.Equal(expected, Hash(atCommit.Service(service.Name)!, commitDigests));
        }
    }

    [Fact]
    public void An_uncommitted_edit_to_a_vendored_file_moves_the_working_trees_hash_away_from_the_commits_for_its_importers_only()
    {
        using var repo = Fixture();
        var sha = repo.Commit();
        repo.Write("services/shop/vendor/github.com/x/db/pool/pool_amd64.s", "TEXT ·Add(SB),4,$16\n");
        var workTree = GoWorkspace.Load(repo.Root, ["services/*"], cancellationToken: TestContext.Current.CancellationToken);
        using var commitDigests = CommitDigests.For(repo.Root, sha);
        var indexDigests = GitIndexDigests.For(repo.Root, cancellationToken: TestContext.Current.CancellationToken);

        Assert.NotEqual(Hash(workTree.Service("api")!, commitDigests), Hash(workTree.Service("api")!, indexDigests));
        Assert.Equal(Hash(workTree.Service("worker")!, commitDigests), Hash(workTree.Service("worker")!, indexDigests));
    }

    [Fact]
    public void A_commits_link_leading_out_of_the_monorepo_is_never_hashed()
    {
        using var repo = new TestRepository();
        repo.Write("services/a/go.mod", "module example.com/a\n\ngo 1.23\n");
        File.CreateSymbolicLink(repo.Full("services/a/leak.go"), "/etc/hostname");
        var sha = repo.Commit();
        using var digests = CommitDigests.For(repo.Root, sha);

        var e = Assert.Throws<OutsideMonorepoException>(() => digests.Of("services/a/leak.go"));
        Assert.Equal("services/a/leak.go", e.Link);
    }
}
