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
    public async Task A_GMB_ROOT_naming_no_folder_fails_naming_it_and_writes_nothing_where_it_was_run()
    {
        var working = Directory.CreateTempSubdirectory("gmb-e2e-cwd-").FullName;
        try
        {
            var missing = Path.Combine(working, "no-such-root");
            var command = RealBuild.Command();

            var result = await GoMonorepoBuild.Processes.Tool.Named(command[0])
                .WithWorkingDirectory(working)
                .WithEnvironment("GMB_ROOT", missing)
                .WithEnvironment("NO_COLOR", "1")
                .TryRunAsync([.. command.Skip(1), "Graph"], TestContext.Current.CancellationToken);

            Assert.Equal(2, result.ExitCode);
            Assert.Contains($"GMB_ROOT={missing}", result.StandardOutput + result.StandardError);
            Assert.Empty(Directory.EnumerateFileSystemEntries(working));
        }
        finally
        {
            Directory.Delete(working, recursive: true);
        }
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
