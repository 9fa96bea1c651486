using GoMonorepoBuild.Workspace;

namespace GoMonorepoBuild.Tests.Workspace;

/// <summary>
/// A module with vendor/modules.txt builds from its vendor folder (issue 16): modules.txt is an input of all its
/// services, a vendored package's files only of the services whose closure imports it.
/// </summary>
public class VendorTests
{
    /// <summary>One module, two binaries: api reaches x/db (and through it x/db/pool), worker reaches x/log.</summary>
    internal static IEnumerable<(string Path, string Content)> ShopFiles(string goVersion = "1.23") =>
    [
        ("services/shop/go.mod", $"module example.com/shop\n\ngo {goVersion}\n\nrequire (\n\tgithub.com/x/db v1.2.0\n\tgithub.com/x/log v0.3.0\n)\n"),
        ("services/shop/cmd/api/main.go", Go("main", "github.com/x/db", "example.com/shop/internal/util")),
        ("services/shop/cmd/worker/main.go", Go("main", "github.com/x/log", "fmt")),
        ("services/shop/internal/util/util.go", Go("util")),
        ("services/shop/vendor/modules.txt", """
            # github.com/x/db v1.2.0
            ## explicit; go 1.21
            github.com/x/db
            github.com/x/db/pool
            # github.com/x/log v0.3.0
            ## explicit; go 1.20
            github.com/x/log
            # github.com/x/unused v0.1.0
            ## explicit
            github.com/x/unused

            """),
        ("services/shop/vendor/github.com/x/db/db.go", Go("db", "github.com/x/db/pool", "database/sql")),
        ("services/shop/vendor/github.com/x/db/LICENSE", "MIT"),
        ("services/shop/vendor/github.com/x/db/pool/pool.go", Go("pool")),
        ("services/shop/vendor/github.com/x/db/pool/pool_amd64.s", "TEXT ·Add(SB),4,$0\n"),
        ("services/shop/vendor/github.com/x/db/pool/windows_only.go", "//go:build windows\n\npackage pool\n"),
        ("services/shop/vendor/github.com/x/log/log.go", "package log\n\nimport _ \"embed\"\n\n//go:embed format.txt\nvar format string\n"),
        ("services/shop/vendor/github.com/x/log/format.txt", "%s"),
        ("services/shop/vendor/github.com/x/unused/unused.go", Go("unused")),
    ];

    internal static string Go(string package, params string[] imports) =>
        $"package {package}\n\n" + (imports.Length == 0 ? "" : "import (\n" + string.Concat(imports.Select(i => $"\t\"{i}\"\n")) + ")\n") + "\nfunc F() {}\n";

    static TempTree Shop(TempTree tree, string goVersion = "1.23")
    {
        foreach (var (path, content) in ShopFiles(goVersion)) tree.Write(path, content);
        return tree;
    }

    [Fact]
    public void A_vendored_package_is_an_input_only_of_the_services_whose_closure_imports_it()
    {
        using var tree = Shop(new TempTree());
        var model = GoWorkspace.Load(tree.Root, ["services/shop"], cancellationToken: TestContext.Current.CancellationToken);
        var api = model.Service("api")!;
        var worker = model.Service("worker")!;

        Assert.Equal([
            "services/shop/vendor/github.com/x/db/db.go",
            "services/shop/vendor/github.com/x/db/pool/pool.go",
            "services/shop/vendor/github.com/x/db/pool/pool_amd64.s",
            "services/shop/vendor/modules.txt",
        ], api.VendorFiles);
        Assert.Equal(["github.com/x/db", "github.com/x/db/pool"], api.VendoredPackages);
        Assert.Equal([
            "services/shop/vendor/github.com/x/log/format.txt",
            "services/shop/vendor/github.com/x/log/log.go",
            "services/shop/vendor/modules.txt",
        ], worker.VendorFiles);
        Assert.Equal(["api", "worker"], model.ServicesWithInput("services/shop/vendor/modules.txt").Select(s => s.Name));
        Assert.Equal(["api"], model.ServicesWithInput("services/shop/vendor/github.com/x/db/pool/pool_amd64.s").Select(s => s.Name));
        Assert.Empty(model.ServicesWithInput("services/shop/vendor/github.com/x/unused/unused.go"));
        Assert.Empty(model.ServicesWithInput("services/shop/vendor/github.com/x/db/LICENSE"));
        Assert.Empty(model.ServicesWithInput("services/shop/vendor/github.com/x/db/pool/windows_only.go"));
        Assert.Contains("services/shop/vendor/github.com/x/db/db.go", api.ImageInputs);
    }

