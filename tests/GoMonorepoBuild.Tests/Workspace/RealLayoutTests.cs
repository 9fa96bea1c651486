using GoMonorepoBuild.Workspace;

namespace GoMonorepoBuild.Tests.Workspace;

/// <summary>The layouts of real Go monorepos (issue 15), each reproduced by a small fixture written for it.</summary>
public class RealLayoutTests
{
    [Fact]
    public void A_go_mod_with_a_tool_block_and_an_unknown_future_directive_loads_with_a_warning_naming_file_and_line()
    {
        using var tree = new TempTree();
        tree.Module("services/engine", "example.com/engine", """
            tool (
                golang.org/x/tools/cmd/stringer
                gotest.tools/gotestsum
            )
            ignore ./website
            teleport ./somewhere
            """)
            .GoFile("services/engine/main.go", "main", "example.com/engine/daemon")
            .GoFile("services/engine/daemon/daemon.go", "daemon");
        var model = GoWorkspace.Load(tree.Root);
        var engine = Assert.Single(model.Services);
        Assert.Equal(["example.com/engine", "example.com/engine/daemon"], engine.Packages);
        Assert.Equal(2, model.ModuleAt("services/engine")!.ModFile.Tools.Count);
        Assert.Contains(model.Warnings, w => w.StartsWith("services/engine/go.mod:9:1: unknown directive 'teleport' ignored", StringComparison.Ordinal));
    }
}
