using GoMonorepoBuild.Workspace;

namespace GoMonorepoBuild.Tests.Workspace;

public class WorkspaceLoaderTests
{
    /// <summary>services/orders (cmd/orders) → libs/auth → libs/log by local replaces; services/billing (root main) alone.</summary>
    private static TempTree ReplaceRepo()
    {
        var tree = new TempTree();
        tree.Module("services/orders", "example.com/services/orders", """
            require (
                example.com/libs/auth v0.0.0
                example.com/libs/log v0.0.0 // indirect
            )
            replace example.com/libs/auth => ../../libs/auth
            replace example.com/libs/log => ../../libs/log
            """)
            .Write("services/orders/go.sum", "")
            .Write("services/orders/Dockerfile", "FROM scratch\n")
            .GoFile("services/orders/cmd/orders/main.go", "main", "example.com/services/orders/internal/api", "os")
            .GoFile("services/orders/internal/api/api.go", "api", "example.com/libs/auth", "net/http")
            .GoFile("services/orders/internal/api/api_test.go", "api_test", "testing", "example.com/libs/testkit")
            .GoFile("services/orders/internal/unused/unused.go", "unused", "fmt")
            .Module("libs/auth", "example.com/libs/auth", "require example.com/libs/log v0.0.0\nreplace example.com/libs/log => ../log\n")
            .GoFile("libs/auth/token.go", "auth", "example.com/libs/log", "crypto/tls")
            .GoFile("libs/auth/token_windows.go", "auth", "syscall")
            .Write("libs/auth/ignored.go", "//go:build ignore\n\npackage main\n\nimport \"example.com/libs/nothing\"\n")
            .Module("libs/log", "example.com/libs/log")
            .GoFile("libs/log/log.go", "log", "log/slog")
            .Module("services/billing", "example.com/services/billing")
            .GoFile("services/billing/main.go", "main", "fmt", "github.com/google/uuid")
            .Module("libs/testkit", "example.com/libs/testkit")
            .GoFile("libs/testkit/kit.go", "testkit");
        return tree;
    }

