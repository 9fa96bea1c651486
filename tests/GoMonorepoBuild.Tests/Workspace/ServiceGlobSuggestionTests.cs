using GoMonorepoBuild.Workspace;
using GoMonorepoBuild.Workspace.Services;

namespace GoMonorepoBuild.Tests.Workspace;

/// <summary>The --services globs a build picks when none are set, on the layouts real monorepos have.</summary>
public class ServiceGlobSuggestionTests
{
    static ServiceGlobSuggestion Suggest(TempTree tree) => ServiceGlobSuggestion.From(GoWorkspace.Load(tree.Root, []));

    [Fact]
    public void Modules_under_services_are_the_services_and_shared_modules_elsewhere_are_not()
    {
        using var tree = new TempTree();
        tree.Module("services/orders", "example.com/orders").GoFile("services/orders/main.go", "main", "example.com/money")
            .Module("services/payments", "example.com/payments").GoFile("services/payments/cmd/payments/main.go", "main")
            .Module("libs/money", "example.com/money").GoFile("libs/money/money.go", "money")
            .Module("tools/lint", "example.com/lint").GoFile("tools/lint/main.go", "main");

        var suggestion = Suggest(tree);

        Assert.Equal(["services/*"], suggestion.Globs);
        Assert.Equal(["services/*: 2 modules (services/orders, services/payments)"], suggestion.Reasons);
    }

    [Fact]
    public void Modules_under_src_are_found_beside_folders_of_other_languages()
    {
        using var tree = new TempTree();
        tree.Module("src/frontend", "example.com/frontend").GoFile("src/frontend/main.go", "main")
            .Module("src/checkoutservice", "example.com/checkout").GoFile("src/checkoutservice/main.go", "main")
            .Write("src/cartservice/Program.cs", "class P {}\n")
            .Write("src/emailservice/email_server.py", "print('hi')\n");

        var suggestion = Suggest(tree);

        Assert.Equal(["src/*"], suggestion.Globs);
        Assert.Equal(["src/*: 2 modules (src/checkoutservice, src/frontend)"], suggestion.Reasons);
    }

    [Fact]
    public void Binaries_of_the_root_module_under_cmd_are_found_and_example_binaries_are_not()
    {
        using var tree = new TempTree();
        tree.Module(".", "example.com/ent")
            .GoFile("cmd/ent/main.go", "main", "example.com/ent/entc")
            .GoFile("cmd/entc/main.go", "main", "example.com/ent/entc")
            .GoFile("entc/gen.go", "entc")
            .Module("cmd/entfix", "example.com/ent/cmd/entfix").GoFile("cmd/entfix/main.go", "main")
            .Module("examples", "example.com/ent/examples").GoFile("examples/start/main.go", "main");

        var suggestion = Suggest(tree);

        Assert.Equal(["cmd/*"], suggestion.Globs);
        Assert.Equal(["cmd/*: 1 module (cmd/entfix); 2 main packages (cmd/ent, cmd/entc)"], suggestion.Reasons);
        // The globs select exactly what the suggestion said.
        Assert.Equal(["ent", "entc", "entfix"], GoWorkspace.Load(tree.Root, suggestion.Globs, cancellationToken: TestContext.Current.CancellationToken).Services.Select(s => s.Name));
    }

    [Fact]
    public void Services_and_binaries_together_give_one_glob_each_in_a_fixed_order()
    {
        using var tree = new TempTree();
        tree.Module(".", "example.com/mono").GoFile("cmd/migrate/main.go", "main")
            .Module("services/api", "example.com/api").GoFile("services/api/main.go", "main");

        Assert.Equal(["services/*", "cmd/*"], Suggest(tree).Globs);
    }

    [Fact]
    public void A_tree_with_no_conventional_service_folder_suggests_nothing()
    {
        using var tree = new TempTree();
        tree.Module(".", "example.com/tool").GoFile("main.go", "main").GoFile("internal/x/x.go", "x")
            .Module("examples", "example.com/tool/examples").GoFile("examples/demo/main.go", "main");

        var suggestion = Suggest(tree);

        Assert.Empty(suggestion.Globs);
        Assert.Empty(suggestion.Reasons);
    }
}
