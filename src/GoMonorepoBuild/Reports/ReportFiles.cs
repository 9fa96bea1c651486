namespace GoMonorepoBuild.Reports;

/// <summary>
/// Where a run's reports go under the build's root, and writing them all at the end of a run: the JSON (plus an extra
/// copy where --report asks), one line appended to the history, and the HTML page with the history's trends.
/// </summary>
public sealed record ReportFiles(string Json, string History, string Html)
{
    /// <summary>How many runs of the history the HTML trends show.</summary>
    public const int TrendRuns = 30;

    public static ReportFiles Under(string rootDirectory) => new(
        Path.Combine(rootDirectory, BuildReportJson.DefaultRelativePath),
        Path.Combine(rootDirectory, BuildHistory.DefaultRelativePath),
        Path.Combine(rootDirectory, BuildReportHtml.DefaultRelativePath));

    /// <summary>The previous run's report (read it before <see cref="Write(BuildReport, string?)"/> replaces it); see <see cref="BuildReportJson.TryRead"/>.</summary>
    public BuildReport? ReadPrevious(out string? problem) => BuildReportJson.TryRead(Json, out problem);

    /// <summary>Writes every report of <paramref name="report"/>; returns the files written.</summary>
    public IReadOnlyList<string> Write(BuildReport report, string? extraJsonCopy = null)
    {
        BuildReportJson.Write(report, Json);
        if (extraJsonCopy is not null) BuildReportJson.Write(report, extraJsonCopy);
        BuildHistory.Append(History, report);
        BuildReportHtml.Write(Html, report, BuildHistory.Read(History, last: TrendRuns));
        return extraJsonCopy is null ? [Json, History, Html] : [Json, extraJsonCopy, History, Html];
    }

    /// <summary>Writes every report as <see cref="Write(BuildReport, string?)"/> does, and the Markdown report to <paramref name="markdown"/>.</summary>
    public IReadOnlyList<string> Write(BuildReport report, string? extraJsonCopy, string markdown)
    {
        var written = Write(report, extraJsonCopy).ToList();
        BuildReportMarkdown.Write(markdown, report);
        written.Add(markdown);
        return written;
    }
}
