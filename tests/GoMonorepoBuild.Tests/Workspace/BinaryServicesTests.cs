using GoMonorepoBuild.Tests.Support;
using GoMonorepoBuild.Workspace;

namespace GoMonorepoBuild.Tests.Workspace;

/// <summary>A service is a binary: --services may match modules or main-package folders, the root module's included.</summary>
public class BinaryServicesTests
{
    static GoWorkspace Load(TempTree tree, string globs = BinariesMonorepo.Globs, IReadOnlyDictionary<string, string>? mains = null)
    {
        var options = WorkspaceOptions.Default.WithServiceGlobs(globs.Split(','));
        return GoWorkspace.Load(tree.Root, mains is null ? options : options.WithServiceMains(mains));
    }

    static TempTree Fixture()
    {
        var tree = new TempTree();
        BinariesMonorepo.WriteTo(tree.Root);
        return tree;
    }

    [Fact]
    public void The_binaries_of_the_root_module_are_services_named_after_their_folders()
    {
        using var tree = Fixture();
        var model = Load(tree, "cmd/*");

        Assert.Equal(["docker-proxy", "dockerctl", "dockerd"], model.Services.Select(s => s.Name));
        var dockerd = model.Service("dockerd")!;
        Assert.Equal("cmd/dockerd", dockerd.Path);
        Assert.Equal(".", dockerd.ModuleDir);
        Assert.Equal("example.com/dock", dockerd.Module);
        Assert.Equal(["cmd/dockerd"], dockerd.MainPackages);
        Assert.Equal(["example.com/dock/cmd/dockerd", "example.com/dock/internal/daemon", "example.com/dock/internal/version"], dockerd.Packages);
        Assert.Equal(["cmd/dockerd/main.go", "go.mod", "internal/daemon/daemon.go", "internal/version/version.go"], dockerd.ImageInputs);
    }

    [Fact]
    public void A_package_only_one_binary_imports_is_an_input_of_that_binary_alone_and_a_shared_one_of_all()
    {
        using var tree = Fixture();
        var model = Load(tree);

        Assert.Equal(["dockerd"], model.ServicesWithInput("internal/daemon/daemon.go").Select(s => s.Name));
        Assert.Equal(["docker-proxy"], model.ServicesWithInput("internal/proxy/proxy.go").Select(s => s.Name));
        Assert.Equal(["docker-proxy", "dockerctl", "dockerd"], model.ServicesWithInput("internal/version/version.go").Select(s => s.Name).Order());
        Assert.Equal(["worker"], model.ServicesWithInput("services/shop/internal/queue/queue.go").Select(s => s.Name));
        Assert.Equal(["api", "worker"], model.ServicesWithInput("services/shop/go.mod").Select(s => s.Name));
        Assert.Equal(["internal/daemon/daemon.go", "package example.com/dock/internal/daemon",
            "imported by example.com/dock/cmd/dockerd (main)", "service dockerd"], model.Explain("internal/daemon/daemon.go", model.Service("dockerd")!));
    }

    [Fact]
    public void A_module_with_several_main_packages_is_one_service_per_binary_and_one_main_keeps_todays_name()
    {
        using var tree = Fixture();
        var model = Load(tree);

        Assert.Equal(["docker-proxy", "dockerctl", "dockerd", "billing", "api", "worker"], model.Services.Select(s => s.Name));
        var worker = model.Service("worker")!;
        Assert.Equal(("services/shop/cmd/worker", "services/shop"), (worker.Path, worker.ModuleDir));
        Assert.Equal(["services/shop/cmd/worker"], worker.MainPackages);
        var billing = model.Service("billing")!;
        Assert.Equal(("services/billing", "services/billing"), (billing.Path, billing.ModuleDir));
        Assert.Equal(["services/billing"], billing.MainPackages);
    }

    [Fact]
    public void A_configured_main_keeps_a_module_with_several_binaries_one_service_under_the_modules_name()
    {
        using var tree = Fixture();
        var model = Load(tree, "services/*", new Dictionary<string, string> { ["shop"] = "cmd/worker" });

        Assert.Equal(["billing", "shop"], model.Services.Select(s => s.Name));
        var shop = model.Service("shop")!;
        Assert.Equal("services/shop", shop.Path);
        Assert.Equal(["services/shop/cmd/worker"], shop.MainPackages);
        Assert.Contains("services/shop/internal/queue/queue.go", shop.ImageInputs);
        Assert.DoesNotContain("services/shop/cmd/api/main.go", shop.ImageInputs);
    }

