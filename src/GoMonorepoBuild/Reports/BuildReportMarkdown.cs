using GoMonorepoBuild.Files;
using System.Text;

namespace GoMonorepoBuild.Reports;

/// <summary>
/// The build report as GitHub-flavoured Markdown, for a CI job summary or a merge request. It starts with the totals
/// and a table of the services that failed, were cancelled or built (failed first); the skipped ones follow in a
/// collapsed block, grouped by reason so a reason is written once; then each failed service's log tail, collapsed.
/// It stays under <see cref="MaxBytes"/> at any size: log tails that would pass it are left out, and say so.
/// </summary>
public static class BuildReportMarkdown
{
    /// <summary>GitHub refuses a job summary over 1 MiB; this leaves room for what else the step appends.</summary>
    public const int MaxBytes = 900 * 1024;

    const int CellLength = 200, TailLines = 60, TailChars = 6000;

    /// <summary>Writes the Markdown report to <paramref name="path"/> atomically (a reader never sees half of it).</summary>
    public static void Write(string path, BuildReport report) => AtomicFile.WriteAllText(path, Render(report));

    public static string Render(BuildReport report)
    {
        var text = new StringBuilder("## Build report\n\n");
        if (report.Services.Count == 0)
            return text.Append("No service was affected: nothing to build.\n").ToString();

        var attempted = report.Services.Where(ReportOrder.Attempted).ToList();
        var cachedSteps = attempted.Sum(s => s.Steps.Cached);
        var totalSteps = attempted.Sum(s => s.Steps.Total);
        text.Append(report.Succeeded ? "✅ " : "❌ ")
            .Append($"**{report.Count(ServiceStatus.Failed)} failed, {report.Count(ServiceStatus.Built)} built**, ")
            .Append($"{report.Count(ServiceStatus.Cancelled)} cancelled, {report.Count(ServiceStatus.Skipped)} skipped ")
            .Append($"in {BuildReportTable.Duration(report.DurationMs)}")
            .Append(totalSteps == 0 ? "" : $"; {cachedSteps} of {totalSteps} steps cached ({BuildReportTable.Percent((double)cachedSteps / totalSteps)})")
            .Append(report.TimeSavedMs > 0 ? $"; the cache saved about {BuildReportTable.Duration(report.TimeSavedMs)}" : "")
            .Append(".\n\n");

        var shown = ReportOrder.Ordered(report).Where(s => s.Status != ServiceStatus.Skipped).ToList();
        if (shown.Count > 0)
        {
            text.Append("| Service | Status | Cached | Build time | Saved | Image size | First missed step / reason |\n")
                .Append("| --- | --- | ---: | ---: | ---: | ---: | --- |\n");
            foreach (var s in shown)
            {
                var ran = ReportOrder.Attempted(s);
                text.Append("| ").Append(Cell(s.Name))
                    .Append(" | ").Append(Status(s.Status))
                    .Append(" | ").Append(ran ? $"{s.Steps.Cached}/{s.Steps.Total} ({BuildReportTable.Percent(s.Steps.HitRatio)})" : "-")
                    .Append(" | ").Append(ran ? BuildReportTable.Duration(s.DurationMs) : "-")
                    .Append(" | ").Append(ran ? ReportOrder.Saved(s) : "-")
                    .Append(" | ").Append(s.ImageSizeBytes is { } size ? BuildReportTable.Size(size) : "-")
                    .Append(" | ").Append(Cell(Cause(s)))
                    .Append(" |\n");
            }
        }

        var skipped = report.Services.Where(s => s.Status == ServiceStatus.Skipped).ToList();
        if (skipped.Count > 0)
        {
            text.Append($"\n<details><summary>{skipped.Count} skipped service{(skipped.Count == 1 ? "" : "s")}</summary>\n\n");
            foreach (var reason in skipped.GroupBy(s => s.Reason))
                text.Append($"- {Html(reason.Key.Length == 0 ? "skipped" : reason.Key)} ({reason.Count()}): ")
                    .Append(string.Join(", ", reason.Select(s => $"`{s.Name.Replace("`", "'")}`")))
                    .Append('\n');
            text.Append("\n</details>\n");
        }

        var failed = report.Services.Where(s => s.Status == ServiceStatus.Failed && !string.IsNullOrWhiteSpace(s.ErrorTail)).ToList();
        var left = 0;
        var bytes = Encoding.UTF8.GetByteCount(text.ToString());
        for (var i = 0; i < failed.Count; i++)
        {
            var block = TailBlock(failed[i]);
            bytes += Encoding.UTF8.GetByteCount(block);
            if (bytes > MaxBytes - 512)
            {
                left = failed.Count - i;
                break;
            }
            text.Append(block);
        }
        if (left > 0)
            text.Append($"\n{left} more failed service log{(left == 1 ? "" : "s")} left out to keep this summary under GitHub's size limit: see build-report.html or the logs.\n");
        return text.ToString();
    }

    static string Cause(ServiceReport s) =>
        !ReportOrder.Attempted(s) ? s.Reason
        : s.FirstMissedStep is { } missed ? $"`{BuildReportTable.Shorten(missed.Name, 60).Replace("`", "'")}`: {BuildReportTable.Shorten(missed.Reason, CellLength)}"
        : s.Status == ServiceStatus.Built ? "fully cached"
        : s.Reason;

    static string TailBlock(ServiceReport s)
    {
        var lines = s.ErrorTail!.TrimEnd('\n').Split('\n');
        var tail = string.Join('\n', lines.TakeLast(TailLines));
        if (tail.Length > TailChars) tail = tail[^TailChars..];
        var fence = Fence(tail);
        return new StringBuilder("\n<details><summary>").Append(Html(s.Name)).Append(": the end of the build log")
            .Append(s.LogFile is null ? "" : $" (<code>{Html(s.LogFile)}</code>)").Append("</summary>\n\n")
            .Append(fence).Append("text\n").Append(tail).Append('\n').Append(fence).Append("\n\n</details>\n").ToString();
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
