using System.Text;

namespace GoMonorepoBuild.Reports;

/// <summary>
/// The whole monorepo across the last runs: a bar per run for its wall time (left axis) and a line for the share of
/// steps the cache answered over every service built in it (right axis, 0-100 %).
/// </summary>
static class FleetTrendSvg
{
    const int MaxRuns = 30;

    /// <summary>The chart, or null when the history is empty.</summary>
    public static string? Render(IReadOnlyList<HistoryEntry> history)
    {
        var runs = history.TakeLast(MaxRuns).ToList();
        if (runs.Count == 0) return null;

        var frame = new RunChartFrame(runs.Count, runs.Max(r => r.DurationMs));
        var svg = new StringBuilder(frame.Open("fleet-chart",
            $"All services over the last {runs.Count} runs: wall time and cache hit ratio per run",
            $"Last {runs.Count} run{(runs.Count == 1 ? "" : "s")}: wall time (bars) and steps cached (line, dots)",
            "wall time",
            runs.Select(r => ChartAxis.RunLabel(r.StartedAt, r.Commit)).ToList(),
            "steps cached"));
        var points = new List<Point>();
        for (var i = 0; i < runs.Count; i++)
        {
            var run = runs[i];
            var total = run.Services.Sum(s => s.Total);
            var cached = run.Services.Sum(s => s.Cached);
            var built = run.Services.Count(s => s.Attempted);
            var failed = run.Services.Count(s => s.Status == ServiceStatus.Failed);
            var title = $"{ChartAxis.RunLabel(run.StartedAt, run.Commit)} UTC: {BuildReportTable.Duration(run.DurationMs)} wall time, " +
                        $"{built} of {run.Services.Count} services built{(failed > 0 ? $", {failed} failed" : "")}, " +
                        (total == 0 ? "no steps ran" : $"{cached}/{total} steps cached ({BuildReportTable.Percent((double)cached / total)})");
            var top = frame.Y(run.DurationMs);
            var height = Math.Max(1, RunChartFrame.Baseline - top);
            svg.Append(Svg.Rect(frame.BarX(i), RunChartFrame.Baseline - height, frame.BarWidth, height,
                failed > 0 ? Svg.FailedFill : Svg.MutedColor, title, "run-bar"));
            if (total > 0) points.Add(new Point(frame.Center(i), frame.YPercent((double)cached / total), title));
        }
        if (points.Count > 1)
            svg.Append($"<polyline class=\"hit-line\" points=\"{string.Join(' ', points.Select(p => $"{Svg.N(p.X)},{Svg.N(p.Y)}"))}\" fill=\"none\" stroke=\"{Svg.CachedColor}\" stroke-width=\"2\"/>");
        foreach (var p in points)
            svg.Append($"<circle cx=\"{Svg.N(p.X)}\" cy=\"{Svg.N(p.Y)}\" r=\"4\" fill=\"{Svg.CachedColor}\"><title>{Svg.E(p.Title)}</title></circle>");
        return svg.Append("</svg>").ToString();
    }

    /// <summary>
    /// A dot of the hit-ratio line. A class rather than a <c>(double, double, string)</c> tuple: the list and LINQ over
    /// such a tuple were JIT-compiled in every run that writes the report (BENCHMARKS.md, "JIT-compiled methods by call site").
    /// </summary>
    sealed record Point(double X, double Y, string Title);
}