    [Fact]
    public void A_service_depends_on_the_local_modules_its_go_mod_replaces()
    {
        using var tree = ReplaceRepo();
        var model = GoWorkspace.Load(tree.Root, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(["billing", "orders"], model.Services.Select(s => s.Name));
        var orders = model.Service("orders")!;
        Assert.Equal("services/orders", orders.Path);
        Assert.Equal("example.com/services/orders", orders.Module);
        Assert.Equal("1.23", orders.GoVersion);
        Assert.Equal(["services/orders/cmd/orders"], orders.MainPackages);
        Assert.Equal(["example.com/libs/auth", "example.com/libs/log"], model.ModuleAt("services/orders")!.LocalDependencies);
        Assert.Equal(["example.com/libs/auth", "example.com/libs/log", "example.com/services/orders/cmd/orders",
            "example.com/services/orders/internal/api"], orders.Packages);
        Assert.Equal([
            "libs/auth/go.mod", "libs/auth/token.go", "libs/log/go.mod", "libs/log/log.go",
            "services/orders/Dockerfile", "services/orders/cmd/orders/main.go", "services/orders/go.mod", "services/orders/go.sum",
            "services/orders/internal/api/api.go",
        ], orders.ImageInputs);
        Assert.Equal(["libs/auth/go.mod", "libs/log/go.mod", "services/orders/go.mod", "services/orders/go.sum"], orders.ModuleFiles);
        Assert.True(orders.HasOwnDockerfile);
        Assert.Equal(["crypto/tls", "log/slog", "net/http", "os"], orders.StdImports);
    }

    [Fact]
    public void Test_files_and_files_for_other_platforms_are_kept_apart()
    {
        using var tree = ReplaceRepo();
        var model = GoWorkspace.Load(tree.Root, cancellationToken: TestContext.Current.CancellationToken);
        var api = model.Packages["example.com/services/orders/internal/api"];
        Assert.Equal(["services/orders/internal/api/api_test.go"], api.TestFiles);
        Assert.Equal(["example.com/libs/testkit", "testing"], api.TestImports);
        var auth = model.Packages["example.com/libs/auth"];
        Assert.Equal(["libs/auth/token.go"], auth.Files);
        Assert.Equal(["libs/auth/ignored.go", "libs/auth/token_windows.go"], auth.ExcludedFiles);
        Assert.Equal("ignore", auth.BuildConstraints["libs/auth/ignored.go"]);
        Assert.Equal("auth", auth.Name);
        Assert.Equal(["example.com/libs/log"], auth.LocalImports);
        var billing = model.Packages["example.com/services/billing"];
        Assert.Equal(["github.com/google/uuid"], billing.ExternalImports);
        Assert.Equal(["fmt"], billing.StdImports);
    }

    [Fact]
    public void A_folder_without_buildable_files_is_named_by_its_first_test_file_not_by_an_excluded_file_before_it()
    {
        using var tree = new TempTree();
        tree.Module("libs/log", "example.com/libs/log")
            .GoFile("libs/log/log.go", "log", "log/slog")
            .Write("libs/log/tools/gen.go", "//go:build ignore\n\npackage main\n")
            .GoFile("libs/log/tools/gen_test.go", "tools_test", "testing");
        var model = GoWorkspace.Load(tree.Root, cancellationToken: TestContext.Current.CancellationToken);
        var tools = model.Packages["example.com/libs/log/tools"];
        Assert.Empty(tools.Files);
        Assert.Equal("tools", tools.Name);
    }

    [Fact]
    public void Reverse_lookups_lead_from_a_file_to_the_services_it_feeds()
    {
        using var tree = ReplaceRepo();
        var model = GoWorkspace.Load(tree.Root, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("example.com/libs/auth", Assert.Single(model.PackagesOfFile("libs/auth/token.go")).ImportPath);
        Assert.Empty(model.PackagesOfFile("libs/auth/deleted.go"));
        Assert.Equal("example.com/libs/auth", model.PackageAt(RepoPath.Parent("libs/auth/deleted.go"))!.ImportPath);
        Assert.Equal("libs/auth", model.ModuleContaining("libs/auth/deleted.go")!.Dir);
        Assert.Equal(["example.com/services/orders/internal/api"], model.ImportersOf("example.com/libs/auth").Select(p => p.ImportPath));
        Assert.Equal(["example.com/services/orders/internal/api"], model.TestImportersOf("example.com/libs/testkit").Select(p => p.ImportPath));
        Assert.Equal(["example.com/libs/auth", "example.com/services/orders"], model.DependentsOf("example.com/libs/log").Select(m => m.Path).Order());
        Assert.Equal(["orders"], model.ServicesWithInput("libs/log/log.go").Select(s => s.Name));
        Assert.Empty(model.ServicesWithInput("services/orders/internal/unused/unused.go"));

        var orders = model.Service("orders")!;
        Assert.Equal([
            "libs/log/log.go", "package example.com/libs/log", "imported by example.com/libs/auth",
            "imported by example.com/services/orders/internal/api", "imported by example.com/services/orders/cmd/orders (main)", "service orders",
        ], model.Explain("libs/log/log.go", orders));
        Assert.Equal(["libs/auth/go.mod", "module example.com/libs/auth", "required by services/orders (module example.com/services/orders)", "service orders"],
            model.Explain("libs/auth/go.mod", orders));
        Assert.Null(model.Explain("services/billing/main.go", orders));
    }

    [Fact]
    public void A_go_work_connects_the_modules_it_uses()
    {
        using var tree = new TempTree();
        tree.Write("go.work", "go 1.23\n\nuse (\n\t./services/api\n\t./libs/db\n\t./tools\n)\n")
            .Module("tools", "example.com/tools").GoFile("tools/gen.go", "tools")
            .Write("go.work.sum", "")
            .Module("services/api", "example.com/api", "require example.com/db v0.1.0\n")
            .GoFile("services/api/main.go", "main", "example.com/db")
            .Module("libs/db", "example.com/db")
            .GoFile("libs/db/db.go", "db", "database/sql")
            .Module("services/solo", "example.com/solo", "require example.com/db v0.1.0\n")
            .GoFile("services/solo/main.go", "main", "example.com/db");
        var model = GoWorkspace.Load(tree.Root, cancellationToken: TestContext.Current.CancellationToken);
        var api = model.Service("api")!;
        Assert.Equal(["example.com/api", "example.com/db"], api.Packages);
        Assert.Contains("go.work", api.ModuleFiles);
        Assert.Contains("go.work.sum", api.ModuleFiles);
        Assert.Contains("tools/go.mod", api.ModuleFiles);
        Assert.DoesNotContain("tools/gen.go", api.ImageInputs);
        Assert.Contains("libs/db/db.go", api.ImageInputs);
        // Outside the workspace and without a replace, the monorepo's copy is not what the build uses.
        Assert.Equal(["example.com/solo"], model.Service("solo")!.Packages);
        Assert.Contains(model.Warnings, w => w.Contains("services/solo/go.mod has no local replace"));
        Assert.Equal(["./services/api", "./libs/db", "./tools"], model.Work!.Uses.Select(u => u.Path));
        Assert.Equal(["go.work", "the go.work of the workspace", "service api"], model.Explain("go.work", api));
    }

    [Fact]
    public void Nested_modules_own_their_folders_and_skipped_folders_are_ignored()
    {
        using var tree = new TempTree();
        tree.Module("services/app", "example.com/app", "require example.com/app/plugin v0.0.0\nreplace example.com/app/plugin => ./plugin\n")
            .GoFile("services/app/main.go", "main", "example.com/app/plugin", "example.com/app/util")
            .GoFile("services/app/util/util.go", "util")
            .Module("services/app/plugin", "example.com/app/plugin")
            .GoFile("services/app/plugin/plugin.go", "plugin")
            .GoFile("services/app/vendor/github.com/x/y/y.go", "y")
            .GoFile("services/app/testdata/fixture.go", "broken stuff that would not parse")
            .Write("services/app/.cache/go.mod", "garbage")
            .Write("services/app/_old/old.go", "not go")
            .Write("services/app/.hidden.go", "not go");
        var model = GoWorkspace.Load(tree.Root, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(["services/app", "services/app/plugin"], model.Modules.Select(m => m.Dir));
        Assert.Equal("example.com/app/plugin", model.Packages["example.com/app/plugin"].ModulePath);
        var app = model.Service("app")!;
        Assert.Equal(["example.com/app", "example.com/app/plugin", "example.com/app/util"], app.Packages);
        Assert.DoesNotContain(app.ImageInputs, f => f.Contains("vendor") || f.Contains("testdata") || f.Contains("_old"));
        Assert.Contains("services/app/plugin/go.mod", app.ImageInputs);
    }

    [Fact]
    public void Embedded_files_are_image_inputs()
    {
        using var tree = new TempTree();
        tree.Module("services/web", "example.com/web")
            .Write("services/web/main.go", """
                package main

                import (
                	"embed"
                	_ "example.com/web/assets"
                )

                //go:embed templates version.txt
                var files embed.FS

                func main() {}
                """)
            .Write("services/web/templates/index.html", "<h1/>")
            .Write("services/web/templates/partials/nav.html", "<nav/>")
            .Write("services/web/templates/.draft.html", "hidden")
            .Write("services/web/version.txt", "1")
            .Write("services/web/assets/assets.go", "package assets\n\nimport _ \"embed\"\n\n//go:embed all:static\nvar s string\n")
            .Write("services/web/assets/static/.keep", "");
        var model = GoWorkspace.Load(tree.Root, cancellationToken: TestContext.Current.CancellationToken);
        var web = model.Service("web")!;
        Assert.Equal(["services/web/templates/index.html", "services/web/templates/partials/nav.html", "services/web/version.txt"],
            model.Packages["example.com/web"].EmbedFiles);
        Assert.Contains("services/web/assets/static/.keep", web.ImageInputs);
        Assert.DoesNotContain("services/web/templates/.draft.html", web.ImageInputs);
        Assert.Equal("example.com/web", Assert.Single(model.PackagesOfFile("services/web/version.txt")).ImportPath);
        Assert.Equal(["services/web/version.txt", "embedded by package example.com/web", "service web"], model.Explain("services/web/version.txt", web));
    }

    [Fact]
    public void An_embed_pattern_matching_nothing_is_an_error_like_in_go_build()
    {
        using var tree = new TempTree();
        tree.Module("services/web", "example.com/web")
            .Write("services/web/main.go", "package main\n\nimport _ \"embed\"\n\n//go:embed missing/*.txt\nvar s string\n");
        var e = Assert.Throws<WorkspaceException>(() => GoWorkspace.Load(tree.Root, cancellationToken: TestContext.Current.CancellationToken).ThrowIfProblems());
        Assert.Equal(("services/web/main.go", 5), (e.File, e.Line));
        Assert.Contains("no matching files found", e.Message);
        Assert.Equal(["web"], e.BlockedServices);
    }

    [Fact]
    public void Assembly_files_and_a_vendor_folder_are_image_inputs()
    {
        using var tree = new TempTree();
        tree.Module("services/fast", "example.com/fast", "require github.com/x/y v1.0.0\n")
            .GoFile("services/fast/main.go", "main", "example.com/fast/simd", "github.com/x/y")
            .GoFile("services/fast/simd/simd.go", "simd")
            .Write("services/fast/simd/simd_amd64.s", "TEXT ·Sum(SB),4,$0\n")
            .Write("services/fast/simd/notes.txt", "not an input")
            .Write("services/fast/vendor/modules.txt", "# github.com/x/y v1.0.0\n")
            .Write("services/fast/vendor/github.com/x/y/y.go", "package y\n")
            .Module("services/plain", "example.com/plain").GoFile("services/plain/main.go", "main")
            .Write("services/plain/vendor/github.com/z/z.go", "package z\n");
        var model = GoWorkspace.Load(tree.Root, cancellationToken: TestContext.Current.CancellationToken);
        var fast = model.Service("fast")!;
        Assert.Contains("services/fast/simd/simd_amd64.s", fast.SourceFiles);
        Assert.DoesNotContain("services/fast/simd/notes.txt", fast.ImageInputs);
        Assert.Equal(["services/fast/vendor/github.com/x/y/y.go", "services/fast/vendor/modules.txt"], fast.VendorFiles);
        Assert.Contains("services/fast/vendor/modules.txt", fast.ImageInputs);
        Assert.Equal(["services/fast/vendor/modules.txt", "vendored by module example.com/fast (vendor/modules.txt)", "service fast"],
            model.Explain("services/fast/vendor/modules.txt", fast));
        Assert.Equal("example.com/fast/simd", Assert.Single(model.PackagesOfFile("services/fast/simd/simd_amd64.s")).ImportPath);
        // Without vendor/modules.txt the go command ignores vendor/.
        Assert.Empty(model.Service("plain")!.VendorFiles);
    }

    [Fact]
    public void A_library_module_without_main_is_analysed_as_all_its_packages()
    {
        using var tree = new TempTree();
        tree.Module("libs/kit", "example.com/kit", "require example.com/base v0.0.0\nreplace example.com/base => ../base\n")
            .GoFile("libs/kit/kit.go", "kit", "example.com/kit/sub")
            .GoFile("libs/kit/sub/sub.go", "sub", "example.com/base")
            .GoFile("libs/kit/onlytests/x_test.go", "onlytests", "testing")
            .Module("libs/base", "example.com/base")
            .GoFile("libs/base/base.go", "base");
        var model = GoWorkspace.Load(tree.Root, ["libs/*"], cancellationToken: TestContext.Current.CancellationToken);
        var kit = model.Service("kit")!;
        Assert.False(kit.IsBuildable);
        Assert.Empty(kit.MainPackages);
        Assert.Equal(["example.com/base", "example.com/kit", "example.com/kit/sub"], kit.Packages);
        Assert.True(model.Packages["example.com/kit/onlytests"].IsTestOnly);
        var e = Assert.Throws<WorkspaceException>(() => kit.RequireBuildable());
        Assert.Contains("service kit (libs/kit) has no main package", e.Message);
    }

    [Fact]
    public void Service_globs_select_modules_and_colliding_names_use_the_path()
    {
        using var tree = new TempTree();
        tree.Module("services/a/api", "example.com/a/api").GoFile("services/a/api/main.go", "main")
            .Module("services/b/api", "example.com/b/api").GoFile("services/b/api/main.go", "main")
            .Module("cmd/tool", "example.com/tool").GoFile("cmd/tool/main.go", "main")
            .Module("libs/x", "example.com/x").GoFile("libs/x/x.go", "x");
        var model = GoWorkspace.Load(tree.Root, ["services/**", "cmd/*", "nothing/*"], cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(["services-a-api", "services-b-api", "tool"], model.Services.Select(s => s.Name).Order());
        Assert.Contains(model.Warnings, w => w.Contains("'nothing/*' matches no module"));
        Assert.Empty(GoWorkspace.Load(tree.Root, cancellationToken: TestContext.Current.CancellationToken).Services);
    }

    [Fact]
    public void A_major_version_folder_is_named_with_its_parent()
    {
        using var tree = new TempTree();
        tree.Module("services/ec2/v2", "example.com/ec2/v2").GoFile("services/ec2/v2/main.go", "main")
            .Module("services/eks/v10", "example.com/eks/v10").GoFile("services/eks/v10/main.go", "main")
            .Module("services/v1", "example.com/v1").GoFile("services/v1/main.go", "main")
            .Module("services/v02", "example.com/v02").GoFile("services/v02/main.go", "main")
            .Module("tools/gen", "example.com/gen").GoFile("tools/gen/a/v3/main.go", "main");
        var model = GoWorkspace.Load(tree.Root, ["services/**", "tools/gen/a/*"], cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(["a-v3", "ec2-v2", "eks-v10", "v02", "v1"], model.Services.Select(s => s.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_replace_without_require_is_inert()
    {
        using var tree = new TempTree();
        tree.Module("services/a", "example.com/a", "replace example.com/x => ../../libs/gone\n")
            .GoFile("services/a/main.go", "main");
        var model = GoWorkspace.Load(tree.Root, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Empty(model.ModuleAt("services/a")!.LocalDependencies);
        Assert.Contains(model.Warnings, w => w.Contains("replace of example.com/x has no effect"));
    }

    [Fact]
    public void Many_replaces_without_require_in_one_go_mod_are_one_warning_naming_the_first_ones()
    {
        using var tree = new TempTree();
        tree.Module("services/a", "example.com/a", string.Concat(Enumerable.Range(1, 5).Select(i => $"replace example.com/x{i} => ../../libs/x{i}\n")))
            .GoFile("services/a/main.go", "main");
        var model = GoWorkspace.Load(tree.Root, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("services/a/go.mod:4:1: 5 replaces have no effect, the module does not require them: example.com/x1 (line 4), " +
                     "example.com/x2 (line 5), example.com/x3 (line 6), ...", Assert.Single(model.Warnings));
    }

    [Fact]
    public void The_example_monorepo_loads_when_present()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "../../../../../examples/monorepo");
        if (!Directory.EnumerateFiles(root, "go.mod", SearchOption.AllDirectories).Any())
            Assert.Skip("examples/monorepo has no Go modules on this branch yet");
        var model = GoWorkspace.Load(root, cancellationToken: TestContext.Current.CancellationToken);
        Assert.NotEmpty(model.Services);
        Assert.All(model.Services, s => Assert.Contains(RepoPathOf(s.Path, "go.mod"), s.ImageInputs));
    }

    private static string RepoPathOf(string dir, string name) => dir + "/" + name;
}
