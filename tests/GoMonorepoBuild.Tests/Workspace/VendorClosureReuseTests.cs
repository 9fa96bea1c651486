using GoMonorepoBuild.Changes;
using GoMonorepoBuild.Tests.Changes;
using GoMonorepoBuild.Workspace;
using GoMonorepoBuild.Workspace.Cache;
using GoMonorepoBuild.Workspace.Packages;

namespace GoMonorepoBuild.Tests.Workspace;

/// <summary>
/// A service's vendored closure kept across runs (issue 17 item 5, <see cref="VendorClosures"/>) changes how fast a
/// model loads, never what it is: loaded from a clean checkout of a real repository with git's index as keys, the model
/// with a kept closure equals, service by service and input by input, the one read without any cache; other platforms
/// or a vendored file reached through a link are not answered with a kept closure.
/// </summary>
public class VendorClosureReuseTests
{
    static TestRepository Shop(Action<TestRepository>? more = null)
    {
        var repo = new TestRepository();
        foreach (var (path, content) in VendorTests.ShopFiles()) repo.Write(path, content);
        more?.Invoke(repo);
        repo.Commit("shop");
        return repo;
    }

    /// <summary>A load that keeps its closures (the checkout is clean: Affected commits them once git says so), then a load with <paramref name="platforms"/>.</summary>
    static async Task<(VendorClosures Closures, GoWorkspace Model)> KeepThenLoadAsync(TestRepository repo, IReadOnlyList<TargetPlatform>? platforms = null)
    {
        var first = Closures(repo);
        await LoadAsync(repo, first);
        first.Commit();
        var second = Closures(repo);
        return (second, await LoadAsync(repo, second, platforms));
    }

    /// <summary>A load as Affected makes one from a clean checkout: the parse cache and the closures, keyed by the index.</summary>
    internal static async Task<GoWorkspace> LoadAsync(TestRepository repo, VendorClosures closures, IReadOnlyList<TargetPlatform>? platforms = null)
    {
        using var repository = RunRepository.At(repo.Root);
        var listing = await IndexListing.ReadAsync(repository, TestContext.Current.CancellationToken);
        var keys = IndexContents.Of(listing!, ".");
        var cache = new ModelCache(ParseCache.Open(repo.Full(".cache/workspace.bin")), keys) { Closures = closures };
        return GoWorkspace.Load(repo.Root, Options(platforms) with { Cache = cache }, TestContext.Current.CancellationToken);
    }

    static WorkspaceOptions Options(IReadOnlyList<TargetPlatform>? platforms) =>
        WorkspaceOptions.Default.WithServiceGlobs(["services/shop/cmd/*"]).WithPlatforms(platforms ?? TargetPlatform.Default);

    internal static GoWorkspace Uncached(TestRepository repo, IReadOnlyList<TargetPlatform>? platforms = null) =>
        GoWorkspace.Load(repo.Root, Options(platforms), TestContext.Current.CancellationToken);

    /// <summary>Every service's inputs, one line each, and the model's whole description.</summary>
    internal static string Inputs(GoWorkspace model) =>
        string.Join("\n", model.Services.Select(s => $"{s.Name}: inputs {string.Join(",", s.ImageInputs)} | vendor files {string.Join(",", s.VendorFiles)} | " +
                                                     $"vendored {string.Join(",", s.VendoredPackages)} | packages {string.Join(",", s.Packages)}"))
        + "\n" + ParseCacheTests.Describe(model);

    static VendorClosures Closures(TestRepository repo) => new(repo.Full(".cache/vendor-closures.bin"));

