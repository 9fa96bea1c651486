using System.Diagnostics;
using System.Runtime.InteropServices;
using GoMonorepoBuild.Targets;
using GoMonorepoBuild.Tests.Changes;
using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.Affected;

/// <summary>
/// Issue 18 item 3, as a user meets it: Ctrl-C while Affected reads a large monorepo ends the run through the stages'
/// own cancellation checks (exit 130, the target Aborted), not by leaving the target behind after the grace period.
/// </summary>
public sealed class AffectedCancellationTests : IDisposable
{
    readonly TestRepository repo = new();
    readonly RealBuild build = new();

    public void Dispose()
    {
        build.Dispose();
        repo.Dispose();
    }

    [Fact]
    public async Task Ctrl_C_during_Affected_on_a_large_monorepo_stops_it_through_its_token_and_exits_130()
    {
        var ct = TestContext.Current.CancellationToken;
        // About 6,000 .go files in 100 modules: reading them and git's status take a while after the target starts.
        var info = SyntheticMonorepo.Write(repo.Root, new SyntheticMonorepoOptions(Services: 30, Libs: 70, PackagesPerModule: 6, FilesPerPackage: 9));
        var baseSha = repo.Commit("generated");
        foreach (var name in info.ServiceNames) repo.Write($"services/{name}/cmd/{name}/extra.go", $"package main\n\n// {name}\n");
        // A file gone at the head: the analysis also writes the base revision's tree and loads its model.
        repo.Delete("libs/lib1/pkg1/file8.go");
        var output = Path.Combine(build.Root, "affected.json");

        // env --default-signal=INT: a test run as a background job inherits SIGINT ignored, and .NET then never sees it.
        using var process = Process.Start(new ProcessStartInfo("env",
            ["--default-signal=INT", .. RealBuild.Command(), "Affected", "--monorepo", repo.Root, "--services", "services/*",
             "--base", baseSha, "--output", output, "--root", build.Root])
        {
            WorkingDirectory = build.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["CI"] = "true", ["GMB_ROOT"] = null },
        })!;
        try
        {
            var stderr = process.StandardError.ReadToEndAsync(ct);
            var lines = new List<string>();
            while (await process.StandardOutput.ReadLineAsync(ct) is { } line)
            {
                lines.Add(line);
                if (line.Contains("» Affected", StringComparison.Ordinal)) break;
            }
            // Straight from here, not through a `kill` process: the signal should land while the analysis runs.
            Assert.Equal(0, Kill(process.Id, SigInt));
            var stdout = string.Join('\n', lines) + '\n' + await process.StandardOutput.ReadToEndAsync(ct);
            using var exited = CancellationTokenSource.CreateLinkedTokenSource(ct);
            exited.CancelAfter(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(exited.Token);

            Assert.True(process.ExitCode == ExitCodes.Cancelled,
                $"exit {process.ExitCode} (0: the analysis ended before the signal arrived; the tree is too small for this machine)\n{stdout}\n{await stderr}");
            Assert.Contains("Cancelling", await stderr);
            Assert.Contains("Affected was cancelled", stdout);
            Assert.Matches(@"\| Affected +\| Aborted", stdout);
            // The stages stopped by their token: the executor never had to leave the target behind.
            Assert.DoesNotContain("did not stop within", stdout);
            Assert.False(File.Exists(output));
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }

    const int SigInt = 2;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    static extern int Kill(int pid, int signal);
}
