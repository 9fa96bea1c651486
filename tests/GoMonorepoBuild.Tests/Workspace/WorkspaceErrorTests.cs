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
    public void A_broken_shared_go_mod_names_every_service_it_blocks()
    {
        using var tree = TwoServicesSharingAuth();
        tree.Write("libs/auth/go.mod", "module example.com/auth\n\ngo 1.23\nrequire example.com/x\n");
        var e = Assert.Throws<GoModParseException>(() => GoWorkspace.Load(tree.Root));
        Assert.Equal(("libs/auth/go.mod", 4, 1), (e.File, e.Line, e.Column));
        Assert.Equal(["billing", "orders"], e.BlockedServices);
        Assert.Equal("libs/auth/go.mod:4:1: usage: require module/path v1.2.3 (blocks services billing, orders)", e.Message);
    }

    [Fact]
    public void A_broken_go_file_blocks_only_the_services_that_import_its_package()
    {
        using var tree = TwoServicesSharingAuth();
        tree.Write("libs/auth/broken.go", "package auth\n\nimport (\n\t\"fmt\"\n");
        var e = Assert.Throws<WorkspaceException>(() => GoWorkspace.Load(tree.Root));
        Assert.Equal(("libs/auth/broken.go", 5), (e.File, e.Line));
        Assert.Equal(["billing", "orders"], e.BlockedServices);
    }

    [Fact]
    public void Two_modules_with_the_same_path_are_reported()
    {
        using var tree = TwoServicesSharingAuth();
        tree.Module("libs/auth2", "example.com/auth").GoFile("libs/auth2/a.go", "auth");
        var e = Assert.Throws<WorkspaceException>(() => GoWorkspace.Load(tree.Root));
        Assert.Equal(("libs/auth2/go.mod", 1), (e.File, e.Line));
        Assert.Contains("module path 'example.com/auth' is also declared by libs/auth/go.mod", e.Message);
    }

    [Fact]
    public void A_replace_leaving_the_monorepo_is_reported()
    {
        using var tree = new TempTree();
        tree.Module("services/a", "example.com/a", "require example.com/x v0.0.0\nreplace example.com/x => ../../../outside\n")
            .GoFile("services/a/main.go", "main");
        var e = Assert.Throws<WorkspaceException>(() => GoWorkspace.Load(tree.Root));
        Assert.Equal(("services/a/go.mod", 5), (e.File, e.Line));
        Assert.Contains("points outside the monorepo root", e.Message);
        Assert.Equal(["a"], e.BlockedServices);
    }

    [Fact]
    public void A_replace_to_a_missing_folder_is_reported()
    {
        using var tree = new TempTree();
        tree.Module("services/a", "example.com/a", "require example.com/x v0.0.0\nreplace example.com/x => ../../libs/x\n")
            .GoFile("services/a/main.go", "main")
            .Write("libs/y/readme.md", "");
        var e = Assert.Throws<WorkspaceException>(() => GoWorkspace.Load(tree.Root));
        Assert.Contains("the folder libs/x does not exist", e.Message);
        tree.Write("services/a/go.mod", "module example.com/a\nrequire example.com/x v0.0.0\nreplace example.com/x => ../../libs/y\n");
        e = Assert.Throws<WorkspaceException>(() => GoWorkspace.Load(tree.Root));
        Assert.Contains("the folder libs/y has no go.mod", e.Message);
    }

    [Fact]
    public void A_replace_to_a_module_declaring_another_path_is_reported()
    {
        using var tree = new TempTree();
        tree.Module("services/a", "example.com/a", "require example.com/x v0.0.0\nreplace example.com/x => ../../libs/y\n")
            .GoFile("services/a/main.go", "main")
            .Module("libs/y", "example.com/y");
        var e = Assert.Throws<WorkspaceException>(() => GoWorkspace.Load(tree.Root));
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
            .GoFile("services/a/y/y_test.go", "y", "example.com/a");
        var e = Assert.Throws<WorkspaceException>(() => GoWorkspace.Load(tree.Root));
        Assert.Equal("services/a/x/x.go", e.File);
        Assert.Contains("import cycle not allowed: example.com/a/x -> example.com/a/y -> example.com/a/x", e.Message);
        Assert.Equal(["a"], e.BlockedServices);
        Assert.Empty(e.OtherProblems);
    }

    [Fact]
    public void A_go_work_using_a_missing_folder_is_reported_and_all_problems_are_listed()
    {
        using var tree = new TempTree();
        tree.Write("go.work", "go 1.23\nuse ./services/a\nuse ./libs/missing\n")
            .Module("services/a", "example.com/a").GoFile("services/a/main.go", "main")
            .Write("services/a/bad.go", "oops");
        var e = Assert.Throws<WorkspaceException>(() => GoWorkspace.Load(tree.Root));
        Assert.Equal(("go.work", 3, 1), (e.File, e.Line, e.Column));
        Assert.Equal(["a"], e.BlockedServices);
        var other = Assert.Single(e.OtherProblems);
        Assert.Equal("services/a/bad.go", other.File);
        Assert.Contains("1 more problem(s)", e.Message);
    }

    [Fact]
    public void A_missing_monorepo_folder_is_a_clear_error()
    {
        var e = Assert.Throws<WorkspaceException>(() => GoWorkspace.Load("/no/such/monorepo"));
        Assert.Contains("'/no/such/monorepo' does not exist", e.Message);
    }
}