    [Fact]
    public void The_chain_of_a_vendored_file_names_its_module_and_every_importer_up_to_the_main_package()
    {
        using var tree = Shop(new TempTree());
        var model = GoWorkspace.Load(tree.Root, ["services/shop"], cancellationToken: TestContext.Current.CancellationToken);
        var api = model.Service("api")!;

        Assert.Equal([
            "services/shop/vendor/github.com/x/db/pool/pool.go",
            "vendored package github.com/x/db/pool (module github.com/x/db v1.2.0, services/shop/vendor)",
            "imported by vendored package github.com/x/db",
            "imported by example.com/shop/cmd/api (main)",
            "service api",
        ], model.Explain("services/shop/vendor/github.com/x/db/pool/pool.go", api));
        Assert.Equal(["services/shop/vendor/github.com/x/log/format.txt", "embedded by vendored package github.com/x/log",
                "imported by example.com/shop/cmd/worker (main)", "service worker"],
            model.Explain("services/shop/vendor/github.com/x/log/format.txt", model.Service("worker")!));
        Assert.True(model.IsInUsedVendorFolder("services/shop/vendor/github.com/x/unused/unused.go"));
    }

    [Fact]
    public void Before_go_1_14_a_vendor_folder_is_not_built_from_and_is_no_input()
    {
        using var tree = Shop(new TempTree(), goVersion: "1.13");
        var model = GoWorkspace.Load(tree.Root, ["services/shop"], cancellationToken: TestContext.Current.CancellationToken);
        Assert.All(model.Services, s => Assert.Empty(s.VendorFiles));
        Assert.False(model.IsInUsedVendorFolder("services/shop/vendor/github.com/x/db/db.go"));
    }

    [Fact]
    public void A_monorepo_module_that_is_replaced_by_its_folder_and_vendored_counts_with_its_vendored_copy()
    {
        // moby's layout: the root module requires ./api through a replace and vendors it; the go command compiles the copy.
        using var tree = new TempTree();
        tree.Module(".", "example.com/engine", "require example.com/engine/api v1.0.0\nreplace example.com/engine/api => ./api\n")
            .GoFile("cmd/engined/main.go", "main", "example.com/engine/api/types")
            .Module("api", "example.com/engine/api").GoFile("api/types/types.go", "types")
            .Write("vendor/modules.txt", "# example.com/engine/api v1.0.0 => ./api\n## explicit; go 1.23\nexample.com/engine/api/types\n# example.com/engine/api => ./api\n")
            .GoFile("vendor/example.com/engine/api/types/types.go", "types");
        var model = GoWorkspace.Load(tree.Root, ["cmd/*"], cancellationToken: TestContext.Current.CancellationToken);
        var engined = model.Service("engined")!;

        Assert.Contains("api/types/types.go", engined.ImageInputs);
        Assert.Contains("vendor/example.com/engine/api/types/types.go", engined.VendorFiles);
        Assert.Equal(["vendor/example.com/engine/api/types/types.go", "vendored package example.com/engine/api/types (module example.com/engine/api v1.0.0 => ./api, vendor)",
            "imported by example.com/engine/cmd/engined (main)", "service engined"], model.Explain("vendor/example.com/engine/api/types/types.go", engined));
    }

    [Fact]
    public void A_workspace_vendor_folder_beside_go_work_serves_the_modules_it_uses()
    {
        using var tree = new TempTree();
        tree.Write("go.work", "go 1.23\n\nuse ./services/a\n")
            .Module("services/a", "example.com/a", "require github.com/x/y v1.0.0\n").GoFile("services/a/main.go", "main", "github.com/x/y")
            .Write("vendor/modules.txt", "## workspace\n# github.com/x/y v1.0.0\n## explicit; go 1.21\ngithub.com/x/y\n")
            .GoFile("vendor/github.com/x/y/y.go", "y")
            // A module's own vendor folder is not read in workspace mode.
            .Write("services/a/vendor/modules.txt", "# github.com/x/y v1.0.0\ngithub.com/x/y\n")
            .GoFile("services/a/vendor/github.com/x/y/y.go", "y");
        var a = GoWorkspace.Load(tree.Root, cancellationToken: TestContext.Current.CancellationToken).Service("a")!;
        Assert.Equal(["vendor/github.com/x/y/y.go", "vendor/modules.txt"], a.VendorFiles);
    }

    [Fact]
    public void A_vendored_file_that_does_not_parse_is_a_warning_naming_it_and_the_rest_still_loads()
    {
        using var tree = Shop(new TempTree());
        // A platform tag, not a custom one: go build compiles it beside pool.go, so the package clash is real.
        tree.Write("services/shop/vendor/github.com/x/db/pool/gen.go", "//go:build linux\n\npackage main\n");
        var model = GoWorkspace.Load(tree.Root, ["services/shop"], cancellationToken: TestContext.Current.CancellationToken);
        Assert.Contains(model.Warnings, w => w.StartsWith("vendored package github.com/x/db/pool: services/shop/vendor/github.com/x/db/pool/gen.go:1:1: package main here",
            StringComparison.Ordinal));
        Assert.Contains("services/shop/vendor/github.com/x/db/pool/pool.go", model.Service("api")!.VendorFiles);
    }
}
