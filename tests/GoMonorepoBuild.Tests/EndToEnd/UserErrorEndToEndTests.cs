using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.EndToEnd;

/// <summary>Mistakes a user makes in their monorepo, seen through the real build as a process: a clear message and a non-zero exit.</summary>
public class UserErrorEndToEndTests
{
    [Fact]
    public async Task A_broken_go_mod_fails_the_run_naming_the_file_its_line_and_the_service_it_blocks()
    {
        using var example = new ExampleRepositoryCopy();
        using var build = new RealBuild();
        File.AppendAllText(example.PathOf("services/orders/go.mod"), "\nrequire (\n");

        var result = await build.RunAsync("Graph", "--monorepo", example.Root);

        Assert.Equal(1, result.ExitCode);
        var output = result.StandardOutput + result.StandardError;
        Assert.Contains("services/orders/go.mod", output);
        Assert.Matches(@"go\.mod:\d+:\d+", output);
        Assert.Contains("orders", output);
    }

    [Fact]
    public async Task A_monorepo_folder_that_does_not_exist_fails_saying_which_parameter_to_fix()
    {
        using var build = new RealBuild();
        var missing = Path.Combine(build.Root, "no-such-monorepo");

        var result = await build.RunAsync("Graph", "--monorepo", missing);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(missing, result.StandardOutput + result.StandardError);
        Assert.Contains("--monorepo", result.StandardOutput + result.StandardError);
    }

    [Fact]
    public async Task An_unknown_base_revision_fails_the_affected_analysis_naming_the_ref()
    {
        using var example = new ExampleRepositoryCopy();
        using var build = new RealBuild();

        var result = await build.RunAsync("Affected", "--monorepo", example.Root, "--base", "no-such-ref");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no-such-ref", result.StandardOutput + result.StandardError);
    }
}
