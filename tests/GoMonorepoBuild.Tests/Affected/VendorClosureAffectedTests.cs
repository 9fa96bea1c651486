using GoMonorepoBuild.Affected;
using GoMonorepoBuild.Tests.Changes;
using GoMonorepoBuild.Tests.Workspace;

namespace GoMonorepoBuild.Tests.Affected;

/// <summary>
/// With --head the checked-out commit, a run keeps each service's vendored closure for later runs over the same vendored
/// files and local imports (issue 17 item 5, <see cref="GoMonorepoBuild.Workspace.Cache.VendorClosures"/>). Whatever a
/// commit changes of what a closure is made of (modules.txt, a vendored file added, removed or importing another
/// package, a local file importing another vendored package, go.mod), the next run gives the answer of a run without any
/// cache; and a run over a checkout with an edited vendored file keeps nothing (the index does not describe that file).
/// </summary>
public class VendorClosureAffectedTests
{
    const string Pool = "services/shop/vendor/github.com/x/db/pool/pool.go";

    static string ClosuresFile(TestRepository repo) => repo.Full(".nuke/temp/parse-cache/vendor-closures.bin");

    static AffectedRequest Cached(TestRepository repo, AffectedRequest r) =>
        r.WithHead("HEAD").WithParseCache(repo.Full(".nuke/temp/parse-cache/workspace.bin")).WithExcludedFolders([repo.Full(".nuke/temp")]);

    static async Task<string> UncachedAsync(TestRepository repo, string @base) =>
        AffectedJson.Serialize(await Analyse.RunAsync(repo, @base, configure: r => r.WithHead("HEAD").WithExcludedFolders([repo.Full(".nuke/temp")])));

    /// <summary>The answer with the cache, twice (the second run reads what the first kept), each the uncached answer.</summary>
    static async Task<AffectedResult> AssertSameAsUncachedAsync(TestRepository repo, string @base)
    {
        var uncached = await UncachedAsync(repo, @base);
        var first = await Analyse.RunAsync(repo, @base, configure: r => Cached(repo, r));
        Assert.Equal(uncached, AffectedJson.Serialize(first));
        Assert.Equal(uncached, AffectedJson.Serialize(await Analyse.RunAsync(repo, @base, configure: r => Cached(repo, r))));
        return first;
    }

    public static TheoryData<string> Changes() =>
    [
        "modules.txt", "vendored file added", "vendored file removed", "vendored imports another package", "local imports another vendored package", "go.mod",
    ];

    static void Change(TestRepository repo, string change)
    {
        _ = change switch
        {
            "modules.txt" => repo.Write("services/shop/vendor/modules.txt",
                File.ReadAllText(repo.Full("services/shop/vendor/modules.txt")).Replace("github.com/x/db/pool\n", "")),
            "vendored file added" => repo.Write("services/shop/vendor/github.com/x/db/pool/pool_arm64.s", "TEXT ·Add(SB),4,$0\n"),
            "vendored file removed" => repo.Delete("services/shop/vendor/github.com/x/db/pool/pool_amd64.s"),
            "vendored imports another package" => repo.Write(Pool, VendorTests.Go("pool", "github.com/x/unused")),
            "local imports another vendored package" => repo.Write("services/shop/internal/util/util.go", VendorTests.Go("util", "github.com/x/log")),
            "go.mod" => repo.Write("services/shop/go.mod", File.ReadAllText(repo.Full("services/shop/go.mod")).Replace("go 1.23", "go 1.13")),
            _ => throw new ArgumentOutOfRangeException(nameof(change), change, null),
        };
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task A_commit_changing_what_a_kept_closure_is_made_of_gives_the_fresh_answer(string change)
    {
        using var repo = ParseCacheAffectedTests.Monorepo();
        // Keeps the base's closures (nothing changed: base and head are one commit).
        await Analyse.RunAsync(repo, "HEAD", configure: r => Cached(repo, r));
        Assert.True(File.Exists(ClosuresFile(repo)));
        var kept = File.ReadAllBytes(ClosuresFile(repo));

        Change(repo, change);
        repo.Commit(change);
        var result = await AssertSameAsUncachedAsync(repo, "HEAD~1");

        Assert.Contains("api", result.Names());
        // The model the kept closures give for the new commit, input by input, is the one read without any cache.
        var model = await VendorClosureReuseTests.LoadAsync(repo, new GoMonorepoBuild.Workspace.Cache.VendorClosures(ClosuresFile(repo)));
        Assert.Equal(VendorClosureReuseTests.Inputs(VendorClosureReuseTests.Uncached(repo)), VendorClosureReuseTests.Inputs(model));
        // A closure of the new files is kept beside the old ones (with go 1.13 there is no vendor folder to build from).
        Assert.Equal(change == "go.mod", kept.AsSpan().SequenceEqual(File.ReadAllBytes(ClosuresFile(repo))));
    }

    [Fact]
    public async Task An_unchanged_vendor_folder_is_answered_from_the_kept_closure()
    {
        using var repo = ParseCacheAffectedTests.Monorepo();
        await Analyse.RunAsync(repo, "HEAD", configure: r => Cached(repo, r));
        var kept = File.GetLastWriteTimeUtc(ClosuresFile(repo));
        var old = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(ClosuresFile(repo), old);

        repo.Write("services/shop/cmd/api/main.go", File.ReadAllText(repo.Full("services/shop/cmd/api/main.go")) + "\n// edited\n").Commit("edit api");
        var result = await AssertSameAsUncachedAsync(repo, "HEAD~1");

        Assert.Equal(["api"], result.Names());
        Assert.Equal(old, File.GetLastWriteTimeUtc(ClosuresFile(repo))); // every closure found: nothing new to keep
        Assert.NotEqual(old, kept);
    }

    [Fact]
    public async Task A_checkout_with_an_edited_vendored_file_keeps_no_closure()
    {
        using var repo = ParseCacheAffectedTests.Monorepo();
        // Not committed: pool.go now imports x/unused, which the index (the key) does not say.
        repo.Write(Pool, VendorTests.Go("pool", "github.com/x/unused"));
        await Analyse.RunAsync(repo, "HEAD", configure: r => Cached(repo, r));
        Assert.False(File.Exists(ClosuresFile(repo)));

        // Back to the committed file, the index's key must not find the edited file's closure.
        repo.Write(Pool, VendorTests.ShopFiles().Single(f => f.Path == Pool).Content);
        repo.Write("services/shop/cmd/api/main.go", File.ReadAllText(repo.Full("services/shop/cmd/api/main.go")) + "\n// edited\n").Commit("edit api");
        await AssertSameAsUncachedAsync(repo, "HEAD~1");
        var model = await VendorClosureReuseTests.LoadAsync(repo, new GoMonorepoBuild.Workspace.Cache.VendorClosures(ClosuresFile(repo)));
        Assert.Equal(VendorClosureReuseTests.Inputs(VendorClosureReuseTests.Uncached(repo)), VendorClosureReuseTests.Inputs(model));
        Assert.DoesNotContain("github.com/x/unused", model.Services.SelectMany(s => s.VendoredPackages));
    }
}
