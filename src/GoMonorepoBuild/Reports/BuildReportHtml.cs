using GoMonorepoBuild.Files;
using System.Text;
using static GoMonorepoBuild.Reports.Svg;

namespace GoMonorepoBuild.Reports;

/// <summary>
/// build-report.html: one self-contained page (inline CSS, SVG and one inline script; its Content-Security-Policy
/// lets nothing be fetched and no other code run). Overview first: the totals and the fleet's trend, then a table
/// with a row per service (failed first, skipped collapsed) that can be filtered and sorted; below it each service's
/// details with its step chart and trend.
/// </summary>
public static class BuildReportHtml
{
    public const string DefaultRelativePath = ".nuke/temp/reports/build-report.html";

    /// <summary>With more services attempted than this, only failed ones start expanded (the page stays short and fast).</summary>
    const int OpenAllUpTo = 8;

    /// <summary>
    /// The page for <paramref name="report"/>; <paramref name="history"/> (oldest first, see <see cref="BuildHistory.Read"/>)
    /// feeds the trends and should already hold this run (append before reading).
    /// </summary>
    public static string Render(BuildReport report, IReadOnlyList<HistoryEntry> history) => Page(report, history).ToString();

    /// <summary>
    /// Writes the page (see <see cref="Render"/>) as UTF-8 from its builder's chunks: the page of a hundred services is
    /// ~0.25 MB, whose one string only fed the file (issue 19 goal 2).
    /// </summary>
    public static void Write(string path, BuildReport report, IReadOnlyList<HistoryEntry> history)
    {
        var page = Page(report, history);
        AtomicFile.Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16, leaveOpen: true);
            foreach (var chunk in page.GetChunks()) writer.Write(chunk.Span);
        });
    }

    static StringBuilder Page(BuildReport report, IReadOnlyList<HistoryEntry> history)
    {
        var fleet = FleetTrendSvg.Render(history);
        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append($"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src {ReportPageScript.Hash}\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"color-scheme\" content=\"light dark\">\n")
            .Append("<title>").Append(E(Title(report))).Append("</title>\n<style>").Append(ReportPageStyle.Css).Append("</style>\n</head>\n<body>\n")
            .Append(Definitions).Append('\n')
            .Append("<header>\n<h1>").Append(E(Title(report))).Append("</h1>\n<p>")
            .Append(E($"Started {report.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC" +
                      (report.Commit is { Length: > 0 } c ? $" at commit {c[..Math.Min(12, c.Length)]}" : "") +
                      $", took {BuildReportTable.Duration(report.DurationMs)}."))
            .Append("</p>\n</header>\n<main>\n<div class=\"top\">\n")
            .Append(OverviewHtml.Totals(report)).Append('\n')
            .Append(fleet is null ? "" : $"<figure class=\"fleet\">{fleet}</figure>\n")
            .Append("</div>\n<h2>Services</h2>\n")
            .Append(OverviewHtml.Render(report))
            .Append("<h2>Details</h2>\n");
        var openAll = report.Services.Count(ReportOrder.Attempted) <= OpenAllUpTo;
        var skipped = new StringBuilder();
        foreach (var s in ReportOrder.Ordered(report))
        {
            var details = ServiceDetailsHtml.Render(s, history, open: s.Status == ServiceStatus.Failed || (openAll && s.Status != ServiceStatus.Skipped));
            (s.Status == ServiceStatus.Skipped ? skipped : html).Append(details);
        }
        if (skipped.Length > 0)
            html.Append($"<details class=\"skipped-details\"><summary>{report.Count(ServiceStatus.Skipped)} skipped services</summary>\n")
                .Append(skipped).Append("</details>\n");
        return html.Append("</main>\n<script>").Append(ReportPageScript.Source).Append("</script>\n</body>\n</html>\n");
    }

    /// <summary>"Build report: 1 failed, 2 built" — what a tab title or a list of files should say first.</summary>
    static string Title(BuildReport report)
    {
        var parts = ReportOrder.Groups.Where(g => g != ServiceStatus.Skipped && report.Count(g) > 0)
            .Select(g => $"{report.Count(g)} {ReportOrder.Word(g)}").ToList();
        return "Build report: " + (parts.Count == 0 ? "nothing built" : string.Join(", ", parts));
    }
}
