using Spectre.Console;

namespace GoMonorepoBuild.Targets;

/// <summary>The table printed when the build ends: each planned target's status and duration, and the total.</summary>
internal static class SummaryTable
{
    public static void Write(IReadOnlyList<TargetResult> results, TextWriter writer, bool plain)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = plain ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = plain ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = InteractionSupport.No,
        });
        if (plain) console.Profile.Width = 120;

        var table = new Table().Border(plain ? TableBorder.Ascii : TableBorder.Rounded)
            .AddColumn("Target").AddColumn("Status").AddColumn(new TableColumn("Duration").RightAligned()).AddColumn("Note");
        foreach (var result in results)
            table.AddRow(
                new Text(result.Name),
                new Text(result.Status.ToString(), StatusStyle(result.Status)),
                new Text(result.Status is TargetStatus.Skipped or TargetStatus.NotRun ? "" : Format(result.Duration)),
                new Text(result.Note ?? ""));
        var total = TimeSpan.FromTicks(results.Sum(r => r.Duration.Ticks));
        table.AddRow(new Text("Total"), new Text(Outcome(results), StatusStyle(OutcomeStatus(results))), new Text(Format(total)), new Text(""));
        console.Write(table);
    }

    static string Outcome(IReadOnlyList<TargetResult> results) => BuildExecutor.ExitCode(results) switch
    {
        ExitCodes.Success => "Build succeeded",
        ExitCodes.Cancelled => "Build cancelled",
        _ => "Build failed",
    };

    static TargetStatus OutcomeStatus(IReadOnlyList<TargetResult> results) => BuildExecutor.ExitCode(results) switch
    {
        ExitCodes.Success => TargetStatus.Succeeded,
        ExitCodes.Cancelled => TargetStatus.Aborted,
        _ => TargetStatus.Failed,
    };

    static Style StatusStyle(TargetStatus status) => status switch
    {
        TargetStatus.Succeeded or TargetStatus.Collective => new Style(Color.Green),
        TargetStatus.Failed or TargetStatus.Aborted => new Style(Color.Red),
        TargetStatus.NotRun => new Style(Color.Yellow),
        _ => new Style(Color.Grey),
    };

    static string Format(TimeSpan duration) =>
        duration.TotalMinutes >= 1 ? $"{(int)duration.TotalMinutes}:{duration.Seconds:00}" : $"{duration.TotalSeconds:0.0}s";
}
