using GoMonorepoBuild.Affected;
using GoMonorepoBuild.Changes;
using GoMonorepoBuild.Tests.Changes;
using GoMonorepoBuild.Workspace.Cache;

namespace GoMonorepoBuild.Tests.Affected;

/// <summary>
/// With --head the checked-out commit, the head's model is read through the parse cache keyed by git's index (issue 17
/// item 5): a run with a warm cache gives, to the last reason, the answer of a run without one, whatever the commit
/// changed, and the warm run reads the unchanged files from the cache.
/// </summary>
public class ParseCacheAffectedTests
{
    internal static TestRepository Monorepo()
    {
        var repo = SampleMonorepo.WriteTo(new TestRepository());
        foreach (var (path, content) in GoMonorepoBuild.Tests.Workspace.VendorTests.ShopFiles()) repo.Write(path, content);
        repo.Write("libs/auth/auth_linux.go", "//go:build linux\n\npackage auth\n\nfunc linux() {}\n");
        repo.Commit("base");
        return repo;
    }

    public static TheoryData<string> Changes() =>
    [
        "edit", "imports", "delete", "delete package", "vendored delete", "build constraint", "go.mod", "modules.txt", "vendored", "vendored imports", "vendored build constraint",
    ];

    static void Change(TestRepository repo, string change)
    {
        _ = change switch
        {
            "edit" => repo.Write("libs/auth/token.go", File.ReadAllText(repo.Full("libs/auth/token.go")) + "\n// edited\n"),
            "imports" => repo.Write("services/orders/internal/api/api.go", "package api\n\nimport (\n\t\"example.com/libs/auth\"\n\t\"strings\"\n)\n\nfunc Serve() { auth.Check(); _ = strings.ToUpper }\n"),
            "delete" => repo.Delete("libs/auth/token.go"),
            "delete package" => repo.Delete("libs/util/strs/strs.go"),
            "vendored delete" => repo.Delete("services/shop/vendor/github.com/x/db/pool/pool.go"),
            "build constraint" => repo.Write("libs/auth/auth_linux.go", "//go:build windows\n\npackage auth\n\nfunc linux() {}\n"),
            "go.mod" => repo.Write("services/payments/go.mod", File.ReadAllText(repo.Full("services/payments/go.mod")) + "\nrequire example.com/more v1.0.0\n"),
            "modules.txt" => repo.Write("services/shop/vendor/modules.txt", File.ReadAllText(repo.Full("services/shop/vendor/modules.txt")) + "# github.com/x/more v0.0.1\n"),
            "vendored" => repo.Write("services/shop/vendor/github.com/x/db/pool/pool.go",
                File.ReadAllText(repo.Full("services/shop/vendor/github.com/x/db/pool/pool.go")) + "\n// edited\n"),
            "vendored imports" => repo.Write("services/shop/vendor/github.com/x/db/pool/pool.go",
                GoMonorepoBuild.Tests.Workspace.VendorTests.Go("pool", "github.com/x/unused")),
            "vendored build constraint" => repo.Write("services/shop/vendor/github.com/x/db/pool/pool.go", "//go:build windows\n\npackage pool\n"),
            _ => throw new ArgumentOutOfRangeException(nameof(change), change, null),
        };
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task A_run_with_a_warm_cache_gives_the_answer_of_a_run_without_one(string change)
    {
        using var repo = Monorepo();
        var cacheFile = repo.Full(".nuke/temp/parse-cache/workspace.bin");
        var excluded = repo.Full(".nuke/temp");
        AffectedRequest Cached(AffectedRequest r) => r.WithHead("HEAD").WithParseCache(cacheFile).WithExcludedFolders([excluded]);
        // The warm-up run reads the base commit through the cache (nothing changed: base and head are one commit).
        await Analyse.RunAsync(repo, "HEAD", configure: Cached);
        Assert.True(ParseCache.Open(cacheFile).FileCount > 0);

        Change(repo, change);
        repo.Commit(change);
        Assert.True(await CleanCheckout.HoldsAsync(repo.Root, ".", repo.HeadSha, [".nuke/temp"], TestContext.Current.CancellationToken));
        var cached = await Analyse.RunAsync(repo, "HEAD~1", configure: Cached);
        var uncached = await Analyse.RunAsync(repo, "HEAD~1", configure: r => r.WithHead("HEAD").WithExcludedFolders([excluded]));

        Assert.Equal(AffectedJson.Serialize(uncached), AffectedJson.Serialize(cached));
        Assert.NotEmpty(cached.ChangedFiles);
        // A second cached run reads the base's copy through the cache too (its Go files are placeholders then).
        Assert.Equal(AffectedJson.Serialize(uncached), AffectedJson.Serialize(await Analyse.RunAsync(repo, "HEAD~1", configure: Cached)));
    }

    [Fact]
    public async Task A_commit_changing_a_vendored_import_is_seen_through_a_warm_cache()
    {
        using var repo = Monorepo();
        var cacheFile = repo.Full(".nuke/temp/parse-cache/workspace.bin");
        var excluded = repo.Full(".nuke/temp");
        AffectedRequest Cached(AffectedRequest r) => r.WithHead("HEAD").WithParseCache(cacheFile).WithExcludedFolders([excluded]);
        await Analyse.RunAsync(repo, "HEAD", configure: Cached);

        // x/unused enters api's closure only through this commit: a cached x/db/pool of the base would miss it.
        repo.Write("services/shop/vendor/github.com/x/db/pool/pool.go", GoMonorepoBuild.Tests.Workspace.VendorTests.Go("pool", "github.com/x/unused"))
            .Commit("pool imports unused");
        repo.Write("services/shop/vendor/github.com/x/unused/unused.go",
            File.ReadAllText(repo.Full("services/shop/vendor/github.com/x/unused/unused.go")) + "\n// edited\n").Commit("edit unused");

        var result = await Analyse.RunAsync(repo, "HEAD~1", configure: Cached);
        Assert.Equal(["api"], result.Names());
        Assert.StartsWith("services/shop/vendor/github.com/x/unused/unused.go -> vendored package github.com/x/unused", result.ReasonOf("api").ChainText);
    }

    [Theory]
    [InlineData("libs/auth/linked.go", "token.go")]
    [InlineData("services/shop/vendor/github.com/x/db/pool/pool_arm64.s", "pool_amd64.s")]
    public async Task A_base_copy_with_links_gives_the_answer_of_a_run_without_the_cache(string link, string target)
    {
        using var repo = Monorepo();
        File.CreateSymbolicLink(repo.Full(link), target);
        repo.Commit("link");
        var cacheFile = repo.Full(".nuke/temp/parse-cache/workspace.bin");
        var excluded = repo.Full(".nuke/temp");
        AffectedRequest Cached(AffectedRequest r) => r.WithHead("HEAD").WithParseCache(cacheFile).WithExcludedFolders([excluded]);
        await Analyse.RunAsync(repo, "HEAD", configure: Cached);

        // Deleted files send the analysis to the base's copy, which holds the links.
        repo.Delete("libs/auth/auth.go").Delete("services/shop/vendor/github.com/x/db/db.go").Commit("delete");
        var uncached = await Analyse.RunAsync(repo, "HEAD~1", configure: r => r.WithHead("HEAD").WithExcludedFolders([excluded]));
        Assert.Equal(AffectedJson.Serialize(uncached), AffectedJson.Serialize(await Analyse.RunAsync(repo, "HEAD~1", configure: Cached)));
        Assert.Equal(AffectedJson.Serialize(uncached), AffectedJson.Serialize(await Analyse.RunAsync(repo, "HEAD~1", configure: Cached)));
        Assert.NotEmpty(uncached.Services);
    }
}
