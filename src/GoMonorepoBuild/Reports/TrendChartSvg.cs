using System.Text;

namespace GoMonorepoBuild.Reports;

/// <summary>
/// A service's trend across the runs in the history it was built in: one bar per run (height = build time; the
/// green part = the share of steps cached, red with crosses when it failed) and a line of the time the cache saved.
/// </summary>
static class TrendChartSvg
{
    const int MaxRuns = 30;

    /// <summary>The chart, or null when the history holds no build of the service (no empty frame).</summary>
    public static string? Render(string service, IReadOnlyList<HistoryEntry> history)
    {
        // Loops over Run records, not LINQ over (entry, service) tuples: those were JIT-compiled in every run that writes
        // the report (BENCHMARKS.md, "JIT-compiled methods by call site").
        var runs = new List<Run>();
        foreach (var entry in history)
            if (entry.Find(service) is { Attempted: true } attempted) runs.Add(new Run(entry, attempted));
        if (runs.Count > MaxRuns) runs.RemoveRange(0, runs.Count - MaxRuns);
        if (runs.Count == 0) return null;

        var highest = long.MinValue;
        foreach (var run in runs) highest = Math.Max(highest, Math.Max(run.Service.DurationMs, run.Service.TimeSavedMs ?? 0));
        var frame = new RunChartFrame(runs.Count, highest);
        var svg = new StringBuilder(frame.Open("trend-chart",
            $"Trend of {service} over {runs.Count} builds: build time and time saved per run",
            $"{service}: last {runs.Count} build{(runs.Count == 1 ? "" : "s")} (bar: build time, green share = steps cached; line: time saved)",
            "build time",
            runs.Select(r => ChartAxis.RunLabel(r.Entry.StartedAt, r.Entry.Commit)).ToList()));
        var line = new List<string>();
        for (var i = 0; i < runs.Count; i++)
        {
            var (entry, s) = runs[i];
            var title = $"{ChartAxis.RunLabel(entry.StartedAt, entry.Commit)} UTC: {s.Status.ToString().ToLowerInvariant()} in " +
                        $"{BuildReportTable.Duration(s.DurationMs)}, {s.Cached}/{s.Total} steps cached" +
                        (s.TimeSavedMs is { } saved ? $", saved {BuildReportTable.Duration(saved)}" : "");
            var top = frame.Y(s.DurationMs);
            var barHeight = Math.Max(1, RunChartFrame.Baseline - top);
            top = RunChartFrame.Baseline - barHeight;
            // One hover text per run for both parts of its bar (a 200-service page holds thousands of these).
            svg.Append($"<g><title>{Svg.E(title)}</title>");
            if (s.Status == ServiceStatus.Failed)
                svg.Append(Svg.Rect(frame.BarX(i), top, frame.BarWidth, barHeight, Svg.FailedFill, @class: "run-bar"));
            else
            {
                var cachedShare = s.Total == 0 ? 0 : (double)s.Cached / s.Total;
                svg.Append(Svg.Rect(frame.BarX(i), top, frame.BarWidth, barHeight, Svg.RunFill, @class: "run-bar"))
                    .Append(Svg.Rect(frame.BarX(i), top + barHeight * (1 - cachedShare), frame.BarWidth, barHeight * cachedShare, Svg.CachedColor));
            }
            svg.Append("</g>");
            if (s.TimeSavedMs is { } ms) line.Add($"{Svg.N(frame.Center(i))},{Svg.N(frame.Y(ms))}");
        }
        if (line.Count > 1)
            svg.Append($"<polyline class=\"saved-line\" points=\"{string.Join(' ', line)}\" fill=\"none\" stroke=\"{Svg.LineColor}\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/>");
        return svg.Append("</svg>").ToString();
    }

    /// <summary>One run of the history in which the service was built or tried to be.</summary>
    sealed record Run(HistoryEntry Entry, HistoryService Service);
}
