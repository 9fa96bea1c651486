using System.Text;

namespace GoMonorepoBuild.Reports;

/// <summary>
/// A service's trend across the runs in the history: one bar per run it was built in (height = duration, the green
/// part = the share of steps cached, red when it failed) and a line of the time the cache saved.
/// </summary>
static class TrendChartSvg
{
    const int Width = 760, Height = 150, Left = 56, Bottom = 22, Top = 22, MaxRuns = 30, MinSlots = 12;

    public static string Render(string service, IReadOnlyList<HistoryEntry> history)
    {
        var runs = history
            .Select(h => (h.StartedAt, Service: h.Find(service)))
            .Where(r => r.Service is { Attempted: true })
            .Select(r => (r.StartedAt, Service: r.Service!))
            .TakeLast(MaxRuns)
            .ToList();
        var svg = new StringBuilder()
            .Append($"<svg class=\"trend-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" ")
            .Append($"viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{Svg.E($"Trend of {service} over {runs.Count} runs")}\">")
            .Append(Svg.Text(0, 14, $"last {runs.Count} build{(runs.Count == 1 ? "" : "s")}: duration (bar, green = cached share), time saved (line)", fill: "#555"));
        if (runs.Count == 0)
            return svg.Append(Svg.Text(Left, Top + 40, "no earlier builds in the history", fill: Svg.MutedColor)).Append("</svg>").ToString();

        var plotHeight = Height - Top - Bottom;
        var scale = Math.Max(1, runs.Max(r => Math.Max(r.Service.DurationMs, r.Service.TimeSavedMs ?? 0)));
        var slot = (Width - Left) / (double)Math.Max(runs.Count, MinSlots);
        double Y(long ms) => Top + plotHeight - ms * plotHeight / (double)scale;
        svg.Append($"<line x1=\"{Left}\" y1=\"{Top + plotHeight}\" x2=\"{Width}\" y2=\"{Top + plotHeight}\" stroke=\"#ccc\"/>")
            .Append(Svg.Text(Left - 4, Top + 8, BuildReportTable.Duration(scale), "end", "#555"))
            .Append(Svg.Text(Left - 4, Top + plotHeight, "0", "end", "#555"));
        var line = new List<string>();
        for (var i = 0; i < runs.Count; i++)
        {
            var (at, s) = runs[i];
            var x = Left + i * slot + 2;
            var barHeight = Math.Max(1, Top + plotHeight - Y(s.DurationMs));
            var title = $"{at:yyyy-MM-dd HH:mm} UTC: {s.Status.ToString().ToLowerInvariant()} in {BuildReportTable.Duration(s.DurationMs)}, " +
                        $"{s.Cached}/{s.Total} steps cached" +
                        (s.TimeSavedMs is { } saved ? $", saved {BuildReportTable.Duration(saved)}" : "");
            var top = Top + plotHeight - barHeight;
            if (s.Status == ServiceStatus.Failed)
                svg.Append(Svg.Rect(x, top, slot - 4, barHeight, Svg.FailedColor, title, "run-bar"));
            else
            {
                var cachedShare = s.Total == 0 ? 0 : (double)s.Cached / s.Total;
                svg.Append(Svg.Rect(x, top, slot - 4, barHeight, Svg.RunColor, title, "run-bar"))
                    .Append(Svg.Rect(x, top + barHeight * (1 - cachedShare), slot - 4, barHeight * cachedShare, Svg.CachedColor, title));
            }
            if (s.TimeSavedMs is { } ms) line.Add($"{Svg.N(x + (slot - 4) / 2)},{Svg.N(Y(ms))}");
        }
        if (line.Count > 1)
            svg.Append($"<polyline class=\"saved-line\" points=\"{string.Join(' ', line)}\" fill=\"none\" stroke=\"#1f5fbf\" stroke-width=\"2\"/>");
        return svg.Append("</svg>").ToString();
    }
}
