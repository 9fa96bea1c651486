using GoMonorepoBuild.Files;
using System.Text;
using static GoMonorepoBuild.Reports.Svg;

namespace GoMonorepoBuild.Reports;

/// <summary>
/// build-report.html: one self-contained page (inline CSS and SVG, no scripts, nothing fetched: its Content-Security-
/// Policy forbids it) with a section per service: what happened, why, where the cache stopped helping, a chart of its
/// steps (cached vs run, with durations) and its trend across the history.
/// </summary>
public static class BuildReportHtml
{
    public const string DefaultRelativePath = ".nuke/temp/reports/build-report.html";

    /// <summary>
    /// The page for <paramref name="report"/>; <paramref name="history"/> (oldest first, see <see cref="BuildHistory.Read"/>)
    /// feeds the trends and should already hold this run (append before reading).
    /// </summary>
    public static string Render(BuildReport report, IReadOnlyList<HistoryEntry> history)
    {
        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>Build report</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n")
            .Append("<header>\n<h1>Build report</h1>\n<p class=\"summary\">")
            .Append(E($"Started {report.StartedAt:yyyy-MM-dd HH:mm:ss} UTC, took {BuildReportTable.Duration(report.DurationMs)}: " +
                      $"{report.Count(ServiceStatus.Built)} built, {report.Count(ServiceStatus.Skipped)} skipped, " +
                      $"{report.Count(ServiceStatus.Failed)} failed, {report.Count(ServiceStatus.Cancelled)} cancelled."))
            .Append(report.TimeSavedMs > 0 ? E($" The cache saved about {BuildReportTable.Duration(report.TimeSavedMs)}.") : "")
            .Append("</p>\n</header>\n<main>\n");
        foreach (var service in report.Services)
            html.Append(Section(service, history));
        return html.Append("</main>\n</body>\n</html>\n").ToString();
    }

    public static void Write(string path, BuildReport report, IReadOnlyList<HistoryEntry> history) =>
        AtomicFile.WriteAllText(path, Render(report, history));

    static string Section(ServiceReport s, IReadOnlyList<HistoryEntry> history)
    {
        var status = s.Status.ToString().ToLowerInvariant();
        var built = s.Status != ServiceStatus.Skipped && s.Steps.Total > 0;
        var html = new StringBuilder()
            .Append($"<section class=\"service {status}\" id=\"service-{E(s.Name)}\">\n")
            .Append($"<h2>{E(s.Name)} <span class=\"badge {status}\">{status}</span></h2>\n")
            .Append($"<p class=\"path\">{E(s.Path)}</p>\n")
            .Append($"<p class=\"reason\">{E(s.Reason)}</p>\n");
        if (s.AffectedBecause.Count > 0)
            html.Append("<ol class=\"chain\">")
                .Append(string.Concat(s.AffectedBecause.Select(link => $"<li>{E(link)}</li>")))
                .Append("</ol>\n");
        if (built)
        {
            html.Append("<dl class=\"figures\">")
                .Append(Figure("steps", s.Steps.Total.ToString()))
                .Append(Figure("cached", $"{s.Steps.Cached} ({BuildReportTable.Percent(s.Steps.HitRatio)})"))
                .Append(Figure("duration", BuildReportTable.Duration(s.DurationMs)))
                .Append(Figure("time saved", s.TimeSavedMs is { } saved ? BuildReportTable.Duration(saved) : "unknown"))
                .Append(s.ImageSizeBytes is { } size ? Figure("image", BuildReportTable.Size(size)) : "")
                .Append("</dl>\n");
            html.Append(s.FirstMissedStep is { } missed
                ? $"<p class=\"missed\"><strong>First missed step:</strong> <code>{E(missed.Name)}</code>: {E(missed.Reason)}</p>\n"
                : "<p class=\"missed\"><strong>Fully cached:</strong> no step ran.</p>\n");
        }
        if (s.Image is not null)
            html.Append($"<p class=\"image\"><code>{E(s.Image)}</code>{(s.Digest is null ? "" : $" <code class=\"digest\">{E(s.Digest)}</code>")}</p>\n");
        html.Append($"<figure class=\"chart\" data-service=\"{E(s.Name)}\">\n")
            .Append(built ? StepChartSvg.Render(s) : $"<p class=\"idle\">not built this run</p>")
            .Append('\n').Append(TrendChartSvg.Render(s.Name, history))
            .Append("\n</figure>\n");
        if (s.ErrorTail is { Length: > 0 } tail)
            html.Append($"<details open><summary>Error{(s.LogFile is null ? "" : $" (full log: {E(s.LogFile)})")}</summary><pre>{E(tail)}</pre></details>\n");
        else if (s.LogFile is not null)
            html.Append($"<p class=\"log\">Log: <code>{E(s.LogFile)}</code></p>\n");
        return html.Append("</section>\n").ToString();
    }

    static string Figure(string term, string value) => $"<div><dt>{E(term)}</dt><dd>{E(value)}</dd></div>";

    const string Style = """
        body { font: 14px/1.4 system-ui, sans-serif; margin: 0; background: #f6f7f9; color: #222; }
        header { background: #24292f; color: #fff; padding: 12px 24px; }
        header h1 { margin: 0; font-size: 20px; }
        main { padding: 12px 24px; }
        section.service { background: #fff; border: 1px solid #d0d7de; border-left: 6px solid #9aa4ae; border-radius: 6px; margin: 12px 0; padding: 8px 16px; }
        section.built { border-left-color: #2e9d57; }
        section.failed { border-left-color: #d64545; }
        section.cancelled { border-left-color: #d4a72c; }
        h2 { margin: 4px 0; font-size: 17px; }
        .badge { font-size: 12px; padding: 1px 8px; border-radius: 10px; background: #9aa4ae; color: #fff; vertical-align: middle; }
        .badge.built { background: #2e9d57; } .badge.failed { background: #d64545; } .badge.cancelled { background: #d4a72c; }
        .path, .image, .log { color: #57606a; margin: 2px 0; }
        .chain { margin: 4px 0; color: #57606a; }
        .figures { display: flex; flex-wrap: wrap; gap: 18px; margin: 6px 0; }
        .figures dt { font-size: 11px; text-transform: uppercase; color: #57606a; }
        .figures dd { margin: 0; font-weight: 600; }
        figure.chart { margin: 8px 0; }
        figure.chart svg { display: block; max-width: 100%; height: auto; font: 11px system-ui, sans-serif; }
        .idle { color: #9aa4ae; font-style: italic; }
        pre { background: #f6f8fa; padding: 8px; overflow-x: auto; }
        """;
}
