using System.Text;

namespace GoMonorepoBuild.Reports;

/// <summary>
/// A service's steps as horizontal bars: a run step in orange for its duration; a cached step in green for the
/// cache hit, over a pale bar for how long it took the last time it ran (what the cache saved).
/// </summary>
static class StepChartSvg
{
    const int Width = 760, LabelWidth = 300, NoteWidth = 130, RowHeight = 20, Top = 26;
    const int BarArea = Width - LabelWidth - NoteWidth;

    public static string Render(ServiceReport service)
    {
        var steps = service.StepDetails;
        var height = Top + Math.Max(steps.Count, 1) * RowHeight + 6;
        var scale = Math.Max(1, steps.Max(s => Math.Max(s.DurationMs ?? 0, s.LastRunMs ?? 0)));
        var svg = new StringBuilder()
            .Append($"<svg class=\"steps-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" ")
            .Append($"viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-label=\"{Svg.E($"Steps of {service.Name}: cached and run")}\">")
            .Append(Legend());
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var y = Top + i * RowHeight;
            var label = BuildReportTable.Shorten(step.Name, 46);
            svg.Append(Svg.Text(0, y + 14, label, title: step.Name));
            double Bar(long ms) => Math.Max(2, ms * (double)BarArea / scale);
            string note;
            if (step.Cached)
            {
                if (step.LastRunMs is { } last)
                    svg.Append(Svg.Rect(LabelWidth, y + 3, Bar(last), RowHeight - 6, Svg.SavedColor,
                        $"last ran in {BuildReportTable.Duration(last)}", "saved"));
                svg.Append(Svg.Rect(LabelWidth, y + 3, Bar(step.DurationMs ?? 0), RowHeight - 6, Svg.CachedColor,
                    $"cached in {BuildReportTable.Duration(step.DurationMs ?? 0)}", "cached"));
                note = step.LastRunMs is { } ran
                    ? $"cached, saved {BuildReportTable.Duration(Math.Max(0, ran - (step.DurationMs ?? 0)))}"
                    : "cached";
            }
            else if (step.DurationMs is { } ms)
            {
                note = step.Failed ? $"failed after {BuildReportTable.Duration(ms)}" : $"ran {BuildReportTable.Duration(ms)}";
                svg.Append(Svg.Rect(LabelWidth, y + 3, Bar(ms), RowHeight - 6, step.Failed ? Svg.FailedColor : Svg.RunColor, note,
                    step.Failed ? "failed" : "run"));
            }
            else
            {
                svg.Append(Svg.Rect(LabelWidth, y + 3, 2, RowHeight - 6, Svg.MutedColor, "did not finish", "unfinished"));
                note = "did not finish";
            }
            svg.Append(Svg.Text(Width - NoteWidth + 6, y + 14, note, fill: "#555"));
        }
        if (steps.Count == 0) svg.Append(Svg.Text(0, Top + 14, "no steps recorded", fill: Svg.MutedColor));
        return svg.Append("</svg>").ToString();
    }

    static string Legend() =>
        Svg.Rect(0, 6, 12, 12, Svg.CachedColor) + Svg.Text(16, 16, "cached") +
        Svg.Rect(80, 6, 12, 12, Svg.SavedColor) + Svg.Text(96, 16, "last run (saved)") +
        Svg.Rect(220, 6, 12, 12, Svg.RunColor) + Svg.Text(236, 16, "ran") +
        Svg.Rect(280, 6, 12, 12, Svg.FailedColor) + Svg.Text(296, 16, "failed");
}
