using System.Globalization;
using System.Text;

namespace GoMonorepoBuild.Reports;

/// <summary>
/// The build report as GitHub-flavoured Markdown, for a CI job summary or a merge request: a totals line, a table
/// with a row per service, then the error tail of each failed service in a collapsed block.
/// </summary>
public static class BuildReportMarkdown
{
    public static string Render(BuildReport report)
    {
        var text = new StringBuilder("## Build report\n\n");
        if (report.Services.Count == 0)
            return text.Append("No service was affected: nothing to build.\n").ToString();

        var cachedSteps = report.Services.Sum(s => s.Steps.Cached);
        var totalSteps = report.Services.Sum(s => s.Steps.Total);
        text.Append(report.Succeeded ? "✅ " : "❌ ")
            .Append($"**{report.Count(ServiceStatus.Built)} built, {report.Count(ServiceStatus.Failed)} failed, ")
            .Append($"{report.Count(ServiceStatus.Cancelled)} cancelled, {report.Count(ServiceStatus.Skipped)} skipped** ")
            .Append($"in {BuildReportTable.Duration(report.DurationMs)}; {cachedSteps} of {totalSteps} steps cached.\n\n");

        text.Append("| Service | Status | Steps | Cached | Duration | Image size | Reason |\n")
            .Append("| --- | --- | ---: | ---: | ---: | ---: | --- |\n");
        foreach (var s in report.Services)
        {
            var ran = s.Status != ServiceStatus.Skipped;
            text.Append("| ").Append(Cell(s.Name))
                .Append(" | ").Append(Status(s.Status))
                .Append(" | ").Append(ran ? s.Steps.Total.ToString(CultureInfo.InvariantCulture) : "-")
                .Append(" | ").Append(ran ? $"{s.Steps.Cached} ({BuildReportTable.Percent(s.Steps.HitRatio)})" : "-")
                .Append(" | ").Append(ran ? BuildReportTable.Duration(s.DurationMs) : "-")
                .Append(" | ").Append(s.ImageSizeBytes is { } size ? BuildReportTable.Size(size) : "-")
                .Append(" | ").Append(Cell(s.Reason))
                .Append(" |\n");
        }

        foreach (var failed in report.Services.Where(s => s.Status == ServiceStatus.Failed && !string.IsNullOrWhiteSpace(s.ErrorTail)))
        {
            var fence = Fence(failed.ErrorTail!);
            text.Append("\n<details><summary>").Append(Html(failed.Name)).Append(": the end of the build log")
                .Append(failed.LogFile is null ? "" : $" (<code>{Html(failed.LogFile)}</code>)").Append("</summary>\n\n")
                .Append(fence).Append("text\n").Append(failed.ErrorTail!.TrimEnd('\n')).Append('\n').Append(fence).Append("\n\n</details>\n");
        }
        return text.ToString();
    }

    static string Status(ServiceStatus status) => status switch
    {
        ServiceStatus.Built => "✅ built",
        ServiceStatus.Failed => "❌ failed",
        ServiceStatus.Cancelled => "⚠️ cancelled",
        _ => "⏭️ skipped",
    };


    // A table cell is one line, and a '|' would end it.
    static string Cell(string text) => Html(text).Replace("|", "\\|").Replace("\r", "").Replace("\n", "<br>");

    static string Html(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    // Longer than any run of backticks in the text, so the log cannot close the code block early.
    static string Fence(string body)
    {
        int longest = 0, run = 0;
        foreach (var c in body)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        return new string('`', Math.Max(3, longest + 1));
    }
}
