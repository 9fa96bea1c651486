using System.Text;

namespace GoMonorepoBuild.Reports;

/// <summary>
/// A service's steps as horizontal bars on a time axis: a run step striped orange for its duration; a cached step in
/// green for the cache hit, over a pale bar for how long it took the last time it ran (what the cache saved).
/// </summary>
static class StepChartSvg
{
    const int Width = 760, LabelWidth = 300, NoteWidth = 140, RowHeight = 20, Top = 26, AxisHeight = 34;
    const int BarArea = Width - LabelWidth - NoteWidth;

    public static string Render(ServiceReport service)
    {
        var steps = service.StepDetails;
        var plotBottom = Top + Math.Max(steps.Count, 1) * RowHeight;
        var height = plotBottom + AxisHeight;
        var (tick, top) = ChartAxis.Seconds(steps.Count == 0 ? 1 : steps.Max(s => Math.Max(s.DurationMs ?? 0, s.LastRunMs ?? 0)));
        double X(long ms) => LabelWidth + ms * (double)BarArea / top;
        var svg = new StringBuilder()
            .Append($"<svg class=\"steps-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" ")
            .Append($"viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-label=\"{Svg.E($"Steps of {service.Name}: time per step, cached and run")}\">")
            .Append(Legend());
        for (var ms = 0L; ms <= top; ms += tick)
            svg.Append(Svg.Line(X(ms), Top, X(ms), plotBottom + 4))
                .Append(Svg.Text(X(ms), plotBottom + 16, ChartAxis.Tick(ms), "middle", "muted"));
        svg.Append(Svg.Text(LabelWidth + BarArea / 2.0, plotBottom + 31, "time per step (this run; pale: when it last ran)", "middle", "axis-title"));
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var y = Top + i * RowHeight;
            svg.Append(Svg.Text(0, y + 14, BuildReportTable.Shorten(step.Name, 46), title: step.Name));
            double Bar(long ms) => Math.Max(2, X(ms) - LabelWidth);
            string note;
            if (step.Cached)
            {
                if (step.LastRunMs is { } last)
                    svg.Append(Svg.Rect(LabelWidth, y + 3, Bar(last), RowHeight - 6, Svg.SavedColor,
                        $"{step.Name}\nlast ran in {BuildReportTable.Duration(last)}", "saved"));
                note = step.LastRunMs is { } ran
                    ? $"cached, saved {BuildReportTable.Duration(Math.Max(0, ran - (step.DurationMs ?? 0)))}"
                    : "cached";
                svg.Append(Svg.Rect(LabelWidth, y + 3, Bar(step.DurationMs ?? 0), RowHeight - 6, Svg.CachedColor,
                    $"{step.Name}\ncached in {BuildReportTable.Duration(step.DurationMs ?? 0)}", "cached"));
            }
            else if (step.DurationMs is { } ms)
            {
                note = step.Failed ? $"FAILED after {BuildReportTable.Duration(ms)}" : $"ran {BuildReportTable.Duration(ms)}";
                svg.Append(Svg.Rect(LabelWidth, y + 3, Bar(ms), RowHeight - 6, step.Failed ? Svg.FailedFill : Svg.RunFill,
                    $"{step.Name}\n{note}", step.Failed ? "failed" : "run"));
            }
            else
            {
                note = "did not finish";
                svg.Append(Svg.Rect(LabelWidth, y + 3, 2, RowHeight - 6, Svg.MutedColor, $"{step.Name}\n{note}", "unfinished"));
            }
            svg.Append(Svg.Text(Width - NoteWidth + 6, y + 14, note, @class: "muted"));
        }
        if (steps.Count == 0) svg.Append(Svg.Text(0, Top + 14, "no steps recorded", @class: "muted"));
        return svg.Append("</svg>").ToString();
    }

    static string Legend() =>
        Svg.Rect(0, 6, 12, 12, Svg.CachedColor) + Svg.Text(16, 16, "cached") +
        Svg.Rect(80, 6, 12, 12, Svg.SavedColor) + Svg.Text(96, 16, "last run (saved)") +
        Svg.Rect(220, 6, 12, 12, Svg.RunFill) + Svg.Text(236, 16, "ran") +
        Svg.Rect(280, 6, 12, 12, Svg.FailedFill) + Svg.Text(296, 16, "failed");
}
