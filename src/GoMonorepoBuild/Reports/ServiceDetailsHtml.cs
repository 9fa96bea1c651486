using System.Text;
using static GoMonorepoBuild.Reports.Svg;

namespace GoMonorepoBuild.Reports;

/// <summary>
/// A service's details below the overview, as a collapsible block (open when it failed, or when the run built few
/// services): why, the figures, where the cache stopped helping, the step chart and its trend across the history.
/// </summary>
static class ServiceDetailsHtml
{
    public static string Render(ServiceReport s, IReadOnlyList<HistoryEntry> history, bool open)
    {
        var status = ReportOrder.Word(s.Status);
        var attempted = ReportOrder.Attempted(s);
        var html = new StringBuilder()
            .Append($"<details class=\"service {status}\" id=\"service-{E(s.Name)}\"{(open ? " open" : "")}>\n")
            .Append($"<summary>{E(s.Name)} · <span class=\"status {status}\">{E(ReportOrder.Label(s.Status))}</span></summary>\n")
            .Append($"<p class=\"muted\">{E(s.Path)}</p>\n")
            .Append($"<p class=\"reason\">{E(s.Reason)}</p>\n");
        if (s.AffectedBecause.Count > 0)
            html.Append("<ol class=\"chain\">")
                .Append(string.Concat(s.AffectedBecause.Select(link => $"<li>{E(link)}</li>")))
                .Append("</ol>\n");
        if (attempted)
        {
            html.Append("<dl class=\"figures\">")
                .Append(Figure("steps", s.Steps.Total.ToString()))
                .Append(Figure("cached", $"{s.Steps.Cached} ({BuildReportTable.Percent(s.Steps.HitRatio)})"))
                .Append(Figure("build time", BuildReportTable.Duration(s.DurationMs)))
                .Append(Figure("time saved", ReportOrder.Saved(s), s.TimeSavedMs is null ? ReportOrder.NotMeasuredWhy : null))
                .Append(s.ImageSizeBytes is { } size ? Figure("image", BuildReportTable.Size(size)) : "")
                .Append(s.Attempts > 1 ? Figure("attempts", s.Attempts.ToString()) : "")
                .Append("</dl>\n");
            if (s.TimeSavedMs is null)
                html.Append($"<p class=\"muted\">Time saved is not measured: {E(ReportOrder.NotMeasuredWhy)}.</p>\n");
            html.Append(s.FirstMissedStep is { } missed
                ? $"<p class=\"missed\"><strong>First missed step:</strong> <code>{E(missed.Name)}</code>: {E(missed.Reason)}</p>\n"
                : "<p class=\"missed\"><strong>Fully cached:</strong> no step ran.</p>\n");
        }
        if (s.Image is not null)
            html.Append($"<p class=\"muted\"><code>{E(s.Image)}</code>{(s.Digest is null ? "" : $" <code class=\"digest\">{E(s.Digest)}</code>")}</p>\n");
        var trend = TrendChartSvg.Render(s.Name, history);
        if (attempted || trend is not null)
        {
            html.Append($"<figure class=\"chart\" data-service=\"{E(s.Name)}\">\n");
            if (attempted) html.Append(StepChartSvg.Render(s)).Append('\n');
            html.Append(trend ?? "<p class=\"muted\">No build of this service in the history yet: its trend starts with its next build.</p>")
                .Append("\n</figure>\n");
        }
        else
            html.Append("<p class=\"muted\">Not built this run, and no build of it in the history: no charts.</p>\n");
        if (s.ErrorTail is { Length: > 0 } tail)
            html.Append($"<details open><summary>Error{(s.LogFile is null ? "" : $" (full log: {E(s.LogFile)})")}</summary><pre>{E(tail)}</pre></details>\n");
        else if (s.LogFile is not null)
            html.Append($"<p class=\"muted\">Log: <code>{E(s.LogFile)}</code></p>\n");
        return html.Append("</details>\n").ToString();
    }

    static string Figure(string term, string value, string? title = null) =>
        $"<div><dt>{E(term)}</dt><dd{(title is null ? "" : $" title=\"{E(title)}\"")}>{E(value)}</dd></div>";
}
