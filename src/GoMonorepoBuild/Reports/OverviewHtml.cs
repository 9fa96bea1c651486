using System.Globalization;
using System.Text;
using static GoMonorepoBuild.Reports.Svg;

namespace GoMonorepoBuild.Reports;

/// <summary>
/// The overview table: one compact row per service (failed, cancelled, built, then skipped ones collapsed), with
/// the steps cached, a bar of cached vs run time per step kind, times, the first missed step and its cause, and the
/// image size. Cells carry their raw value (data-value) for sorting.
/// </summary>
static class OverviewHtml
{
    const int CauseLength = 220;

    public static string Render(BuildReport report)
    {
        var html = new StringBuilder()
            .Append("<div class=\"controls\">")
            .Append("<label>Filter <input type=\"search\" id=\"filter\" placeholder=\"service, path or reason\" autocomplete=\"off\"></label>")
            .Append("<label>Status <select id=\"status-filter\"><option value=\"\">all</option>")
            .Append(string.Concat(ReportOrder.Groups.Select(g => $"<option value=\"{ReportOrder.Word(g)}\">{ReportOrder.Word(g)} ({report.Count(g)})</option>")))
            .Append("</select></label><span id=\"shown\" aria-live=\"polite\"></span></div>\n")
            .Append("<table id=\"overview\">\n<colgroup><col class=\"c-service\"><col class=\"c-status\"><col class=\"c-cached\"><col class=\"c-bar\">")
            .Append("<col class=\"c-time\"><col class=\"c-saved\"><col class=\"c-missed\"><col class=\"c-image\"></colgroup>\n<thead><tr>")
            .Append(Header("Service", "text")).Append(Header("Status", "number"))
            .Append(Header("Steps cached", "number")).Append("<th class=\"bar\">Cached vs run, by step kind</th>")
            .Append(Header("Build time", "number")).Append(Header("Saved", "number", "saved"))
            .Append("<th>First missed step and cause / reason</th>").Append(Header("Image", "number"))
            .Append("</tr></thead>\n");
        foreach (var group in ReportOrder.Groups)
        {
            var rows = report.Services.Where(s => s.Status == group).ToList();
            if (rows.Count == 0) continue;
            if (group == ServiceStatus.Skipped)
                html.Append("<tbody class=\"toggle\"><tr><td colspan=\"8\"><label><input type=\"checkbox\" id=\"show-skipped\"> ")
                    .Append(E($"Show the {rows.Count} skipped service{(rows.Count == 1 ? "" : "s")} (not affected: nothing to build)"))
                    .Append("</label></td></tr></tbody>\n");
            html.Append($"<tbody class=\"{ReportOrder.Word(group)}\">\n");
            foreach (var s in rows) html.Append(Row(s));
            html.Append("</tbody>\n");
        }
        return html.Append("</table>\n").ToString();
    }

    static string Header(string text, string sort, string? @class = null) =>
        $"<th{(@class is null ? "" : $" class=\"{@class}\"")} data-sort=\"{sort}\"><button type=\"button\">{E(text)}</button></th>";

    static string Row(ServiceReport s)
    {
        var status = ReportOrder.Word(s.Status);
        var attempted = ReportOrder.Attempted(s);
        var search = $"{s.Name} {s.Path} {s.Reason} {s.FirstMissedStep?.Name}".ToLowerInvariant();
        var row = new StringBuilder()
            .Append($"<tr class=\"{status}\" data-service=\"{E(s.Name)}\" data-status=\"{status}\" data-search=\"{E(search)}\">")
            .Append($"<td data-value=\"{E(s.Name)}\"><a href=\"#service-{E(s.Name)}\">{E(s.Name)}</a></td>")
            .Append($"<td data-value=\"{Array.IndexOf(ReportOrder.Groups, s.Status)}\"><span class=\"status {status}\">{E(ReportOrder.Label(s.Status))}</span></td>");
        if (attempted)
            row.Append($"<td class=\"num\" data-value=\"{N(s.Steps.HitRatio)}\">{s.Steps.Cached}/{s.Steps.Total} ({BuildReportTable.Percent(s.Steps.HitRatio)})</td>")
                .Append($"<td class=\"bar\">{KindBarSvg.Render(s)}</td>")
                .Append($"<td class=\"num\" data-value=\"{s.DurationMs}\">{BuildReportTable.Duration(s.DurationMs)}</td>")
                .Append($"<td class=\"num saved\" data-value=\"{s.TimeSavedMs ?? -1}\"{(s.TimeSavedMs is null ? $" title=\"{E(ReportOrder.NotMeasuredWhy)}\"" : "")}>{E(ReportOrder.Saved(s))}</td>");
        else
            row.Append("<td class=\"num\" data-value=\"-1\">–</td><td class=\"bar\"></td><td class=\"num\" data-value=\"-1\">–</td><td class=\"num saved\" data-value=\"-1\">–</td>");
        row.Append("<td class=\"missed\">").Append(Missed(s)).Append("</td>")
            .Append($"<td class=\"num\" data-value=\"{s.ImageSizeBytes ?? -1}\">{(s.ImageSizeBytes is { } size ? BuildReportTable.Size(size) : "–")}</td>")
            .Append("</tr>\n");
        return row.ToString();
    }

    static string Missed(ServiceReport s)
    {
        if (s.Status == ServiceStatus.Skipped || !ReportOrder.Attempted(s))
            return $"<span class=\"reason\">{E(s.Reason)}</span>";
        if (s.FirstMissedStep is not { } missed)
            return "<span class=\"reason\">fully cached: no step ran</span>";
        return $"<code title=\"{E(missed.Name)}\">{E(BuildReportTable.Shorten(missed.Name, 70))}</code><br>" +
               $"<span class=\"reason\" title=\"{E(missed.Reason)}\">{E(BuildReportTable.Shorten(missed.Reason, CauseLength))}</span>";
    }

    /// <summary>The totals at the top of the page.</summary>
    public static string Totals(BuildReport report)
    {
        var attempted = report.Services.Where(ReportOrder.Attempted).ToList();
        var cached = attempted.Sum(s => s.Steps.Cached);
        var total = attempted.Sum(s => s.Steps.Total);
        string Figure(string term, string value, string? @class = null) =>
            $"<div{(@class is null ? "" : $" class=\"{@class}\"")}><dt>{E(term)}</dt><dd>{E(value)}</dd></div>";
        return new StringBuilder("<dl class=\"totals\">")
            .Append(Figure("failed", report.Count(ServiceStatus.Failed).ToString(CultureInfo.InvariantCulture), report.Count(ServiceStatus.Failed) > 0 ? "failed" : null))
            .Append(Figure("built", report.Count(ServiceStatus.Built).ToString(CultureInfo.InvariantCulture)))
            .Append(Figure("cancelled", report.Count(ServiceStatus.Cancelled).ToString(CultureInfo.InvariantCulture)))
            .Append(Figure("skipped", report.Count(ServiceStatus.Skipped).ToString(CultureInfo.InvariantCulture)))
            .Append(Figure("steps cached", total == 0 ? "–" : $"{cached}/{total} ({BuildReportTable.Percent((double)cached / total)})"))
            .Append(Figure("time spent", BuildReportTable.Duration(report.DurationMs)))
            .Append(Figure("time saved", report.TimeSavedMs > 0 ? $"≈ {BuildReportTable.Duration(report.TimeSavedMs)}" : "–"))
            .Append(Figure("services", report.Services.Count.ToString(CultureInfo.InvariantCulture)))
            .Append("</dl>").ToString();
    }
}
