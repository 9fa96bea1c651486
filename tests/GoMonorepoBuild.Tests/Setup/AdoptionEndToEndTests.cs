using System.Text.Json;
using GoMonorepoBuild.Tests.Workspace;
using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.Setup;

/// <summary>
/// Adopting the build as README says, past the first run: a scaffold with no --services into a layout other than
/// services/* finds its services and answers Graph and Affected for the last commit; a newer pack moves the scaffolded
/// build to the new framework with the documented update command.
/// </summary>
[Collection(PackedFeedCollection.Name)]
public class AdoptionEndToEndTests(PackedFeed feed)
{
    [Fact]
    public async Task A_single_module_monorepo_with_binaries_under_cmd_is_scaffolded_without_services_and_answers_graph_and_affected_for_the_last_commit()
    {
        using var fixture = new TempTree();
        fixture.Module(".", "example.com/tool")
            .GoFile("cmd/api/main.go", "main", "example.com/tool/pkg/store")
            .GoFile("cmd/worker/main.go", "main", "example.com/tool/pkg/queue")
            .GoFile("pkg/store/store.go", "store")
            .GoFile("pkg/queue/queue.go", "queue")
            .Module("examples", "example.com/tool/examples").GoFile("examples/demo/main.go", "main");
        using var repo = new ScaffoldedRepository(fixture.Root);

        var scaffold = await feed.ScaffoldAsync(repo.Root);
        Assert.True(scaffold.ExitCode == 0, $"dotnet new failed ({scaffold.ExitCode}):\n{scaffold.StandardOutput}\n{scaffold.StandardError}");
        Assert.Contains("No --services given", scaffold.StandardOutput);
        using (var parameters = JsonDocument.Parse(File.ReadAllText(repo.PathOf(".nuke/parameters.json"))))
            Assert.False(parameters.RootElement.TryGetProperty("Services", out _), "the scaffold must leave the choice to the tree");
        Assert.False(File.Exists(repo.PathOf(".nuke/parameters.detect.json")), "the template's alternative file must not be scaffolded");
        repo.Commit("add the GoMonorepoBuild build");
        File.AppendAllText(repo.PathOf("pkg/store/store.go"), "\n// a change in the last commit\n");
        repo.Commit("change the store");

        var graph = await repo.BuildAsync("Graph");
        Assert.True(graph.ExitCode == 0, $"Graph failed ({graph.ExitCode}):\n{graph.StandardOutput}\n{graph.StandardError}");
        Assert.Contains("--services is not set: using 'cmd/*'", graph.StandardOutput);
        using (var model = JsonDocument.Parse(File.ReadAllText(repo.PathOf(".nuke/temp/graph/workspace.json"))))
            Assert.Equal(["api", "worker"], model.RootElement.GetProperty("services").EnumerateArray().Select(s => s.GetProperty("name").GetString()).Order());

        var analysis = repo.PathOf(".nuke/temp/affected.json");
        var affected = await repo.BuildAsync("Affected", "--base", "HEAD~1", "--output", analysis);
        Assert.True(affected.ExitCode == 0, $"Affected failed ({affected.ExitCode}):\n{affected.StandardOutput}\n{affected.StandardError}");
        using var result = JsonDocument.Parse(File.ReadAllText(analysis));
        var service = Assert.Single(result.RootElement.GetProperty("services").EnumerateArray());
        Assert.Equal("api", service.GetProperty("name").GetString());
        Assert.Contains(service.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("chain")[0].GetString() == "pkg/store/store.go");
    }

