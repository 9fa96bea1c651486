using System.Text.Json;
using GoMonorepoBuild.Workspace;
using GoMonorepoBuild.Workspace.Rendering;

namespace GoMonorepoBuild.Tests.Workspace;

public class RenderingTests
{
    private static GoWorkspace Model(TempTree tree)
    {
        tree.Module("services/orders", "example.com/orders", "require example.com/auth v0.0.0\nreplace example.com/auth => ../../libs/auth\n")
            .GoFile("services/orders/cmd/orders/main.go", "main", "example.com/auth", "net/http")
            .Module("services/report", "example.com/report", "require example.com/auth v0.0.0\nreplace example.com/auth => ../../libs/auth\n")
            .GoFile("services/report/report.go", "report", "example.com/auth", "github.com/x/y")
            .Module("libs/auth", "example.com/auth", "require example.com/log v0.0.0\nreplace example.com/log => ../log\n")
            .GoFile("libs/auth/auth.go", "auth", "example.com/log")
            .Module("libs/log", "example.com/log")
            .GoFile("libs/log/log.go", "log");
        return GoWorkspace.Load(tree.Root);
    }

    [Fact]
    public void The_tree_shows_each_service_with_its_module_dependencies_and_packages()
    {
        using var tree = new TempTree();
        Assert.Equal("""
            orders (services/orders) module example.com/orders, go 1.23, 6 image inputs
            ├── main: services/orders/cmd/orders
            ├── modules (2)
            │   └── libs/auth (example.com/auth)
            │       └── libs/log (example.com/log)
            ├── packages (3)
            │   ├── example.com/auth
            │   ├── example.com/log
            │   └── example.com/orders/cmd/orders
            └── std (1): net/http
            report (services/report) module example.com/report, go 1.23, 6 image inputs
            ├── library: no main package (analysed, not built)
            ├── modules (2)
            │   └── libs/auth (example.com/auth)
            │       └── libs/log (example.com/log)
            ├── packages (3)
            │   ├── example.com/auth
            │   ├── example.com/log
            │   └── example.com/report
            ├── std: none
            └── external (1): github.com/x/y

            """.Replace("\r\n", "\n"), WorkspaceRendering.TreeText(Model(tree)));
    }

    [Fact]
    public void The_mermaid_picture_has_a_node_per_module_and_an_edge_per_local_dependency()
    {
        using var tree = new TempTree();
        Assert.Equal("""
            flowchart LR
              m0["libs/auth<br/><small>example.com/auth</small>"]
              m1["libs/log<br/><small>example.com/log</small>"]
              m2(["orders<br/><small>services/orders</small>"]):::service
              m3(["report<br/><small>services/report</small>"]):::service
              m0 --> m1
              m2 --> m0
              m3 --> m0
              classDef service fill:#dbeafe,stroke:#1d4ed8

            """.Replace("\r\n", "\n"), WorkspaceRendering.Mermaid(Model(tree)));
    }

    [Fact]
    public void The_dot_picture_is_a_digraph_of_the_same_edges()
    {
        using var tree = new TempTree();
        var dot = WorkspaceRendering.Dot(Model(tree));
        Assert.StartsWith("digraph monorepo {", dot);
        Assert.Contains("m2 [label=\"orders\\nservices/orders\"", dot);
        Assert.Contains("  m0 -> m1;\n  m2 -> m0;\n  m3 -> m0;\n}", dot);
    }

    [Fact]
    public void The_json_model_is_camel_case_deterministic_and_machine_independent()
    {
        using var tree = new TempTree();
        var model = Model(tree);
        var json = WorkspaceRendering.Json(model);
        Assert.Equal(json, WorkspaceRendering.Json(GoWorkspace.Load(tree.Root, cancellationToken: TestContext.Current.CancellationToken)));
        Assert.DoesNotContain(tree.Root, json);
        using var document = JsonDocument.Parse(json);
        var orders = document.RootElement.GetProperty("services")[0];
        Assert.Equal("orders", orders.GetProperty("name").GetString());
        Assert.Equal("services/orders/cmd/orders", orders.GetProperty("mainPackages")[0].GetString());
        Assert.Contains("libs/auth/auth.go", orders.GetProperty("imageInputs").EnumerateArray().Select(e => e.GetString()));
        var auth = document.RootElement.GetProperty("modules").EnumerateArray().Single(m => m.GetProperty("dir").GetString() == "libs/auth");
        Assert.Equal(["example.com/orders", "example.com/report"], auth.GetProperty("dependents").EnumerateArray().Select(e => e.GetString()!));
        Assert.Equal("example.com/auth", document.RootElement.GetProperty("packages")[0].GetProperty("importPath").GetString());
    }

