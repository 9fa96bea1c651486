using GoMonorepoBuild.Dockerfiles;
using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.Dockerfiles;

/// <summary>A service whose module vendors its dependencies builds from its vendor folder, offline, with nothing downloaded.</summary>
public sealed class VendoredServiceTests : IDisposable
{
    readonly DockerfilesScratchFolder _repo = new();
    readonly DockerfilesScratchFolder _out = new();

    static readonly DockerfileOptions Seeded = DockerfileOptions.Default.WithBuilderImage("gomonorepobuild/go:1.23");

    static readonly ServiceBuildInput Plain = new(
        "quotes", "services/quotes", "services/quotes", "1.23",
        ["services/quotes/go.mod", "services/quotes/go.sum"],
        ["services/quotes/main.go"]);

    static readonly ServiceBuildInput Vendored = Plain.WithVendorFiles(
        ["services/quotes/vendor/example.com/quote/quote.go", "services/quotes/vendor/modules.txt"]);

    string Context => Path.Combine(_out.Path, "quotes", "context");

    public VendoredServiceTests()
    {
        _repo.Write("services/quotes/go.mod", "module example.com/services/quotes\n\ngo 1.23\n\nrequire example.com/quote v1.0.0\n");
        _repo.Write("services/quotes/go.sum", "");
        _repo.Write("services/quotes/main.go", "package main\n\nimport \"example.com/quote\"\n\nfunc main() { println(quote.Go()) }\n");
        _repo.Write("services/quotes/vendor/modules.txt", "# example.com/quote v1.0.0\n## explicit\nexample.com/quote\n");
        _repo.Write("services/quotes/vendor/example.com/quote/quote.go", "package quote\n\nfunc Go() string { return \"vendored\" }\n");
        _repo.Write("services/quotes/vendor/example.com/unused/unused.go", "package unused\n");
    }

    [Fact]
    public void A_vendoring_service_has_its_vendor_files_staged_at_their_monorepo_paths_and_nothing_else_of_vendor()
    {
        ContextStager.Stage(_repo.Path, Vendored, Context, cancellationToken: TestContext.Current.CancellationToken);

        var staged = Directory.EnumerateFiles(Context, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Context, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(
            ["modules/services/quotes/go.mod", "modules/services/quotes/go.sum", "sources/services/quotes/main.go",
             "sources/services/quotes/vendor/example.com/quote/quote.go", "sources/services/quotes/vendor/modules.txt"],
            staged);
    }

    [Fact]
    public void A_vendoring_service_builds_with_mod_vendor_and_never_downloads_modules()
    {
        var text = DockerfileGenerator.Render(Vendored, Seeded);

        Assert.Contains("GOFLAGS=-mod=vendor ", text);
        Assert.DoesNotContain("-mod=mod", text);
        Assert.DoesNotContain("go mod download", text);
        Assert.Contains("go build -trimpath", text);
    }

    [Fact]
    public void A_service_without_vendor_files_keeps_downloading_into_the_module_cache()
    {
        var text = DockerfileGenerator.Render(Plain, Seeded);

        Assert.Contains("GOFLAGS=-mod=mod ", text);
        Assert.Contains("cd services/quotes && go mod download", text);
        Assert.NotEqual(text, DockerfileGenerator.Render(Vendored, Seeded));
    }

    [Fact]
    public void Vendor_files_without_the_modules_list_are_refused_naming_the_file_and_go_mod_vendor()
    {
        var broken = Plain.WithVendorFiles(["services/quotes/vendor/example.com/quote/quote.go"]);

        var error = Assert.Throws<InvalidServiceInputException>(() => DockerfileGenerator.Render(broken, Seeded));

        Assert.Contains("services/quotes/vendor/modules.txt", error.Message);
        Assert.Contains("go mod vendor", error.Message);
    }

    public void Dispose()
    {
        _repo.Dispose();
        _out.Dispose();
    }
}
