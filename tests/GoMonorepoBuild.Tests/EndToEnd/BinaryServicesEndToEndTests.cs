using System.Text.Json;
using GoMonorepoBuild.Tests.Changes;
using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.EndToEnd;

/// <summary>Services that are binaries (the root module's cmd/*, a module with two mains), through the real build as a process.</summary>
public class BinaryServicesEndToEndTests
{
    [Fact]
    public async Task Graph_shows_each_binary_as_a_service_and_Affected_narrows_an_edit_to_the_binary_that_imports_it()
    {
        using var repo = new TestRepository();
        BinariesMonorepo.WriteTo(repo.Root);
        var baseSha = repo.Commit("binaries");
        using var build = new RealBuild();

        var graph = await build.RunAsync("Graph", "--monorepo", repo.Root, "--services", BinariesMonorepo.Globs);
        Assert.True(graph.ExitCode == 0, graph.StandardOutput + graph.StandardError);
        Assert.Contains("dockerd (cmd/dockerd) binary of ., module example.com/dock", graph.StandardOutput);
        Assert.Contains("worker (services/shop/cmd/worker) binary of services/shop", graph.StandardOutput);
        var mermaid = File.ReadAllText(Path.Combine(build.Root, ".nuke", "temp", "graph", "workspace.mmd"));
        Assert.Contains("([\"dockerd<br/><small>cmd/dockerd</small>\"]):::service", mermaid);
        Assert.Contains("([\"billing<br/><small>services/billing</small>\"]):::service", mermaid);

        repo.Write("internal/daemon/daemon.go", "package daemon\n\n// Describe says what this package is.\nfunc Describe() string { return \"daemon v2\" }\n");
        var affected = await build.RunAsync("Affected", "--monorepo", repo.Root, "--services", BinariesMonorepo.Globs,
            "--base", baseSha, "--output", "affected.json");
        Assert.True(affected.ExitCode == 0, affected.StandardOutput + affected.StandardError);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(build.Root, "affected.json")));
        var service = Assert.Single(json.RootElement.GetProperty("services").EnumerateArray());
        Assert.Equal("dockerd", service.GetProperty("name").GetString());
        Assert.Equal("cmd/dockerd", service.GetProperty("path").GetString());
    }

    [Fact]
    public async Task BuildChanged_builds_an_image_per_binary_and_an_edit_to_one_binarys_package_rebuilds_only_that_image()
    {
        var engine = RealEngine.Require();
        var docker = new BuildxDockerCli(engine);
        using var repo = new TestRepository();
        BinariesMonorepo.WriteTo(repo.Root);
        repo.Commit("binaries");
        using var build = new RealBuild();
        var registry = "gmb-bins-" + Guid.NewGuid().ToString("N")[..8];
        string[] arguments = ["BuildChanged", "--monorepo", repo.Root, "--services", BinariesMonorepo.Globs, "--registry", registry];
        var images = new HashSet<string>();
        try
        {
            var first = await RunAsync(build, arguments, images);
            Assert.Equal(BinariesMonorepo.Names.Order(), first.Where(r => r.Status == "built").Select(r => r.Name).Order());
            Assert.Equal("dockerd\ndaemon v1 1.0.0", await RunImageAsync(docker, $"{registry}/dockerd:latest"));
            Assert.Equal("docker-proxy\nproxy v1 1.0.0", await RunImageAsync(docker, $"{registry}/docker-proxy:latest"));
            Assert.Equal("worker\nqueue v1", await RunImageAsync(docker, $"{registry}/worker:latest"));

            repo.Write("internal/daemon/daemon.go", "package daemon\n\n// Describe says what this package is.\nfunc Describe() string { return \"daemon v2\" }\n");
            var edited = await RunAsync(build, arguments, images);
            Assert.Equal(["dockerd"], edited.Where(r => r.Status == "built").Select(r => r.Name));
            Assert.All(edited.Where(r => r.Name != "dockerd"), r => Assert.Equal("skipped", r.Status));
            Assert.Equal("dockerd\ndaemon v2 1.0.0", await RunImageAsync(docker, $"{registry}/dockerd:latest"));
        }
        finally
        {
            await docker.RemoveImagesAsync([.. images]);
        }
    }

    static async Task<string> RunImageAsync(BuildxDockerCli docker, string image)
    {
        var run = await docker.RunAsync("run", "--rm", "--network", "none", image);
        Assert.True(run.ExitCode == 0, $"{image} exited {run.ExitCode}: {run.StandardError}");
        return Normalise(run.StandardOutput);
    }

    // fmt.Println("dockerd", daemon.Describe(), version.Describe()) prints one line: "dockerd daemon v1 1.0.0".
    static string Normalise(string output)
    {
        var line = output.Trim();
        var space = line.IndexOf(' ');
        return space < 0 ? line : line[..space] + "\n" + line[(space + 1)..];
    }

    sealed record Row(string Name, string Status);

    static async Task<List<Row>> RunAsync(RealBuild build, string[] arguments, HashSet<string> images)
    {
        var result = await build.RunAsync(arguments);
        Assert.True(result.ExitCode == 0, $"BuildChanged exited {result.ExitCode}:\n{result.StandardOutput}\n{result.StandardError}");
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(build.ReportFile, TestContext.Current.CancellationToken));
        var rows = new List<Row>();
        foreach (var s in doc.RootElement.GetProperty("services").EnumerateArray())
        {
            rows.Add(new Row(s.GetProperty("name").GetString()!, s.GetProperty("status").GetString()!));
            if (s.TryGetProperty("tags", out var tags))
                foreach (var tag in tags.EnumerateArray()) images.Add(tag.GetString()!);
        }
        return rows;
    }
}
