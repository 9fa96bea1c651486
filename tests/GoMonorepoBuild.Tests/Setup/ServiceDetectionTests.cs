using System.Text.Json;
using GoMonorepoBuild.Tests.Targets;
using GoMonorepoBuild.Tests.Workspace;

namespace GoMonorepoBuild.Tests.Setup;

/// <summary>A build with no --services anywhere (as the scaffold leaves it) finds the services in its tree and says so.</summary>
public class ServiceDetectionTests : IDisposable
{
    sealed class DetectingBuild : MonorepoBuild;

    readonly TempTree tree = new();

    public ServiceDetectionTests() => tree.Write(".nuke/parameters.json", "{ \"$schema\": \"./build.schema.json\" }\n");

    public void Dispose() => tree.Dispose();

    [Fact]
    public async Task A_build_without_services_uses_the_binaries_under_cmd_of_a_single_module_and_prints_the_choice()
    {
        tree.Module(".", "example.com/thanos")
            .GoFile("cmd/thanos/main.go", "main", "example.com/thanos/pkg/store")
            .GoFile("cmd/sidecar/main.go", "main")
            .GoFile("pkg/store/store.go", "store")
            .GoFile("scripts/copyright/main.go", "main");

        var run = await InProcessBuild.RunAsync(new DetectingBuild(), tree.Root, ["Graph"]);

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Contains("--services is not set: using 'cmd/*', found in the tree (cmd/*: 2 main packages (cmd/sidecar, cmd/thanos))", run.Output);
        Assert.Contains("\"Services\": [\"cmd/*\"] in .nuke/parameters.json", run.Output);
        using var graph = JsonDocument.Parse(File.ReadAllText(Path.Combine(tree.Root, ".nuke/temp/graph/workspace.json")));
        Assert.Equal(["sidecar", "thanos"], graph.RootElement.GetProperty("services").EnumerateArray().Select(s => s.GetProperty("name").GetString()).Order());
        // Detection only reads: the user's parameters file is left as it was.
        Assert.Equal("{ \"$schema\": \"./build.schema.json\" }\n", File.ReadAllText(Path.Combine(tree.Root, ".nuke/parameters.json")));
    }

    [Fact]
    public async Task Services_set_in_the_parameters_file_are_used_as_they_are_and_nothing_is_detected()
    {
        tree.Module(".", "example.com/mono").GoFile("cmd/api/main.go", "main")
            .Module("tools/gen", "example.com/gen").GoFile("tools/gen/main.go", "main")
            .Write(".nuke/parameters.json", "{ \"Services\": [\"tools/*\"] }\n");

        var run = await InProcessBuild.RunAsync(new DetectingBuild(), tree.Root, ["Graph"]);

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.DoesNotContain("--services is not set", run.Output);
        using var graph = JsonDocument.Parse(File.ReadAllText(Path.Combine(tree.Root, ".nuke/temp/graph/workspace.json")));
        Assert.Equal(["gen"], graph.RootElement.GetProperty("services").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task A_tree_without_a_conventional_service_folder_stops_with_what_it_has_and_how_to_say_where_services_are()
    {
        tree.Module(".", "example.com/tool").GoFile("main.go", "main")
            .Module("examples", "example.com/tool/examples").GoFile("examples/demo/main.go", "main");

        var run = await InProcessBuild.RunAsync(new DetectingBuild(), tree.Root, ["Graph"]);

        Assert.NotEqual(0, run.ExitCode);
        var text = run.Output + run.Error;
        Assert.Contains("--services is not set", text);
        Assert.Contains("services/, src/, apps/, cmd/", text);
        Assert.Contains("try for example --services 'examples/*' or 'examples'", text);
        Assert.Contains("\"Services\" in .nuke/parameters.json", text);
    }
}