    [Fact]
    public void Graph_marks_a_blocked_service_with_its_problem_in_every_picture()
    {
        using var tree = new TempTree();
        var model = Model(tree);
        tree.Module("services/billing", "example.com/billing", "require example.com/gone v0.0.0\nreplace example.com/gone => ../../libs/gone\n")
            .GoFile("services/billing/main.go", "main");
        model = GoWorkspace.Load(tree.Root, cancellationToken: TestContext.Current.CancellationToken);
        const string problem = "services/billing/go.mod:5:1: replace example.com/gone => ../../libs/gone: the folder libs/gone does not exist";

        Assert.Contains($"billing (services/billing) BLOCKED: not analysed or built until fixed\n└── {problem}\n", WorkspaceRendering.TreeText(model));
        var mermaid = WorkspaceRendering.Mermaid(model);
        Assert.Contains($"([\"billing<br/><small>services/billing</small><br/><small>BLOCKED: {problem}</small>\"]):::blocked", mermaid);
        Assert.Contains("classDef blocked", mermaid);
        Assert.Contains($"BLOCKED: {problem}\", shape=box, style=\"rounded,filled,dashed\"", WorkspaceRendering.Dot(model));
        using var json = JsonDocument.Parse(WorkspaceRendering.Json(model));
        var blocked = Assert.Single(json.RootElement.GetProperty("blockedServices").EnumerateArray());
        Assert.Equal("billing", blocked.GetProperty("name").GetString());
        Assert.Equal(problem, blocked.GetProperty("problem").GetString());
        Assert.DoesNotContain(json.RootElement.GetProperty("services").EnumerateArray(), s => s.GetProperty("name").GetString() == "billing");
    }

    [Fact]
    public void Graph_draws_every_picture_when_two_service_modules_declare_the_same_path()
    {
        // As gitpod's components/*-api folders do: several tool modules share one path and nothing requires it.
        using var tree = new TempTree();
        tree.Module("services/a", "example.com/tools").GoFile("services/a/main.go", "main")
            .Module("services/b", "example.com/tools").GoFile("services/b/main.go", "main")
            .Module("services/c", "example.com/c").GoFile("services/c/main.go", "main");
        var model = GoWorkspace.Load(tree.Root, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(["a", "c"], model.Services.Select(s => s.Name));
        Assert.Equal("b", Assert.Single(model.BlockedServices).Name);
        Assert.Contains("b (services/b) BLOCKED", WorkspaceRendering.TreeText(model));
        var mermaid = WorkspaceRendering.Mermaid(model);
        Assert.Contains("a<br/><small>services/a</small>", mermaid);
        Assert.Contains("b<br/><small>services/b</small><br/><small>BLOCKED: services/b/go.mod:1:1: module path 'example.com/tools' is also declared by services/a/go.mod", mermaid);
        Assert.Contains("services/b", WorkspaceRendering.Dot(model));
        using var json = JsonDocument.Parse(WorkspaceRendering.Json(model));
        Assert.Equal("b", Assert.Single(json.RootElement.GetProperty("blockedServices").EnumerateArray()).GetProperty("name").GetString());
    }

    [Fact]
    public void Graph_draws_a_service_the_sparse_checkout_left_out_as_not_checked_out_not_blocked()
    {
        using var tree = new TempTree();
        tree.Module("services/billing", "example.com/billing", "require example.com/gone v0.0.0\nreplace example.com/gone => ../../libs/gone\n")
            .GoFile("services/billing/main.go", "main");
        var model = GoWorkspace.Load(tree.Root, cancellationToken: TestContext.Current.CancellationToken);
        const string reason = "not checked out: libs/gone is outside the sparse checkout; run git sparse-checkout add libs/gone";
        IReadOnlyList<(string, string, string)> leftOut = [("billing", "services/billing", reason)];

        var mermaid = WorkspaceRendering.Mermaid(model, leftOut);
        Assert.Contains($"([\"billing<br/><small>services/billing</small><br/><small>{reason}</small>\"]):::notCheckedOut", mermaid);
        Assert.Contains("classDef notCheckedOut", mermaid);
        Assert.DoesNotContain("BLOCKED", mermaid);
        var dot = WorkspaceRendering.Dot(model, leftOut);
        Assert.Contains($"\\n{reason}\", shape=box, style=\"rounded,filled,dotted\"", dot);
        Assert.DoesNotContain("BLOCKED", dot);
        using var json = JsonDocument.Parse(WorkspaceRendering.Json(model, leftOut));
        Assert.Empty(json.RootElement.GetProperty("blockedServices").EnumerateArray());
        var row = Assert.Single(json.RootElement.GetProperty("notCheckedOut").EnumerateArray());
        Assert.Equal("billing", row.GetProperty("name").GetString());
        Assert.Equal(reason, row.GetProperty("reason").GetString());
        // Without the sparse checkout's answer, the same model is blocked, as before.
        Assert.Contains("BLOCKED", WorkspaceRendering.Mermaid(model));
    }
}
