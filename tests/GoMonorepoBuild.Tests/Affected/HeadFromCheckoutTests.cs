using GoMonorepoBuild.Affected;
using GoMonorepoBuild.Changes;
using GoMonorepoBuild.Tests.Changes;
using GoMonorepoBuild.Tests.Workspace;

namespace GoMonorepoBuild.Tests.Affected;

/// <summary>
/// With <c>--head</c> the checked-out commit and a clean checkout, the head's model is read from the checkout instead of
/// a revision copy (issue 17); the answer is the same, to the last reason, as the one from the copy, for every kind of
/// change.
/// </summary>
public class HeadFromCheckoutTests
{
    static TestRepository Monorepo()
    {
        var repo = SampleMonorepo.WriteTo(new TestRepository());
        foreach (var (path, content) in VendorTests.ShopFiles()) repo.Write(path, content);
        repo.Write("libs/auth/auth_linux.go", "//go:build linux\n\npackage auth\n\nfunc linux() {}\n");
        repo.Commit("base");
        return repo;
    }

    public static TheoryData<string> Changes() =>
    [
        "add", "delete", "rename", "go.mod", "modules.txt", "vendored", "build constraint", "embedded", "docs",
    ];

    static void Change(TestRepository repo, string change)
    {
        _ = change switch
        {
            "add" => repo.Write("libs/auth/extra.go", "package auth\n\nimport \"example.com/libs/util\"\n\nfunc Extra() { util.Do() }\n"),
            "delete" => repo.Delete("libs/auth/token.go"),
            "rename" => repo.Move("services/orders/internal/api/api.go", "services/orders/internal/api/serve.go"),
            "go.mod" => repo.Write("services/payments/go.mod", File.ReadAllText(repo.Full("services/payments/go.mod")) + "\nrequire example.com/more v1.0.0\n"),
            "modules.txt" => repo.Write("services/shop/vendor/modules.txt", File.ReadAllText(repo.Full("services/shop/vendor/modules.txt")) + "# github.com/x/more v0.0.1\n"),
            "vendored" => repo.Delete("services/shop/vendor/github.com/x/db/pool/pool.go")
                .Write("services/shop/vendor/github.com/x/db/pool/pool2.go", VendorTests.Go("pool", "sync")),
            "build constraint" => repo.Write("libs/auth/auth_linux.go", "//go:build windows\n\npackage auth\n\nfunc linux() {}\n"),
            "embedded" => repo.Write("services/web/static/app.css", "h1{}").Delete("services/web/static/index.html"),
            "docs" => repo.Write("README.md", "# changed\n"),
            _ => throw new ArgumentOutOfRangeException(nameof(change), change, null),
        };
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task The_head_read_from_a_clean_checkout_gives_the_answer_of_the_revision_copy(string change)
    {
        using var repo = Monorepo();
        Change(repo, change);
        repo.Commit(change);
        Assert.True(await CleanCheckout.HoldsAsync(repo.Root, ".", repo.HeadSha, [], TestContext.Current.CancellationToken));

        var fromCheckout = await Analyse.RunAsync(repo, "HEAD~1", configure: r => r.WithHead("HEAD"));
        // An untracked file (in a folder the go command skips) keeps the model as it is but makes the checkout unclean:
        // the analysis reads the head from a revision copy, as before issue 17.
        repo.Write(".scratch/notes.txt", "not committed");
        Assert.False(await CleanCheckout.HoldsAsync(repo.Root, ".", repo.HeadSha, [], TestContext.Current.CancellationToken));
        var fromCopy = await Analyse.RunAsync(repo, "HEAD~1", configure: r => r.WithHead("HEAD"));

        Assert.Equal(AffectedJson.Serialize(fromCopy), AffectedJson.Serialize(fromCheckout));
        Assert.NotEmpty(fromCheckout.ChangedFiles);
    }
}
