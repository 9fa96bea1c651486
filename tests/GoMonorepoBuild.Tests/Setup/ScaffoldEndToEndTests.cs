using System.Text.Json;
using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.Setup;

/// <summary>
/// Adopting GoMonorepoBuild as a user would: the packed template scaffolds a build into an existing Go monorepo, the
/// scaffolded build restores the packed framework, and its two everyday commands run against the real engine.
/// </summary>
[Collection(PackedFeedCollection.Name)]
public class ScaffoldEndToEndTests(PackedFeed feed)
{
    [Fact]
    public async Task A_monorepo_scaffolded_from_the_packages_finds_its_affected_services_and_builds_them()
    {
        var engine = RealEngine.Require();
        using var repo = new ScaffoldedRepository();
        var scaffold = await feed.ScaffoldAsync(repo.Root);
        Assert.True(scaffold.ExitCode == 0, $"dotnet new failed ({scaffold.ExitCode}):\n{scaffold.StandardOutput}\n{scaffold.StandardError}");
        repo.Commit("add the GoMonorepoBuild build");

        var help = await repo.BuildAsync("--help");
        Assert.True(help.ExitCode == 0, $"the scaffolded build failed to start ({help.ExitCode}):\n{help.StandardOutput}\n{help.StandardError}");
        Assert.Contains("BuildChanged", help.StandardOutput);
        Assert.True(File.Exists(repo.PathOf(".nuke/build.schema.json")), "the build writes its parameter schema next to parameters.json");

        // One service's source changes in the working tree: only that service is affected.
        File.AppendAllText(repo.PathOf("services/orders/internal/order/order.go"), "\n// a change under review\n");

        var registry = "gmb-adopt-" + Guid.NewGuid().ToString("N")[..8];
        var docker = new BuildxDockerCli(engine);
        try
        {
            var build = await repo.BuildAsync("BuildChanged", "--only", "orders", "--registry", registry);
            Assert.True(build.ExitCode == 0, $"BuildChanged failed ({build.ExitCode}):\n{build.StandardOutput}\n{build.StandardError}");
            Assert.DoesNotContain("Building the build project", build.StandardError); // compiled once, by the first run
            using var report = JsonDocument.Parse(File.ReadAllText(repo.PathOf(".nuke/temp/reports/build-report.json")));
            var orders = Assert.Single(report.RootElement.GetProperty("services").EnumerateArray());
            Assert.Equal("orders", orders.GetProperty("name").GetString());
            Assert.StartsWith($"{registry}/orders:", orders.GetProperty("image").GetString());
            var inspect = await docker.RunAsync("image", "inspect", "--format", "{{.Id}}", orders.GetProperty("image").GetString()!);
            Assert.True(inspect.ExitCode == 0, $"the built image is not in the engine: {inspect.StandardError}");

            var analysis = repo.PathOf(".nuke/temp/affected.json");
            var affected = await repo.BuildAsync("Affected", "--base", "HEAD", "--output", analysis);
            Assert.True(affected.ExitCode == 0, $"Affected failed ({affected.ExitCode}):\n{affected.StandardOutput}\n{affected.StandardError}");
            using var result = JsonDocument.Parse(File.ReadAllText(analysis));
            var service = Assert.Single(result.RootElement.GetProperty("services").EnumerateArray());
            Assert.Equal("orders", service.GetProperty("name").GetString());
            Assert.NotEmpty(service.GetProperty("reasons").EnumerateArray());
            Assert.Contains("orders", affected.StandardOutput);
        }
        finally
        {
            // Every tag under this run's registry prefix (hash, inputs and latest tags alike); the engine is shared.
            var listed = await docker.RunAsync("image", "ls", "--format", "{{.Repository}}:{{.Tag}}");
            await docker.RemoveImagesAsync([.. listed.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(image => image.StartsWith(registry + "/", StringComparison.Ordinal))]);
        }
    }
}
