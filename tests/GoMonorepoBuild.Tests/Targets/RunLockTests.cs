using System.Diagnostics;
using GoMonorepoBuild.Processes;

namespace GoMonorepoBuild.Tests.Targets;

/// <summary>Two real runs of the fixture build on one root: the second waits for the first, naming its pid (issue 14, item 2).</summary>
public class RunLockTests : IDisposable
{
    readonly TempFolder root = new();
    readonly TempFolder other = new();

    public RunLockTests()
    {
        Directory.CreateDirectory(Path.Combine(root.Path, ".nuke"));
        Directory.CreateDirectory(Path.Combine(other.Path, ".nuke"));
    }

    public void Dispose()
    {
        root.Dispose();
        other.Dispose();
    }

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_second_run_on_one_root_waits_naming_the_first_runs_pid_and_another_root_does_not_wait()
    {
        using var first = Start(root.Path, "Wait");
        try
        {
            while (await first.StandardOutput.ReadLineAsync(Ct) is { } line && line != "waiting") { }

            var elsewhere = await BuildProcess.Sample.RunAsync(other.Path, "Compile");
            Assert.Equal(0, elsewhere.ExitCode);

            using var second = Start(root.Path, "Compile");
            var secondErr = second.StandardError.ReadToEndAsync(Ct);
            var waiting = "";
            while (await second.StandardOutput.ReadLineAsync(Ct) is { } line)
            {
                waiting = line;
                if (line.Contains("waiting for it")) break;
            }
            Assert.Contains($"Another run (pid {first.Id})", waiting);
            await Task.Delay(500, Ct);
            Assert.False(second.HasExited, "the second run did not wait for the first");

            // SIGTERM (not SIGINT: a background job may inherit SIGINT ignored) ends the first run; the second goes on.
            await Tool.Named("kill").RunAsync(["-TERM", first.Id.ToString()], Ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            var secondOut = await second.StandardOutput.ReadToEndAsync(timeout.Token);
            await second.WaitForExitAsync(timeout.Token);
            Assert.True(second.ExitCode == 0, secondOut + await secondErr);
            Assert.Contains("hello from Compile", secondOut);
        }
        finally
        {
            if (!first.HasExited) first.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public async Task A_lock_file_left_by_a_run_that_died_does_not_block_the_next_run()
    {
        var pidFile = Path.Combine(root.Path, ".nuke", "temp", "run.pid");
        using var killed = Start(root.Path, "Wait");
        while (await killed.StandardOutput.ReadLineAsync(Ct) is { } line && line != "waiting") { }
        killed.Kill(entireProcessTree: true);
        await killed.WaitForExitAsync(Ct);
        Assert.Equal(killed.Id.ToString(), File.ReadAllText(pidFile).Trim());

        var next = await BuildProcess.Sample.RunAsync(root.Path, "Compile");

        Assert.Equal(0, next.ExitCode);
        Assert.DoesNotContain("Another run", next.StandardOutput);
    }

    static Process Start(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [BuildProcess.Sample.Dll, .. args])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["CI"] = "true", ["REGISTRY"] = null, ["GREETINGS"] = null },
        };
        return Process.Start(start)!;
    }
}
