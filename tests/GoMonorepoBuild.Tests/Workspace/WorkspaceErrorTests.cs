using GoMonorepoBuild.Workspace;
using GoMonorepoBuild.Workspace.GoMod;

namespace GoMonorepoBuild.Tests.Workspace;

public class WorkspaceErrorTests
{
    private static TempTree TwoServicesSharingAuth()
    {
        var tree = new TempTree();
        foreach (var name in new[] { "orders", "billing" })
            tree.Module($"services/{name}", $"example.com/{name}", "require example.com/auth v0.0.0\nreplace example.com/auth => ../../libs/auth\n")
                .GoFile($"services/{name}/main.go", "main", "example.com/auth");
        tree.Module("services/alone", "example.com/alone").GoFile("services/alone/main.go", "main")
            .Module("libs/auth", "example.com/auth").GoFile("libs/auth/auth.go", "auth");
        return tree;
    }

    [Fact]
    public void A_broken_shared_go_mod_blocks_the_services_depending_on_it_and_the_others_are_analysed()
    {
        using var tree = TwoServicesSharingAuth();
        tree.Write("libs/auth/go.mod", "module example.com/auth\n\ngo 1.23\nrequire example.com/x\n");
        var model = GoWorkspace.Load(tree.Root, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(["alone"], model.Services.Select(s => s.Name));
        Assert.Equal([("billing", "services/billing"), ("orders", "services/orders")], model.BlockedServices.Select(b => (b.Name, b.Path)));
        var blocked = model.BlockedServices[0];
        Assert.Equal("libs/auth/go.mod:4:1: usage: require module/path v1.2.3", blocked.Problem);
        Assert.Equal(["libs/auth", "services/billing"], blocked.ModuleDirs);
        var e = Assert.IsType<GoModParseException>(Assert.Single(model.Problems));
        Assert.Equal(("libs/auth/go.mod", 4, 1), (e.File, e.Line, e.Column));
        Assert.Equal(["billing", "orders"], e.BlockedServices);
        Assert.Equal("libs/auth/go.mod:4:1: usage: require module/path v1.2.3 (blocks services billing, orders)", e.Message);
        Assert.Same(model, Assert.Throws<GoModParseException>(() => model.ThrowIfProblems()) is { } ? model : null);
    }

    [Fact]
    public void A_broken_go_mod_that_no_selected_service_reaches_is_only_a_warning()
    {
        using var tree = TwoServicesSharingAuth();
        tree.Module("tools/gen", "example.com/gen", "require (\n").GoFile("tools/gen/main.go", "main");
        var model = GoWorkspace.Load(tree.Root, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(["alone", "billing", "orders"], model.Services.Select(s => s.Name).Order());
        Assert.Empty(model.BlockedServices);
        Assert.Contains(model.Warnings, w => w.StartsWith("tools/gen/go.mod:", StringComparison.Ordinal) && w.Contains("blocks nothing"));
        Assert.Empty(Assert.Single(model.Problems).BlockedServices);
    }

    [Fact]
    public void A_matched_module_whose_own_go_mod_is_broken_is_blocked_under_its_folder_name()
    {
        using var tree = TwoServicesSharingAuth();
        tree.Write("services/alone/go.mod", "module example.com/alone\n\nfrobnicate (\n");
        var model = GoWorkspace.Load(tree.Root, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(["billing", "orders"], model.Services.Select(s => s.Name));
        var blocked = Assert.Single(model.BlockedServices);
        Assert.Equal(("alone", "services/alone", "services/alone"), (blocked.Name, blocked.Path, blocked.ModuleDir));
        Assert.StartsWith("services/alone/go.mod:3:", blocked.Problem);
        Assert.Equal([blocked], model.BlockedServicesReaching("services/alone/main.go"));
        Assert.Empty(model.BlockedServicesReaching("libs/auth/auth.go"));
    }

    [Fact]
    public void A_broken_go_file_blocks_only_the_services_that_import_its_package()
    {
        using var tree = TwoServicesSharingAuth();
        tree.Write("libs/auth/broken.go", "package auth\n\nimport (\n\t\"fmt\"\n")
            .Module("libs/other", "example.com/other").GoFile("libs/other/other.go", "other")
            .Write("services/alone/go.mod", "module example.com/alone\n\ngo 1.23\nrequire example.com/auth v0.0.0\nrequire example.com/other v0.0.0\n" +
                   "replace example.com/auth => ../../libs/auth\nreplace example.com/other => ../../libs/other\n")
            .GoFile("services/alone/main.go", "main", "example.com/other");
        var model = GoWorkspace.Load(tree.Root, cancellationToken: TestContext.Current.CancellationToken);

        // alone's module requires auth, but no package of alone imports it: go build never compiles broken.go for it.
        Assert.Equal(["alone"], model.Services.Select(s => s.Name));
        Assert.Equal(["billing", "orders"], model.BlockedServices.Select(b => b.Name));
        var e = Assert.Single(model.Problems);
        Assert.Equal(("libs/auth/broken.go", 5), (e.File, e.Line));
        Assert.Equal(["billing", "orders"], e.BlockedServices);
    }

    [Fact]
    public void A_package_that_does_not_load_at_all_blocks_the_services_importing_it()
    {
        using var tree = TwoServicesSharingAuth();
        tree.Write("services/orders/main.go", "package main\n\nimport (\n\t\"example.com/auth\"\n\t\"example.com/orders/store\"\n)\n")
            .Write("services/orders/store/store.go", "package store\n\nimport (\n");
        var model = GoWorkspace.Load(tree.Root, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(["alone", "billing"], model.Services.Select(s => s.Name));
        var blocked = Assert.Single(model.BlockedServices);
        Assert.Equal("orders", blocked.Name);
        Assert.StartsWith("services/orders/store/store.go:", blocked.Problem);
    }

    [Fact]
    public void An_import_that_resolves_to_no_folder_of_a_local_module_blocks_only_the_services_compiling_it()
    {
        using var tree = TwoServicesSharingAuth();
        tree.Write("services/orders/main.go", "package main\n\nimport (\n\t\"example.com/auth\"\n\t\"example.com/auth/gone\"\n)\n")
            // A longer module billing requires (from a proxy) may provide what the local module lacks: left to go build.
            .Write("services/billing/go.mod", "module example.com/billing\n\ngo 1.23\nrequire example.com/auth v0.0.0\n" +
                   "require example.com/auth/extra v1.0.0\nreplace example.com/auth => ../../libs/auth\n")
            .Write("services/billing/main.go", "package main\n\nimport (\n\t\"example.com/auth\"\n\t\"example.com/auth/extra/x\"\n)\n")
            // A test-only import is not compiled into the image.
            .Write("services/billing/main_test.go", "package main\n\nimport \"example.com/auth/nothing\"\n");
        var model = GoWorkspace.Load(tree.Root, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(["alone", "billing"], model.Services.Select(s => s.Name));
        var blocked = Assert.Single(model.BlockedServices);
        Assert.Equal("orders", blocked.Name);
        Assert.Equal("services/orders/main.go:5:1: import \"example.com/auth/gone\" resolves to the folder libs/auth/gone of module " +
                     "example.com/auth (libs/auth), which does not exist: fix the import path, add the package, or remove the import", blocked.Problem);
    }

    [Fact]
    public void Two_modules_with_the_same_path_are_reported()
    {
        using var tree = TwoServicesSharingAuth();
        tree.Module("libs/auth2", "example.com/auth").GoFile("libs/auth2/a.go", "auth");
        var e = Assert.Throws<WorkspaceException>(() => GoWorkspace.Load(tree.Root, cancellationToken: TestContext.Current.CancellationToken).ThrowIfProblems());
        Assert.Equal(("libs/auth2/go.mod", 1), (e.File, e.Line));
        Assert.Contains("module path 'example.com/auth' is also declared by libs/auth/go.mod", e.Message);
    }

    [Fact]
    public void A_replace_leaving_the_monorepo_is_reported()
    {
        using var tree = new TempTree();
        tree.Module("services/a", "example.com/a", "require example.com/x v0.0.0\nreplace example.com/x => ../../../outside\n")
            .GoFile("services/a/main.go", "main");
        var model = GoWorkspace.Load(tree.Root, cancellationToken: TestContext.Current.CancellationToken);
        var e = Assert.Single(model.Problems);
        Assert.Equal(("services/a/go.mod", 5), (e.File, e.Line));
        Assert.Contains("points outside the monorepo root", e.Message);
        Assert.Equal(["a"], e.BlockedServices);
        Assert.Empty(model.Services);
        Assert.Equal("a", Assert.Single(model.BlockedServices).Name);
    }

    [Fact]
    public void A_replace_to_a_missing_folder_is_reported()
    {
        using var tree = new TempTree();
        tree.Module("services/a", "example.com/a", "require example.com/x v0.0.0\nreplace example.com/x => ../../libs/x\n")
            .GoFile("services/a/main.go", "main")
            .Write("libs/y/readme.md", "")
            .Module("services/b", "example.com/b").GoFile("services/b/main.go", "main");
        var model = GoWorkspace.Load(tree.Root, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(["b"], model.Services.Select(s => s.Name));
        Assert.Equal("services/a/go.mod:5:1: replace example.com/x => ../../libs/x: the folder libs/x does not exist",
            Assert.Single(model.BlockedServices).Problem);
        tree.Write("services/a/go.mod", "module example.com/a\nrequire example.com/x v0.0.0\nreplace example.com/x => ../../libs/y\n");
        var e = Assert.Throws<WorkspaceException>(() => GoWorkspace.Load(tree.Root, cancellationToken: TestContext.Current.CancellationToken).ThrowIfProblems());
        Assert.Contains("the folder libs/y has no go.mod", e.Message);
    }

    [Fact]
    public void A_replace_to_a_module_declaring_another_path_is_reported()
    {
        using var tree = new TempTree();
        tree.Module("services/a", "example.com/a", "require example.com/x v0.0.0\nreplace example.com/x => ../../libs/y\n")
            .GoFile("services/a/main.go", "main")
            .Module("libs/y", "example.com/y");
        var e = Assert.Throws<WorkspaceException>(() => GoWorkspace.Load(tree.Root, cancellationToken: TestContext.Current.CancellationToken).ThrowIfProblems());
        Assert.Contains("libs/y/go.mod declares module 'example.com/y'", e.Message);
    }

    [Fact]
    public void An_import_cycle_between_packages_is_reported_with_its_chain()
    {
        using var tree = new TempTree();
        tree.Module("services/a", "example.com/a")
            .GoFile("services/a/main.go", "main", "example.com/a/x")
            .GoFile("services/a/x/x.go", "x", "example.com/a/y")
            .GoFile("services/a/y/y.go", "y", "example.com/a/x")
            .GoFile("services/a/y/y_test.go", "y", "example.com/a")
            .Module("services/b", "example.com/b").GoFile("services/b/main.go", "main");
        var model = GoWorkspace.Load(tree.Root, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(["b"], model.Services.Select(s => s.Name));
        Assert.Equal("a", Assert.Single(model.BlockedServices).Name);
        var e = Assert.Single(model.Problems);
        Assert.Equal("services/a/x/x.go", e.File);
        Assert.Contains("import cycle not allowed: example.com/a/x -> example.com/a/y -> example.com/a/x", e.Message);
        Assert.Equal(["a"], e.BlockedServices);
        Assert.Empty(e.OtherProblems);
    }

    [Fact]
    public void A_go_work_using_a_missing_folder_stops_the_whole_load_and_all_problems_are_listed()
    {
        using var tree = new TempTree();
        tree.Write("go.work", "go 1.23\nuse ./services/a\nuse ./libs/missing\n")
            .Module("services/a", "example.com/a").GoFile("services/a/main.go", "main")
            .Write("services/a/bad.go", "oops");
        var e = Assert.Throws<WorkspaceException>(() => GoWorkspace.Load(tree.Root, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(("go.work", 3, 1), (e.File, e.Line, e.Column));
        Assert.Equal(["a"], e.BlockedServices);
        var other = Assert.Single(e.OtherProblems);
        Assert.Equal("services/a/bad.go", other.File);
        Assert.Contains("1 more problem(s)", e.Message);
    }

    [Fact]
    public void A_missing_monorepo_folder_is_a_clear_error()
    {
        var e = Assert.Throws<WorkspaceException>(() => GoWorkspace.Load("/no/such/monorepo", cancellationToken: TestContext.Current.CancellationToken));
        Assert.Contains("'/no/such/monorepo' does not exist", e.Message);
    }
}
