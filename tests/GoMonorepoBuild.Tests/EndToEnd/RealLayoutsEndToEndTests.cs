using GoMonorepoBuild.Tests.Support;
using GoMonorepoBuild.Tests.Workspace;

namespace GoMonorepoBuild.Tests.EndToEnd;

/// <summary>The layouts of real Go monorepos (issue 15) through the real build as a process, as a user meets them.</summary>
public class RealLayoutsEndToEndTests
{
    [Fact]
    public async Task Graph_reads_a_tool_block_a_future_directive_a_module_cycle_and_a_testdata_replace_and_warns_only_of_the_unknown_directive()
    {
        using var tree = new TempTree();
        tree.Module("services/engine", "example.com/engine", """
                tool golang.org/x/tools/cmd/stringer
                teleport ./somewhere
                require example.com/b v0.0.0
                require example.com/gen v0.0.0
                replace example.com/b => ../../libs/b
                replace example.com/c => ../../libs/c
                replace example.com/gen => ../../libs/gen/testdata
                """)
            .GoFile("services/engine/main.go", "main", "example.com/b", "example.com/gen/fixture")
            .Module("libs/b", "example.com/b", "require example.com/c v0.0.0\nreplace example.com/c => ../c\n")
            .GoFile("libs/b/b.go", "b", "example.com/c")
            .Module("libs/c", "example.com/c", "require example.com/b v0.0.0\nreplace example.com/b => ../b\n")
            .GoFile("libs/c/c.go", "c")
            .Module("libs/gen/testdata", "example.com/gen").GoFile("libs/gen/testdata/fixture/fixture.go", "fixture");
        using var build = new RealBuild();

        var graph = await build.RunAsync("Graph", "--monorepo", tree.Root, "--services", "services/*");

        var output = graph.StandardOutput + graph.StandardError;
        Assert.True(graph.ExitCode == 0, output);
        Assert.Contains("services/engine/go.mod:5:1: unknown directive 'teleport' ignored", output);
        Assert.DoesNotContain("unknown directive 'tool'", output);
        Assert.Contains("engine", graph.StandardOutput);
        var json = File.ReadAllText(Path.Combine(build.Root, ".nuke", "temp", "graph", "workspace.json"));
        Assert.Contains("libs/gen/testdata/fixture/fixture.go", json);
        Assert.Contains("example.com/c", json);
    }

    [Fact]
    public async Task A_services_glob_that_matches_nothing_fails_naming_the_glob_and_globs_that_would_match()
    {
        using var tree = new TempTree();
        tree.Module(".", "example.com/mono")
            .GoFile("cmd/api/main.go", "main")
            .GoFile("cmd/worker/main.go", "main");
        using var build = new RealBuild();

        var graph = await build.RunAsync("Graph", "--monorepo", tree.Root, "--services", "services/*");

        var output = graph.StandardOutput + graph.StandardError;
        Assert.NotEqual(0, graph.ExitCode);
        Assert.Contains("--services 'services/*' matches no module or main-package folder", output);
        Assert.Contains("2 main package(s)", output);
        Assert.Contains("cmd/*", output);
    }
    [Fact]
    public async Task A_services_glob_from_the_parameters_file_that_matches_nothing_in_another_monorepo_names_the_file()
    {
        // The build's parameters.json was written for its default monorepo; --monorepo points elsewhere.
        using var tree = new TempTree();
        tree.Module(".", "example.com/mono").GoFile("cmd/api/main.go", "main");
        using var build = new RealBuild();
        File.WriteAllText(Path.Combine(build.Root, ".nuke", "parameters.json"), """{ "Services": [ "services/*" ] }""");

        var graph = await build.RunAsync("Graph", "--monorepo", tree.Root);

        var output = graph.StandardOutput + graph.StandardError;
        Assert.NotEqual(0, graph.ExitCode);
        Assert.Contains("--services 'services/*' matches no module or main-package folder", output);
        Assert.Contains($"These globs come from {Path.Combine(".nuke", "parameters.json")}: pass --services for this monorepo", output);

        // Given on the command line, the same globs are the user's own: no pointer to the file.
        var cli = await build.RunAsync("Graph", "--monorepo", tree.Root, "--services", "services/*");
        Assert.DoesNotContain("These globs come from", cli.StandardOutput + cli.StandardError);
    }
}
