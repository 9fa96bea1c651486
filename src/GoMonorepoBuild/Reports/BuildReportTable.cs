using Spectre.Console;
using Spectre.Console.Rendering;

namespace GoMonorepoBuild.Reports;

/// <summary>The console table of a build report: one row per service.</summary>
public static class BuildReportTable
{
    const int StepNameWidth = 36;

    public static IRenderable Render(BuildReport report)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Service")
            .AddColumn("Status")
            .AddColumn(new TableColumn("Steps").RightAligned())
            .AddColumn(new TableColumn("Cached").RightAligned())
            .AddColumn(new TableColumn("Duration").RightAligned())
            .AddColumn(new TableColumn("Saved").RightAligned())
            .AddColumn(new TableColumn("Image size").RightAligned())
            .AddColumn("First missed step")
            .AddColumn("Reason");
        foreach (var s in report.Services)
        {
            var skipped = s.Status == ServiceStatus.Skipped;
            table.AddRow(
                Markup.Escape(s.Name),
                StatusMarkup(s.Status),
                skipped ? "-" : s.Steps.Total.ToString(),
                skipped ? "-" : $"{s.Steps.Cached} ({BuildReportTable.Percent(s.Steps.HitRatio)})",
                skipped ? "-" : Duration(s.DurationMs),
                skipped || s.TimeSavedMs is not { } saved ? "-" : Duration(saved),
                s.ImageSizeBytes is { } size ? Size(size) : "-",
                skipped ? "-" : FirstMiss(s),
                Markup.Escape(s.Reason));
        }
        table.Caption($"{report.Count(ServiceStatus.Built)} built, {report.Count(ServiceStatus.Skipped)} skipped, " +
                      $"{report.Count(ServiceStatus.Failed)} failed, {report.Count(ServiceStatus.Cancelled)} cancelled " +
                      $"in {Duration(report.DurationMs)}" +
                      (report.TimeSavedMs > 0 ? $"; the cache saved about {Duration(report.TimeSavedMs)}" : ""));
        return table;
    }

    static string FirstMiss(ServiceReport s)
    {
        if (s.FirstMissedStep is not { } missed)
            return s.Steps.Total > 0 && s.Steps.Run == 0 ? "[green]none: fully cached[/]" : "-";
        var why = missed.ChangedInputs is { IsEmpty: false } changes ? changes.Describe(max: 2) : missed.Reason;
        return $"{Markup.Escape(Shorten(missed.Name, StepNameWidth))}\n[grey]{Markup.Escape(Shorten(why, StepNameWidth * 2))}[/]";
    }

    static string StatusMarkup(ServiceStatus status) => status switch
    {
        ServiceStatus.Built => "[green]built[/]",
        ServiceStatus.Failed => "[red]failed[/]",
        ServiceStatus.Cancelled => "[yellow]cancelled[/]",
        _ => "[grey]skipped[/]",
    };

    /// <summary>The text, cut to <paramref name="width"/> characters with an ellipsis (step names carry whole commands).</summary>
    public static string Shorten(string text, int width) =>
        text.Length <= width ? text : text[..(width - 1)].TrimEnd() + "…";

    /// <summary>"83%": invariant, no space (the invariant "P0" format puts one before the sign).</summary>
    public static string Percent(double ratio) => $"{ratio * 100:0}%";

    public static string Duration(long ms) => ms < 1000 ? $"{ms} ms" : $"{ms / 1000.0:0.0} s";

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:0.0} KiB",
        _ => $"{bytes / (1024.0 * 1024):0.0} MiB",
    };
}
