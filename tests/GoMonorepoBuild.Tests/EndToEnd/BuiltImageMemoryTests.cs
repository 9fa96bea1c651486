using System.Text.RegularExpressions;
using GoMonorepoBuild.Tests.Support;
using static GoMonorepoBuild.Tests.EndToEnd.ContentAddressedBuildTests;

namespace GoMonorepoBuild.Tests.EndToEnd;

/// <summary>
/// BuildChanged remembers the images it built for the next run, as it does those it found: the run right after a build
/// asks the engine about none of them, yet sees a <c>docker rmi</c> of one, and never remembers a build that failed.
/// </summary>
public sealed partial class BuiltImageMemoryTests
{
    [GeneratedRegex(@"Image lookups: \d+ ms \((\d+) of \d+ asked of the engine")]
    private static partial Regex LookupsLine();

    /// <summary>A verbose run: its rows, exit code and how many of its lookups it asked the engine.</summary>
    static async Task<(List<Row> Rows, int ExitCode, int Asked)> RunAsync(Scenario scenario)
    {
        var (_, _, build, _, arguments, images) = scenario;
        var (rows, result) = await TryRunAsync(build, [.. arguments, "--verbosity", "verbose"], images);
        var lookups = LookupsLine().Match(result.StandardOutput);
        Assert.True(lookups.Success, $"no lookup counts in the verbose log:\n{result.StandardOutput}\n{result.StandardError}");
        return (rows, result.ExitCode, int.Parse(lookups.Groups[1].Value));
    }

    [Fact]
    public async Task The_run_after_a_build_asks_the_engine_about_none_of_the_images_it_built()
    {
        await using var scenario = new Scenario();
        var first = await RunAsync(scenario);
        Assert.Equal(0, first.ExitCode);
        Assert.All(first.Rows, s => Assert.Equal("built", s.Status));

        var second = await RunAsync(scenario);

        Assert.Equal(0, second.ExitCode);
        Assert.All(second.Rows, s => Assert.Equal("skipped", s.Status));
        Assert.Equal(0, second.Asked);
    }

    [Fact]
    public async Task An_image_removed_right_after_the_run_that_built_it_is_built_again_by_the_next_run()
    {
        await using var scenario = new Scenario();
        var (engine, _, _, registry, _, images) = scenario;
        Assert.Equal(0, (await RunAsync(scenario)).ExitCode);

        var orders = images.Single(i => i.StartsWith($"{registry}/orders:inputs-", StringComparison.Ordinal));
        Assert.Equal(0, (await new BuildxDockerCli(engine).RunAsync("image", "rm", orders)).ExitCode);
        var after = await RunAsync(scenario);

        Assert.Equal(["orders"], after.Rows.Where(s => s.Status == "built").Select(s => s.Name));
        Assert.Equal(1, after.Asked);
        // What it found and what it built are both remembered.
        Assert.Equal(0, (await RunAsync(scenario)).Asked);
    }

    [Fact]
    public async Task A_build_that_failed_is_not_remembered_the_next_run_asks_about_it_and_builds_it_again()
    {
        await using var scenario = new Scenario();
        var (_, example, _, _, _, _) = scenario;
        example.Append("services/orders/main.go", "\nfunc broken() { undefinedOnPurpose() }\n");
        var first = await RunAsync(scenario);
        Assert.NotEqual(0, first.ExitCode);
        Assert.Equal("failed", first.Rows.Single(r => r.Name == "orders").Status);

        var second = await RunAsync(scenario);

        Assert.Equal("failed", second.Rows.Single(r => r.Name == "orders").Status);
        Assert.All(second.Rows.Where(r => r.Name != "orders"), s => Assert.Equal("skipped", s.Status));
        Assert.Equal(1, second.Asked);
    }
}
