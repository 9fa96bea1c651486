using Spectre.Console;
using Spectre.Console.Rendering;

namespace GoMonorepoBuild.Reports;

/// <summary>The console table of a build report: one row per service.</summary>
public static class BuildReportTable
{
    public static IRenderable Render(BuildReport report)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Service")
            .AddColumn("Status")
            .AddColumn(new TableColumn("Steps").RightAligned())
            .AddColumn(new TableColumn("Cached").RightAligned())
            .AddColumn(new TableColumn("Duration").RightAligned())
            .AddColumn(new TableColumn("Image size").RightAligned())
            .AddColumn("Reason");
        foreach (var s in report.Services)
        {
            table.AddRow(
                Markup.Escape(s.Name),
                StatusMarkup(s.Status),
                s.Status == ServiceStatus.Skipped ? "-" : s.Steps.Total.ToString(),
                s.Status == ServiceStatus.Skipped ? "-" : $"{s.Steps.Cached} ({s.Steps.HitRatio:P0})",
                s.Status == ServiceStatus.Skipped ? "-" : Duration(s.DurationMs),
                s.ImageSizeBytes is { } size ? Size(size) : "-",
                Markup.Escape(s.Reason));
        }
        table.Caption($"{report.Count(ServiceStatus.Built)} built, {report.Count(ServiceStatus.Skipped)} skipped, " +
                      $"{report.Count(ServiceStatus.Failed)} failed, {report.Count(ServiceStatus.Cancelled)} cancelled " +
                      $"in {Duration(report.DurationMs)}");
        return table;
    }

    static string StatusMarkup(ServiceStatus status) => status switch
    {
        ServiceStatus.Built => "[green]built[/]",
        ServiceStatus.Failed => "[red]failed[/]",
        ServiceStatus.Cancelled => "[yellow]cancelled[/]",
        _ => "[grey]skipped[/]",
    };

    public static string Duration(long ms) => ms < 1000 ? $"{ms} ms" : $"{ms / 1000.0:0.0} s";

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:0.0} KiB",
        _ => $"{bytes / (1024.0 * 1024):0.0} MiB",
    };
}
