using System.Diagnostics;
using GoMonorepoBuild.Processes;
using GoMonorepoBuild.Targets;
using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.Building;

/// <summary>BuildChanged building services side by side on the real engine, run as a process the way users run it.</summary>
public class BuildingEngineTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static string UniqueRegistry() => "gmb-test-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task A_service_with_a_compile_error_fails_alone_the_others_are_built_and_the_run_exits_non_zero()
    {
        var engine = RealEngine.Require();
        using var build = new RealBuild();
        var monorepo = new MonorepoCopy(build);
        monorepo.Append("services/catalog/main.go", "\nfunc broken() { undefinedThing() }\n");
        var registry = UniqueRegistry();
        try
        {
            var result = await build.RunAsync("BuildChanged", "--monorepo", monorepo.Path, "--only", "catalog,gateway",
                "--parallelism", "2", "--registry", registry);

            Assert.Equal(ExitCodes.TargetFailed, result.ExitCode);
            var report = BuildReportFile.Read(build);
            Assert.Equal("built", report["gateway"].Status());
            var catalog = report["catalog"];
            Assert.Equal("failed", catalog.Status());
            // Go's first error line, its file relative to the monorepo, not buildx's "exit code: 1".
            Assert.Matches(@"^services/catalog/main\.go:\d+:\d+: undefined: undefinedThing$", catalog.Text("reason"));
            Assert.Contains("undefined: undefinedThing", catalog.Text("errorTail"));
            Assert.Equal(1, catalog.GetProperty("attempts").GetInt32());
            Assert.Contains("undefinedThing", await File.ReadAllTextAsync(Path.Combine(build.Root, catalog.Text("logFile")), Ct));
            Assert.Contains("1 of 2 services failed: catalog", result.StandardOutput + result.StandardError);
        }
        finally
        {
            await TestImages.RemoveAllOfAsync(engine, registry);
        }
    }

    [Fact]
    public async Task With_fail_fast_a_failure_stops_the_builds_still_running_and_marks_them_cancelled()
    {
        RealEngine.Require();
        using var build = new RealBuild();
        var monorepo = new MonorepoCopy(build);
        monorepo.Append("services/catalog/main.go", "\nfunc broken() { undefinedThing() }\n");
        monorepo.Write("services/gateway/Dockerfile", SlowDockerfile());

        var result = await build.RunAsync("BuildChanged", "--monorepo", monorepo.Path, "--only", "gateway,catalog",
            "--parallelism", "2", "--fail-fast", "--registry", UniqueRegistry());

        Assert.Equal(ExitCodes.TargetFailed, result.ExitCode);
        var report = BuildReportFile.Read(build);
        Assert.Equal("failed", report["catalog"].Status());
        Assert.Equal("cancelled", report["gateway"].Status());
        Assert.Equal("stopped by --fail-fast: catalog failed", report["gateway"].Text("reason"));
    }

    [Fact]
    public Task Ctrl_C_during_a_build_leaves_no_buildx_process_exits_130_and_the_report_marks_the_builds_cancelled() =>
        InterruptDuringGatewaysBuild(presses: 1, saying: "Cancelling");

    /// <summary>
    /// Issue 14 item 3: the second Ctrl-C exited at once, leaving buildx processes (some stopped) under init and no
    /// report. Sent back to back, as an impatient user presses them: the run must not exit before the tree is dead.
    /// </summary>
    [Fact]
    public Task A_second_Ctrl_C_during_a_build_kills_every_buildx_process_the_run_started_writes_the_report_and_exits_130() =>
        InterruptDuringGatewaysBuild(presses: 2, saying: "Cancelled again");

    /// <summary>
    /// Ctrl-C <paramref name="presses"/> times while gateway's slow step runs (catalog built before it, orders after):
    /// exit 130, no buildx process of the run left (the docker CLI and its plugin, running or stopped: the unique
    /// registry is in their tags), and the report and history line say what became of each service.
    /// </summary>
    async Task InterruptDuringGatewaysBuild(int presses, string saying)
    {
        var engine = RealEngine.Require();
        using var build = new RealBuild();
        var monorepo = new MonorepoCopy(build);
        monorepo.Write("services/gateway/Dockerfile", SlowDockerfile());
        var registry = UniqueRegistry();

        using var process = StartInterruptible(build, monorepo, registry);
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        try
        {
            await WaitForGatewaysSlowStep(build, registry, stdout);

            for (var i = 0; i < presses; i++)
                await Tool.Named("kill").RunAsync(["-INT", process.Id.ToString()], Ct);
            using var exited = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            exited.CancelAfter(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(exited.Token);

            Assert.Equal(ExitCodes.Cancelled, process.ExitCode);
            Assert.Contains(saying, await stderr);
            await WaitUntil(() => BuildxProcessesOf(registry).Count == 0, TimeSpan.FromSeconds(5),
                () => "buildx processes left: " + string.Join('\n', BuildxProcessesOf(registry)));
            var report = BuildReportFile.Read(build);
            Assert.Equal(("cancelled", "cancelled while building"), (report["gateway"].Status(), report["gateway"].Text("reason")));
            Assert.Equal("built", report["catalog"].Status());
            Assert.Equal(("cancelled", "cancelled before it started"), (report["orders"].Status(), report["orders"].Text("reason")));
            var history = await File.ReadAllLinesAsync(Path.Combine(build.Root, ".nuke", "temp", "reports", "history.jsonl"), Ct);
            Assert.Contains("cancelled", Assert.Single(history), StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            await TestImages.RemoveAllOfAsync(engine, registry);
        }
    }

    [Fact]
    public async Task After_editing_one_services_handler_only_it_rebuilds_the_others_are_skipped_and_its_dependency_layers_are_cached()
    {
        var engine = RealEngine.Require();
        using var build = new RealBuild();
        var monorepo = new MonorepoCopy(build);
        await monorepo.CommitAsync("initial");
        var registry = UniqueRegistry();
        try
        {
            var warm = await build.RunAsync("BuildChanged", "--monorepo", monorepo.Path, "--registry", registry);
            Assert.True(warm.ExitCode == 0, warm.StandardOutput);
            // A unique edit: BuildKit's cache outlives the test, and a repeated edit would be a cache hit.
            monorepo.Append("services/gateway/internal/routes/routes.go", $"\n// edited {Guid.NewGuid():N}\nfunc edited() {{}}\n");
            await monorepo.CommitAsync("edit gateway's handler");

            var result = await build.RunAsync("BuildChanged", "--monorepo", monorepo.Path, "--base", "HEAD~1", "--registry", registry);

            Assert.True(result.ExitCode == 0, result.StandardOutput);
            var report = BuildReportFile.Read(build);
            Assert.Equal("built", report["gateway"].Status());
            Assert.All(report.Where(s => s.Key != "gateway"), s => Assert.Equal("skipped", s.Value.Status()));
            var steps = report["gateway"].GetProperty("steps");
            // go.mod/go.sum copy and module download are reused; the source copy and compile run again.
            Assert.InRange(steps.GetProperty("cached").GetInt32(), 3, steps.GetProperty("total").GetInt32() - 2);
        }
        finally
        {
            await TestImages.RemoveAllOfAsync(engine, registry);
        }
    }

    /// <summary>
    /// BuildChanged of gateway (slow), catalog and orders one at a time, as a process that Ctrl-C reaches: a test run as a
    /// background job inherits SIGINT ignored, and .NET then never sees it, so env --default-signal=INT restores it.
    /// </summary>
    static Process StartInterruptible(RealBuild build, MonorepoCopy monorepo, string registry) =>
        Process.Start(new ProcessStartInfo("env",
            ["--default-signal=INT", .. RealBuild.Command(), "BuildChanged", "--monorepo", monorepo.Path, "--only", "gateway,catalog,orders",
             "--parallelism", "1", "--registry", registry, "--root", build.Root])
        {
            WorkingDirectory = build.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["CI"] = "true", ["GMB_ROOT"] = null },
        })!;

    static Task WaitForGatewaysSlowStep(RealBuild build, string registry, Task<string> stdout)
    {
        var gatewayLog = Path.Combine(build.Root, ".nuke", "temp", "logs", "gateway.log");
        return WaitUntil(() => BuildxProcessesOf(registry).Count > 0 && File.Exists(gatewayLog) && File.ReadAllText(gatewayLog).Contains("sleep"),
            TimeSpan.FromSeconds(120), () => $"no buildx build of gateway started:\n{Peek(stdout)}");
    }

    /// <summary>A Dockerfile of a service's own whose build runs for two minutes (unique, so never cached).</summary>
    static string SlowDockerfile() => $"""
        FROM {BuildxTestSettings.GoImage}
        RUN echo {Guid.NewGuid():N} && sleep 120
        """;

    /// <summary>buildx processes (the docker CLI and its plugin) building images of <paramref name="registry"/>.</summary>
    static IReadOnlyList<string> BuildxProcessesOf(string registry) =>
        Directory.EnumerateDirectories("/proc")
            .Where(d => int.TryParse(Path.GetFileName(d), out _))
            .Select(d => { try { return File.ReadAllText(Path.Combine(d, "cmdline")).Replace('\0', ' '); } catch (IOException) { return ""; } catch (UnauthorizedAccessException) { return ""; } })
            .Where(cmd => cmd.Contains("buildx", StringComparison.Ordinal) && cmd.Contains(registry + "/", StringComparison.Ordinal))
            .ToList();

    static async Task WaitUntil(Func<bool> condition, TimeSpan timeout, Func<string> why)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail(why());
            await Task.Delay(100, Ct);
        }
    }

    static string Peek(Task<string> output) => output.IsCompletedSuccessfully ? output.Result : "(still running)";
}
