using System.Diagnostics;
using GoMonorepoBuild.Processes;
using GoMonorepoBuild.Targets;

namespace GoMonorepoBuild.Tests.Targets;

/// <summary>The fixture build (tests/Fixtures/SampleBuild) and the repository's build, run as real processes.</summary>
public class EndToEndTests : IDisposable
{
    readonly TempFolder root = new();

    public EndToEndTests() => Directory.CreateDirectory(Path.Combine(root.Path, ".nuke"));

    public void Dispose() => root.Dispose();

    Task<ProcessResult> Sample(params string[] args) => BuildProcess.Sample.RunAsync(root.Path, args);

    [Fact]
    public async Task Help_lists_targets_with_descriptions_and_dependencies_then_parameters_with_environment_variables()
    {
        var result = await Sample("-h");
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"\* Compile +Compiles the code +\(depends on Restore\)", result.StandardOutput);
        Assert.Matches(@"  Publish +Publishes the image +\(depends on Compile\)", result.StandardOutput);
        Assert.DoesNotContain("Secret", result.StandardOutput);
        Assert.Contains("--registry <text>", result.StandardOutput);
        Assert.Contains("env REGISTRY", result.StandardOutput);
        Assert.Contains("--greetings <int>", result.StandardOutput);
        Assert.True(File.Exists(Path.Combine(root.Path, ".nuke", "build.schema.json")));
    }

    [Fact]
    public async Task The_plan_shows_the_order_and_why_each_target_is_in_without_running_anything()
    {
        var result = await Sample("publish", "test", "--registry", "localhost:5000", "--skip", "restore", "--plan");
        Assert.Equal(0, result.ExitCode);
        var lines = result.StandardOutput.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        Assert.Equal("Execution plan:", lines[0]);
        Assert.Matches(@"^1\. Restore +dependency of Compile; skipped \(--skip\)$", lines[1]);
        Assert.Matches(@"^2\. Compile +dependency of Publish$", lines[2]);
        Assert.Matches(@"^3\. Test +invoked$", lines[3]);
        Assert.Matches(@"^4\. Publish +invoked$", lines[4]);
        Assert.Matches(@"^5\. Announce +triggered by Publish$", lines[5]);
        Assert.DoesNotContain("hello from Compile", result.StandardOutput);
    }

    [Fact]
    public async Task The_default_target_runs_with_a_parameter_from_the_parameters_file()
    {
        root.Write(".nuke/parameters.json", """{ "$schema": "./build.schema.json", "Greetings": 2 }""");
        var result = await Sample();
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, result.StandardOutput.Split("hello from Compile").Length - 1);
        Assert.Matches(@"\| Compile +\| Succeeded", result.StandardOutput);
    }

    [Fact]
    public async Task An_unknown_target_exits_2_listing_the_targets_and_the_closest_match()
    {
        var result = await Sample("Pubilsh");
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("There is no target 'Pubilsh'. Did you mean 'Publish'?", result.StandardError);
        Assert.Contains("Targets: Restore, Compile, Test, Publish, Announce, Fail, Wait.", result.StandardError);
    }

    [Fact]
    public async Task A_failing_target_exits_1_with_the_failure_in_the_summary_table()
    {
        var result = await Sample("Compile", "Fail", "Test");
        Assert.Equal(ExitCodes.TargetFailed, result.ExitCode);
        Assert.Contains("the fixture failed on purpose", result.StandardError);
        Assert.Contains("because: disk on fire", result.StandardError);
        Assert.DoesNotContain("   at ", result.StandardError);
        Assert.Matches(@"\| Compile +\| Succeeded +\| +\d+\.\ds", result.StandardOutput);
        Assert.Matches(@"\| Fail +\| Failed +\|", result.StandardOutput);
        Assert.Matches(@"\| Test +\| NotRun +\| +\| Fail failed", result.StandardOutput);
        Assert.Contains("Build failed", result.StandardOutput);
    }

    [Fact]
    public async Task A_missing_required_parameter_exits_2_naming_the_option_and_the_environment_variable()
    {
        var result = await Sample("Publish");
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("Publish requires parameter 'Registry'", result.StandardError);
        Assert.Contains("--registry <value>", result.StandardError);
        Assert.Contains("environment variable REGISTRY", result.StandardError);
        Assert.DoesNotContain("restoring", result.StandardOutput);

        var fromEnvironment = await BuildProcess.Sample.Command(root.Path).WithEnvironment("REGISTRY", "env.example:5000")
            .TryRunAsync([BuildProcess.Sample.Dll, "Publish"], TestContext.Current.CancellationToken);
        Assert.Equal(0, fromEnvironment.ExitCode);
        Assert.Contains("publishing to env.example:5000", fromEnvironment.StandardOutput);
    }

    [Fact]
    public async Task An_unknown_parameter_exits_2_suggesting_the_closest()
    {
        var result = await Sample("--registri", "x");
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("Did you mean --registry?", result.StandardError);
    }

    [Fact]
    public async Task Ctrl_C_aborts_the_running_target_and_exits_130()
    {
        // env --default-signal=INT: a test run as a background job inherits SIGINT ignored, and .NET then never sees it.
        var start = new ProcessStartInfo("env", ["--default-signal=INT", "dotnet", BuildProcess.Sample.Dll, "Wait", "Test"])
        {
            WorkingDirectory = root.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["CI"] = "true" },
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var output = new List<string>();
        while (await process.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken) is { } line)
        {
            output.Add(line);
            if (line == "waiting") break;
        }
        await Tool.Named("kill").RunAsync(["-INT", process.Id.ToString()], TestContext.Current.CancellationToken);
        output.AddRange((await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken)).Split('\n'));
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        var text = string.Join('\n', output);

        Assert.Equal(ExitCodes.Cancelled, process.ExitCode);
        Assert.Matches(@"\| Wait +\| Aborted", text);
        Assert.Matches(@"\| Test +\| NotRun", text);
        Assert.Contains("Cancelling", await stderr);
    }

    [Fact]
    public async Task A_second_Ctrl_C_kills_the_whole_process_tree_the_run_started_and_exits_130_without_waiting_for_the_target()
    {
        var ct = TestContext.Current.CancellationToken;
        var marker = $"600.{Random.Shared.Next(100_000, 999_999)}";
        var start = new ProcessStartInfo("env", ["--default-signal=INT", "dotnet", BuildProcess.Sample.Dll, "Stubborn"])
        {
            WorkingDirectory = root.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["CI"] = "true", ["SAMPLE_SLEEP"] = marker },
        };
        using var process = Process.Start(start)!;
        try
        {
            var stderr = process.StandardError.ReadToEndAsync(ct);
            while (await process.StandardOutput.ReadLineAsync(ct) is { } line && !line.Contains("started")) { }
            var stdout = process.StandardOutput.ReadToEndAsync(ct);
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            while (Marked(marker).Count < 4 && DateTime.UtcNow < deadline) await Task.Delay(50, ct);
            Assert.Equal(4, Marked(marker).Count);

            // Back to back, as an impatient user presses them: the target runs its tree without its token, so the
            // first only cancels; the second must kill the tree before the process exits.
            await Tool.Named("kill").RunAsync(["-INT", process.Id.ToString()], ct);
            await Tool.Named("kill").RunAsync(["-INT", process.Id.ToString()], ct);
            using var exited = CancellationTokenSource.CreateLinkedTokenSource(ct);
            exited.CancelAfter(TimeSpan.FromSeconds(15));
            await process.WaitForExitAsync(exited.Token);

            Assert.Equal(ExitCodes.Cancelled, process.ExitCode);
            Assert.Contains("Cancelled again", await stderr);
            Assert.Matches(@"\| Stubborn +\| Aborted", await stdout);
            // Killed children are reaped by init at once; anything still listed was left running or stopped.
            deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
            while (Marked(marker).Count > 0 && DateTime.UtcNow < deadline) await Task.Delay(50, ct);
            Assert.True(Marked(marker).Count == 0, "left behind: " + string.Join("; ", Marked(marker)));
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }

    /// <summary>Live processes whose command line holds the marker, with their state (R running, S sleeping, T stopped).</summary>
    static List<string> Marked(string marker) =>
        Directory.EnumerateDirectories("/proc")
            .Where(d => int.TryParse(Path.GetFileName(d), out _))
            .Select(d =>
            {
                try
                {
                    var cmd = File.ReadAllText(Path.Combine(d, "cmdline")).Replace('\0', ' ');
                    return cmd.Contains(marker) ? $"{File.ReadAllText(Path.Combine(d, "stat")).Split(") ")[^1][..1]} {cmd}" : null;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    return null;
                }
            })
            .OfType<string>()
            .ToList();

    [Fact]
    public async Task The_repository_build_lists_BuildChanged_in_its_help()
    {
        var result = await BuildProcess.Repository.RunAsync(root.Path, "--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("BuildChanged", result.StandardOutput);
    }
}
