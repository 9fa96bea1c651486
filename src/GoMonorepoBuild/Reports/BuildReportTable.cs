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
        string[] headers = ["Service", "Status", "Cached", "Time", "Saved", "Image", "Reason"];
        bool[] rightAligned = [false, false, true, true, true, true, false];
        var table = new Table().Border(TableBorder.Rounded);
        for (var i = 0; i < headers.Length; i++)
        {
            var column = new TableColumn(headers[i]);
            // Figures never wrap; only the reason (the last column) does.
            if (i < headers.Length - 1) column.NoWrap();
            table.AddColumn(rightAligned[i] ? column.RightAligned() : column);
        }
        var rows = new List<string[]>(report.Services.Count);
        foreach (var s in report.Services)
        {
            var skipped = s.Status == ServiceStatus.Skipped;
            string[] cells =
            [
                s.Name,
                StatusText(s.Status),
                skipped ? "-" : $"{s.Steps.Cached}/{s.Steps.Total} {Percent(s.Steps.HitRatio)}",
                skipped ? "-" : Duration(s.DurationMs),
                skipped ? "-" : s.TimeSavedMs is { } saved ? Duration(saved) : "?",
                s.ImageSizeBytes is { } size ? Size(size) : "-",
                s.Reason,
            ];
            rows.Add(cells);
            table.AddRow(Markup.Escape(cells[0]), StatusMarkup(s.Status), cells[2], cells[3], cells[4], cells[5], Markup.Escape(cells[6]));
        }
        var caption = $"{report.Count(ServiceStatus.Built)} built, {report.Count(ServiceStatus.Skipped)} skipped, " +
                      $"{report.Count(ServiceStatus.Failed)} failed, {report.Count(ServiceStatus.Cancelled)} cancelled " +
                      $"in {Duration(report.DurationMs)}" +
                      (report.TimeSavedMs > 0 ? $"; the cache saved about {Duration(report.TimeSavedMs)}" : "");
        table.Caption(caption);
        var text = new PlainTableText(table, headers, rightAligned, rows, caption);

        var misses = report.Services
            .Where(s => s.Status != ServiceStatus.Skipped && s.FirstMissedStep is not null)
            .Select(s => new Markup(FirstMiss(s, s.FirstMissedStep!)))
            .ToList<IRenderable>();
        return misses.Count == 0 ? text : new Rows([text, new Markup("[bold]First missed steps[/]"), .. misses]);
    }

    static string FirstMiss(ServiceReport s, MissedStep missed) =>
        $"  {Markup.Escape(s.Name)}: {Markup.Escape(Shorten(missed.Name, StepNameWidth))}\n    [grey]{Markup.Escape(missed.Reason)}[/]";

    static string StatusText(ServiceStatus status) => status switch
    {
        ServiceStatus.Built => "built",
        ServiceStatus.Failed => "failed",
        ServiceStatus.Cancelled => "cancelled",
        _ => "skipped",
    };

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
