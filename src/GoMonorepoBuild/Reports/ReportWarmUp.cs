using Spectre.Console;

namespace GoMonorepoBuild.Reports;

/// <summary>
/// Pays the report's first-use cost (type loading and JIT of the serializer, the HTML and Markdown pages and
/// Spectre.Console's table layout) on the pool while the run decides, which mostly waits on git and the engine. A run
/// that builds nothing otherwise paid it after its decisions, ~0.15 s of a 0.7 s no-change run (issue 19 goal 2).
/// Renders a made-up report into strings it throws away: it writes no file and no output. (Reading JSON is warmed by
/// the previous report's read.)
/// </summary>
internal static class ReportWarmUp
{
    public static Task Start() => Task.Run(() =>
    {
        try
        {
            Run();
        }
        catch (Exception)
        {
            // Only a head start: the real report is written the same either way, and reports its own errors.
        }
    });

    /// <summary>The warm-up itself; throws what a renderer throws (<see cref="Start"/> swallows it).</summary>
    internal static void Run()
    {
        var report = new BuildReport(
        [
            new ServiceReport("warm", "services/warm", ServiceStatus.Built)
            {
                Reason = "warm-up", Steps = new StepCounts(4, 3), DurationMs = 1000, ImageSizeBytes = 1 << 20, Tags = ["warm:latest"],
                AffectedBecause = ["libs/warm"], TimeSavedMs = 500, Attempts = 1, InputHash = "0",
            },
            new ServiceReport("cold", "services/cold", ServiceStatus.Skipped) { Reason = "warm-up" },
        ]) { StartedAt = DateTimeOffset.UnixEpoch, DurationMs = 1000, Commit = "0" };
        BuildReportJson.Serialize(report);
        var history = BuildHistory.Parse([BuildHistory.Serialize(HistoryEntry.From(report)), BuildHistory.Serialize(HistoryEntry.From(report))]);
        BuildReportHtml.Render(report, history);
        BuildReportMarkdown.Render(report);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(TextWriter.Null),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 200;
        console.Write(BuildReportTable.Render(report));
    }
}