    [Fact]
    public async Task A_newer_pack_and_the_documented_update_command_move_the_scaffolded_build_to_the_new_framework()
    {
        using var repo = new ScaffoldedRepository();
        var scaffold = await feed.ScaffoldAsync(repo.Root);
        Assert.True(scaffold.ExitCode == 0, $"dotnet new failed ({scaffold.ExitCode}):\n{scaffold.StandardOutput}\n{scaffold.StandardError}");
        repo.Commit("add the GoMonorepoBuild build");
        var first = await repo.BuildAsync("--help");
        Assert.True(first.ExitCode == 0, $"the scaffolded build failed to start ({first.ExitCode}):\n{first.StandardOutput}\n{first.StandardError}");
        var v1 = PackedFeed.VersionOf(PackedFeed.FrameworkProject);
        Assert.StartsWith($"GoMonorepoBuild {v1}", first.StandardOutput);

        // A newer release packed into the same folder, as `./build.sh Pack` again would (each pack newer than the last).
        var parts = v1.Split('-')[0].Split('.').Select(int.Parse).ToArray();
        var v2 = $"{parts[0]}.{parts[1]}.{parts[2] + 1}-upgrade.{DateTime.UtcNow:yyyyMMddHHmmss}";
        await feed.PackFrameworkAsync(v2);

        // The command README and Pack's output give, at the monorepo's root.
        var update = await PackedFeed.Dotnet.WithWorkingDirectory(repo.Root)
            .WithEnvironment("NUGET_PACKAGES", null).WithEnvironment("MSBuildExtensionsPath", null)
            .WithEnvironment("MSBuildSDKsPath", null).WithEnvironment("MSBUILD_EXE_PATH", null)
            .TryRunAsync(["package", "update", $"GoMonorepoBuild@{v2}", "--project", "build/_build.csproj"], TestContext.Current.CancellationToken);
        Assert.True(update.ExitCode == 0, $"dotnet package update failed ({update.ExitCode}):\n{update.StandardOutput}\n{update.StandardError}");
        Assert.Contains($"Include=\"GoMonorepoBuild\" Version=\"{v2}\"", File.ReadAllText(repo.PathOf("build/_build.csproj")));

        var upgraded = await repo.BuildAsync("--help");
        Assert.True(upgraded.ExitCode == 0, $"the upgraded build failed to start ({upgraded.ExitCode}):\n{upgraded.StandardOutput}\n{upgraded.StandardError}");
        Assert.Contains("Building the build project", upgraded.StandardError);
        Assert.StartsWith($"GoMonorepoBuild {v2}", upgraded.StandardOutput);
    }

    [Fact]
    public async Task A_scaffolded_build_with_GMB_NATIVE_1_compiles_its_native_build_and_answers_as_the_managed_one()
    {
        if (!NativeLinkerOnPath()) Assert.Skip("no clang on PATH: Native AOT cannot link on this machine");
        using var fixture = new TempTree();
        fixture.Module("services/api", "example.com/api").GoFile("services/api/main.go", "main");
        using var repo = new ScaffoldedRepository(fixture.Root);
        var scaffold = await feed.ScaffoldAsync(repo.Root);
        Assert.True(scaffold.ExitCode == 0, $"dotnet new failed ({scaffold.ExitCode}):\n{scaffold.StandardOutput}\n{scaffold.StandardError}");
        repo.Commit("add the GoMonorepoBuild build");
        var graphFile = repo.PathOf(".nuke/temp/graph/workspace.json");

        var managed = await repo.BuildAsync("Graph");
        Assert.True(managed.ExitCode == 0, $"Graph failed ({managed.ExitCode}):\n{managed.StandardOutput}\n{managed.StandardError}");
        var managedGraph = File.ReadAllText(graphFile);
        File.Delete(graphFile);
        var native = await repo.BuildAsync([new("GMB_NATIVE", "1")], "Graph");

        Assert.True(native.ExitCode == 0, $"Graph failed ({native.ExitCode}):\n{native.StandardOutput}\n{native.StandardError}");
        Assert.Contains("Compiling the native build", native.StandardError);
        Assert.DoesNotContain("native build failed", native.StandardError);
        Assert.True(File.Exists(repo.PathOf(".nuke/temp/build-native/_build")), "no native executable in .nuke/temp/build-native");
        Assert.Equal(managedGraph, File.ReadAllText(graphFile));
    }

    static bool NativeLinkerOnPath() =>
        SearchPath.HasAny("clang", "clang-14", "clang-15", "clang-16", "clang-17", "clang-18", "clang-19", "clang-20");
}