    [Fact]
    public void A_configured_main_that_is_no_main_package_of_the_module_is_an_error_listing_the_ones_there()
    {
        using var tree = Fixture();
        var e = Assert.Throws<WorkspaceException>(() => Load(tree, "services/*", new Dictionary<string, string> { ["shop"] = "cmd/apii" }).ThrowIfProblems());
        Assert.Contains("service shop names the main package 'cmd/apii'", e.Message);
        Assert.Contains("main packages there: cmd/api, cmd/worker", e.Message);
        Assert.Equal(["shop"], e.BlockedServices);
    }

    [Fact]
    public void A_glob_matching_a_module_and_its_own_main_packages_gives_each_binary_once()
    {
        using var tree = Fixture();
        var model = Load(tree, "services/**");
        Assert.Equal(["billing", "api", "worker"], model.Services.Select(s => s.Name));
    }

    [Fact]
    public void A_main_package_a_glob_names_is_a_service_even_when_another_glob_matches_its_module_as_a_library()
    {
        // opentelemetry-go-contrib's otelgrpc/example: a module whose binaries are server/ and client/ (neither its root
        // nor cmd/<name>), so the module alone is a library; the glob naming the binaries' folders must still build them.
        using var tree = Fixture();
        tree.Module("services/grpcdemo", "example.com/grpcdemo")
            .Write("services/grpcdemo/api/api.go", "package api\n\n// Name is shared by both binaries.\nconst Name = \"demo\"\n")
            .Write("services/grpcdemo/server/main.go", "package main\n\nimport \"example.com/grpcdemo/api\"\n\nfunc main() { println(api.Name) }\n")
            .Write("services/grpcdemo/client/main.go", "package main\n\nimport \"example.com/grpcdemo/api\"\n\nfunc main() { println(api.Name) }\n");

        var model = Load(tree, "services/*,services/grpcdemo/*");

        Assert.Equal(["services/grpcdemo/server"], model.Service("server")!.MainPackages);
        Assert.Equal(["services/grpcdemo/client"], model.Service("client")!.MainPackages);
        Assert.Equal(["server"], model.ServicesWithInput("services/grpcdemo/server/main.go").Select(s => s.Name));
        Assert.Equal(["client", "server"], model.ServicesWithInput("services/grpcdemo/api/api.go").Where(s => s.MainPackages.Count > 0).Select(s => s.Name).Order());
        Assert.Empty(model.BlockedServices);
    }

    [Fact]
    public void Two_binaries_with_one_name_are_an_error_naming_both_folders_and_how_to_rename_one()
    {
        using var tree = Fixture();
        tree.Module("services/admin", "example.com/admin")
            .Write("services/admin/cmd/api/main.go", "package main\n\nfunc main() {}\n")
            .Write("services/admin/cmd/cli/main.go", "package main\n\nfunc main() {}\n");

        var model = Load(tree);
        Assert.Equal([("api", "services/admin/cmd/api"), ("api", "services/shop/cmd/api")], model.BlockedServices.Select(b => (b.Name, b.Path)));
        Assert.DoesNotContain(model.Services, s => s.Name == "api");
        Assert.Contains(model.Services, s => s.Name == "worker");
        var e = Assert.Throws<WorkspaceException>(() => model.ThrowIfProblems());
        Assert.Contains("two services would be named 'api': services/admin/cmd/api and services/shop/cmd/api", e.Message);
        Assert.Contains("rename one of the folders (e.g. services/shop/cmd/api → services/shop/cmd/shop-api)", e.Message);
        Assert.Contains("narrow --services", e.Message);
        Assert.Equal(["api"], e.BlockedServices);
        Assert.Equal("services/shop/cmd/api", e.File);
    }

    [Fact]
    public void A_binary_named_like_a_module_service_is_a_clash_too_not_a_silent_rename()
    {
        using var tree = Fixture();
        tree.Write("cmd/billing/main.go", "package main\n\nfunc main() {}\n");
        var e = Assert.Throws<WorkspaceException>(() => Load(tree).ThrowIfProblems());
        Assert.Contains("two services would be named 'billing': cmd/billing and services/billing", e.Message);
    }
}