    [Fact]
    public async Task A_kept_closure_gives_the_model_read_without_any_cache()
    {
        using var repo = Shop();
        var first = Closures(repo);
        var computed = await LoadAsync(repo, first);
        Assert.Equal(0, first.Hits);
        Assert.True(first.HasProposals);
        first.Commit(); // the checkout is clean: what Affected does once git says so

        var second = Closures(repo);
        var reused = await LoadAsync(repo, second);

        Assert.Equal(2, second.Hits); // api and worker
        Assert.False(second.HasProposals);
        var expected = Inputs(Uncached(repo));
        Assert.Equal(expected, Inputs(computed));
        Assert.Equal(expected, Inputs(reused));
        Assert.Contains("services/shop/vendor/github.com/x/db/pool/pool_amd64.s", reused.Services.Single(s => s.Name == "api").VendorFiles);
        Assert.Contains("services/shop/vendor/github.com/x/log/format.txt", reused.Services.Single(s => s.Name == "worker").VendorFiles);
    }

    [Fact]
    public async Task A_kept_closure_gives_its_packages_warnings_again()
    {
        using var repo = Shop(r => r
            .Write("services/shop/vendor/github.com/x/db/pool/gen.go", "//go:build linux\n\npackage main\n") // two package names
            .Write("services/shop/vendor/github.com/x/log/bad.go", "this is not Go\n")); // does not parse
        var (second, model) = await KeepThenLoadAsync(repo);

        Assert.Equal(2, second.Hits);
        Assert.Equal(Inputs(Uncached(repo)), Inputs(model));
        Assert.Contains(model.Warnings, w => w.Contains("gen.go", StringComparison.Ordinal));
        Assert.Contains(model.Warnings, w => w.Contains("bad.go", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_closure_embedding_a_file_below_its_package_folder_is_kept_and_gives_the_same_model()
    {
        using var repo = Shop(r => r
            .Write("services/shop/vendor/github.com/x/log/log.go", "package log\n\nimport \"embed\"\n\n//go:embed tmpl/*.txt\nvar templates embed.FS\n")
            .Write("services/shop/vendor/github.com/x/log/tmpl/line.txt", "%s"));
        var (second, model) = await KeepThenLoadAsync(repo);

        Assert.Equal(2, second.Hits);
        Assert.Equal(Inputs(Uncached(repo)), Inputs(model));
        Assert.Contains("services/shop/vendor/github.com/x/log/tmpl/line.txt", model.Services.Single(s => s.Name == "worker").VendorFiles);
    }

    [Fact]
    public async Task Other_platforms_are_not_answered_with_a_closure_kept_for_the_default_ones()
    {
        using var repo = Shop();
        IReadOnlyList<TargetPlatform> windows = [new("windows", "amd64")];
        var (second, model) = await KeepThenLoadAsync(repo, windows);

        Assert.Equal(0, second.Hits);
        Assert.Equal(Inputs(Uncached(repo, windows)), Inputs(model));
        Assert.Contains("services/shop/vendor/github.com/x/db/pool/windows_only.go", model.Services.Single(s => s.Name == "api").VendorFiles);
    }

    [Fact]
    public async Task A_closure_reaching_a_file_through_a_link_is_not_kept()
    {
        // The link's target lies outside vendor/: a digest of vendor/ does not see it change, and it is an input too.
        using var repo = Shop(r => File.CreateSymbolicLink(
            r.Write("services/shop/asm/pool_arm64.s", "TEXT ·Add(SB),4,$0\n").Full("services/shop/vendor/github.com/x/db/pool/pool_arm64.s"),
            "../../../../../asm/pool_arm64.s"));
        var (second, model) = await KeepThenLoadAsync(repo);

        Assert.Equal(Inputs(Uncached(repo)), Inputs(model));
        Assert.Contains("services/shop/asm/pool_arm64.s", model.Services.Single(s => s.Name == "api").VendorFiles);
        Assert.Equal(1, second.Hits); // worker's closure has no link
    }

    /// <summary>The shop without its embedding package: every vendored package is then read from its folder's listing alone.</summary>
    static void NoEmbed(TestRepository repo) => repo.Write("services/shop/vendor/github.com/x/log/log.go", "package log\n");

    /// <summary>The shop whose log package embeds a folder with a folder in it: what it embeds depends on the tree below it.</summary>
    static void EmbedsTree(TestRepository repo) => repo
        .Write("services/shop/vendor/github.com/x/log/log.go", "package log\n\nimport \"embed\"\n\n//go:embed format.txt tmpl\nvar files embed.FS\n")
        .Write("services/shop/vendor/github.com/x/log/tmpl/line.txt", "%s")
        .Write("services/shop/vendor/github.com/x/log/tmpl/deep/block.txt", "%s\n%s");

    [Theory]
    [InlineData("no embedding package")]
    [InlineData("a package embedding a file")]
    [InlineData("a package embedding a folder tree")]
    public async Task A_closure_read_from_files_as_the_index_describes_them_is_kept_without_asking_about_the_checkout(string shape)
    {
        using var repo = Shop(shape switch { "no embedding package" => NoEmbed, "a package embedding a folder tree" => EmbedsTree, _ => null });
        var cold = Closures(repo);
        var model = await LoadAsync(repo, cold); // a fresh parse cache: every vendored package is read from disk

        Assert.True(cold.HasProposals);
        Assert.False(cold.NeedsCleanCheckout);
        Assert.Equal(Inputs(Uncached(repo)), Inputs(model));

        cold.Commit();
        var warm = Closures(repo);
        Assert.Equal(Inputs(model), Inputs(await LoadAsync(repo, warm)));
        Assert.Equal(2, warm.Hits);
    }

    [Theory]
    [InlineData("a vendored Go file edited")]
    [InlineData("a file added to a vendored package's folder")]
    [InlineData("a file deleted from a vendored package's folder")]
    [InlineData("modules.txt edited")]
    [InlineData("go.mod edited")]
    [InlineData("a file embedding leaves out added below an embedding package")]
    [InlineData("an embedded file deleted")]
    [InlineData("an empty folder made below an embedding package")]
    [InlineData("a folder's files deleted below an embedding package")]
    [InlineData("an embedded file replaced by a link to it")]
    [InlineData("an embedded folder replaced by a file")]
    public async Task A_closure_read_from_files_the_index_does_not_vouch_for_is_kept_only_once_the_checkout_proves_clean(string change)
    {
        using var repo = Shop(EmbedsTree);
        const string log = "services/shop/vendor/github.com/x/log";
        switch (change)
        {
            case "a vendored Go file edited": File.AppendAllText(repo.Full("services/shop/vendor/github.com/x/db/pool/pool.go"), "\n// edited\n"); break;
            case "a file added to a vendored package's folder": repo.Write("services/shop/vendor/github.com/x/db/pool/NOTES", "untracked"); break;
            case "a file deleted from a vendored package's folder": File.Delete(repo.Full("services/shop/vendor/github.com/x/db/pool/pool_amd64.s")); break;
            case "modules.txt edited": File.AppendAllText(repo.Full("services/shop/vendor/modules.txt"), "\n"); break;
            case "go.mod edited": File.AppendAllText(repo.Full("services/shop/go.mod"), "\n// edited\n"); break;
            // (an embedded file the index does not list is proposed for no closure at all)
            case "a file embedding leaves out added below an embedding package": repo.Write($"{log}/tmpl/deep/.notes", "untracked"); break;
            case "an embedded file deleted": File.Delete(repo.Full($"{log}/tmpl/line.txt")); break;
            case "an empty folder made below an embedding package": Directory.CreateDirectory(repo.Full($"{log}/tmpl/empty")); break;
            case "a folder's files deleted below an embedding package": File.Delete(repo.Full($"{log}/tmpl/deep/block.txt")); break;
            case "an embedded file replaced by a link to it":
                File.Delete(repo.Full($"{log}/tmpl/line.txt"));
                File.CreateSymbolicLink(repo.Full($"{log}/tmpl/line.txt"), "deep/block.txt");
                break;
            case "an embedded folder replaced by a file":
                Directory.Delete(repo.Full($"{log}/tmpl"), recursive: true);
                repo.Write($"{log}/tmpl", "a file now");
                break;
        }
        var closures = Closures(repo);
        await LoadAsync(repo, closures);

        Assert.True(closures.HasProposals, change);
        Assert.True(closures.NeedsCleanCheckout, change);
    }
}
