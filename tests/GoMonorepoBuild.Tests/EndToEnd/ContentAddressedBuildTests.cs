using System.Text.Json;
using GoMonorepoBuild.Engine;
using GoMonorepoBuild.Processes;
using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.EndToEnd;

/// <summary>BuildChanged builds what has no image for its current inputs and skips what already has one.</summary>
public class ContentAddressedBuildTests
{
    [Fact]
    public async Task A_fresh_run_builds_every_service_a_rerun_none_an_edit_only_that_service_and_a_revert_none()
    {
        await using var scenario = new Scenario();
        var (engine, example, build, registry, arguments, images) = scenario;
        var first = await RunAsync(build, arguments, images);
        Assert.All(first, s => Assert.Equal("built", s.Status));
        Assert.True(first.Count >= 6, $"only {first.Count} services in the report");
        Assert.All(first, s => Assert.Equal("no image for these inputs yet", s.Reason));

        var second = await RunAsync(build, arguments, images);
        Assert.All(second, s => Assert.Equal("skipped", s.Status));
        Assert.All(second, s => Assert.Contains("image for these inputs already exists", s.Reason));

        var handler = example.PathOf("services/orders/main.go");
        var original = await File.ReadAllTextAsync(handler, TestContext.Current.CancellationToken);
        example.Append("services/orders/main.go", "\n// an edit\n");
        var edited = await RunAsync(build, arguments, images);
        Assert.Equal(["orders"], edited.Where(s => s.Status == "built").Select(s => s.Name));
        Assert.All(edited.Where(s => s.Name != "orders"), s => Assert.Equal("skipped", s.Status));

        await File.WriteAllTextAsync(handler, original, TestContext.Current.CancellationToken);
        var reverted = await RunAsync(build, arguments, images);
        Assert.All(reverted, s => Assert.Equal("skipped", s.Status));

        var hashLabel = await new BuildxDockerCli(engine).RunAsync("image", "inspect", "--format",
            "{{index .Config.Labels \"org.gomonorepobuild.inputs\"}}", $"{registry}/orders:latest");
        Assert.Matches("^[a-f0-9]{64}$", hashLabel.StandardOutput.Trim());
    }

    [Fact]
    public async Task An_image_removed_after_a_run_that_found_it_is_built_again_by_the_next_run()
    {
        await using var scenario = new Scenario();
        var (engine, example, build, registry, arguments, images) = scenario;
        await RunAsync(build, arguments, images);
        // This run finds every image and remembers them for the next run.
        Assert.All(await RunAsync(build, arguments, images), s => Assert.Equal("skipped", s.Status));

        var orders = images.Single(i => i.StartsWith($"{registry}/orders:inputs-", StringComparison.Ordinal));
        Assert.Equal(0, (await new BuildxDockerCli(engine).RunAsync("image", "rm", orders)).ExitCode);
        var after = await RunAsync(build, arguments, images);

        Assert.Equal(["orders"], after.Where(s => s.Status == "built").Select(s => s.Name));
    }

    /// <summary>A copy of the example, a build of its own and a registry prefix of its own; its images removed afterwards.</summary>
    internal sealed class Scenario : IAsyncDisposable
    {
        readonly DockerEnvironment engine = RealEngine.Require();
        readonly ExampleRepositoryCopy example = new();
        readonly RealBuild build = new();
        readonly string registry = "gmb-ca-" + Guid.NewGuid().ToString("N")[..8];
        readonly HashSet<string> images = [];

        public void Deconstruct(out DockerEnvironment engine, out ExampleRepositoryCopy example, out RealBuild build, out string registry,
            out string[] arguments, out HashSet<string> images)
        {
            (engine, example, build, registry, images) = (this.engine, this.example, this.build, this.registry, this.images);
            arguments = ["BuildChanged", "--monorepo", example.Root, "--registry", registry];
        }

        public async ValueTask DisposeAsync()
        {
            await new BuildxDockerCli(engine).RemoveImagesAsync([.. images]);
            build.Dispose();
            example.Dispose();
        }
    }

    internal sealed record Row(string Name, string Status, string Reason);

    internal static async Task<List<Row>> RunAsync(RealBuild build, string[] arguments, HashSet<string> images)
    {
        var (rows, result) = await TryRunAsync(build, arguments, images);
        Assert.True(result.ExitCode == 0, $"BuildChanged exited {result.ExitCode}:\n{result.StandardOutput}\n{result.StandardError}");
        return rows;
    }

    /// <summary>One run, whatever its exit code: its report's rows (its tags added to <paramref name="images"/>) and its output.</summary>
    internal static async Task<(List<Row> Rows, ProcessResult Result)> TryRunAsync(RealBuild build, string[] arguments, HashSet<string> images)
    {
        var result = await build.RunAsync(arguments);
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(build.ReportFile, TestContext.Current.CancellationToken));
        var rows = new List<Row>();
        foreach (var s in doc.RootElement.GetProperty("services").EnumerateArray())
        {
            rows.Add(new Row(s.GetProperty("name").GetString()!, s.GetProperty("status").GetString()!, s.GetProperty("reason").GetString()!));
            if (s.TryGetProperty("tags", out var tags))
                foreach (var tag in tags.EnumerateArray()) images.Add(tag.GetString()!);
        }
        return (rows, result);
    }
}
