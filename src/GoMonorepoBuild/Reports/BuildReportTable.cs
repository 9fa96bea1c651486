using Spectre.Console;
using Spectre.Console.Rendering;

namespace GoMonorepoBuild.Reports;

/// <summary>The console table of a build report: one row per service.</summary>
public static class BuildReportTable
{
    const int StepNameWidth = 60;

    /// <summary>
    /// The table (kept narrow enough for an 80-column CI log: figures never wrap, only the reason does), then a line
    /// per service whose cache stopped helping: the first missed step and what changed.
    /// </summary>
    public static IRenderable Render(BuildReport report)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("Service").NoWrap())
            .AddColumn(new TableColumn("Status").NoWrap())
            .AddColumn(new TableColumn("Cached").RightAligned().NoWrap())
            .AddColumn(new TableColumn("Time").RightAligned().NoWrap())
            .AddColumn(new TableColumn("Saved").RightAligned().NoWrap())
            .AddColumn(new TableColumn("Image").RightAligned().NoWrap())
            .AddColumn("Reason");
        foreach (var s in report.Services)
        {
            var skipped = s.Status == ServiceStatus.Skipped;
            table.AddRow(
                Markup.Escape(s.Name),
                StatusMarkup(s.Status),
                skipped ? "-" : $"{s.Steps.Cached}/{s.Steps.Total} {Percent(s.Steps.HitRatio)}",
                skipped ? "-" : Duration(s.DurationMs),
                skipped ? "-" : s.TimeSavedMs is { } saved ? Duration(saved) : "?",
                s.ImageSizeBytes is { } size ? Size(size) : "-",
                Markup.Escape(s.Reason));
        }
        table.Caption($"{report.Count(ServiceStatus.Built)} built, {report.Count(ServiceStatus.Skipped)} skipped, " +
                      $"{report.Count(ServiceStatus.Failed)} failed, {report.Count(ServiceStatus.Cancelled)} cancelled " +
                      $"in {Duration(report.DurationMs)}" +
                      (report.TimeSavedMs > 0 ? $"; the cache saved about {Duration(report.TimeSavedMs)}" : ""));

        var misses = report.Services
            .Where(s => s.Status != ServiceStatus.Skipped && s.FirstMissedStep is not null)
            .Select(s => new Markup(FirstMiss(s, s.FirstMissedStep!)))
            .ToList<IRenderable>();
        return misses.Count == 0 ? table : new Rows([table, new Markup("[bold]First missed steps[/]"), .. misses]);
    }

    static string FirstMiss(ServiceReport s, MissedStep missed) =>
        $"  {Markup.Escape(s.Name)}: {Markup.Escape(Shorten(missed.Name, StepNameWidth))}\n    [grey]{Markup.Escape(missed.Reason)}[/]";

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
    public static string Percent(double ratio) =>
        ((int)Math.Round(ratio * 100, MidpointRounding.AwayFromZero)).ToString(System.Globalization.CultureInfo.InvariantCulture) + "%";

    public static string Duration(long ms) => ms < 1000 ? $"{ms} ms" : $"{ms / 1000.0:0.0} s";

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:0.0} KiB",
        _ => $"{bytes / (1024.0 * 1024):0.0} MiB",
    };
}
