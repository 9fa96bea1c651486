using System.Text;

namespace GoMonorepoBuild.Reports;

/// <summary>
/// The frame the trend charts share: one slot per run along the x axis, labelled with the run's time and short commit
/// (every few runs when there are many; each bar's hover text has its own), a time axis on the left with round
/// ticks and its unit, and an optional 0-100 % axis on the right.
/// </summary>
sealed class RunChartFrame
{
    public const int Width = 760, Height = 210;
    const int Left = 64, Right = 56, Top = 28, Bottom = 58, MinSlots = 10, MaxLabels = 8, LabelGap = 6;

    /// <summary>An upper bound of the width of a digit or letter of the 11px tick labels (DejaVu Sans: about 6.1).</summary>
    const double CharWidth = 6.6;

    readonly long _topMs;
    readonly int _runs;

    public RunChartFrame(int runs, long maxMs)
    {
        _runs = runs;
        _topMs = ChartAxis.Seconds(maxMs).TopMs;
    }

    static int PlotHeight => Height - Top - Bottom;
    static int PlotRight => Width - Right;
    public double Slot => (PlotRight - Left) / (double)Math.Max(_runs, MinSlots);
    public double BarWidth => Math.Max(2, Slot - 6);
    public double BarX(int run) => Left + run * Slot + 3;
    public double Center(int run) => BarX(run) + BarWidth / 2;
    public double Y(long ms) => Top + PlotHeight - ms * PlotHeight / (double)_topMs;
    public double YPercent(double ratio) => Top + PlotHeight - ratio * PlotHeight;
    public static double Baseline => Top + PlotHeight;

    /// <summary>The opening tag, title, axes, ticks and run labels.</summary>
    public string Open(string @class, string ariaLabel, string title, string leftTitle, IReadOnlyList<string> runLabels, string? rightTitle = null)
    {
        var svg = new StringBuilder()
            .Append($"<svg class=\"{@class}\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" ")
            .Append($"viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{Svg.E(ariaLabel)}\">")
            .Append(Svg.Text(0, 14, title, @class: "chart-title"));
        var (tick, _) = ChartAxis.Seconds(_topMs);
        for (var ms = 0L; ms <= _topMs; ms += tick)
            svg.Append(Svg.Line(Left, Y(ms), PlotRight, Y(ms)))
                .Append(Svg.Text(Left - 5, Y(ms) + 4, ChartAxis.Tick(ms), "end", "muted"));
        svg.Append($"<text class=\"axis-title\" text-anchor=\"middle\" transform=\"translate(12 {Svg.N(Top + PlotHeight / 2.0)}) rotate(-90)\">{Svg.E(leftTitle)}</text>");
        if (rightTitle is not null)
        {
            foreach (var pct in new[] { 0, 25, 50, 75, 100 })
                svg.Append(Svg.Text(PlotRight + 5, YPercent(pct / 100.0) + 4, $"{pct}%", "start", "muted"));
            svg.Append($"<text class=\"axis-title\" text-anchor=\"middle\" transform=\"translate({Width - 14} {Svg.N(Top + PlotHeight / 2.0)}) rotate(90)\">{Svg.E(rightTitle)}</text>");
        }
        svg.Append(Svg.Line(Left, Baseline, PlotRight, Baseline, "axis"));
        var every = (int)Math.Ceiling(runLabels.Count / (double)MaxLabels);
        var freeRight = (double)PlotRight;
        for (var i = runLabels.Count - 1; i >= 0; i--)
        {
            // The newest run is always labelled, the others every few runs; a label stays within the plot's width
            // (the newest is pulled in from the right-hand axis) and one that would touch its right neighbour is left off.
            if ((runLabels.Count - 1 - i) % every != 0) continue;
            var parts = runLabels[i].Split(" · ");
            var half = parts.Max(p => p.Length) * CharWidth / 2;
            var center = Math.Min(Center(i), PlotRight - half);
            if (center + half > freeRight || center - half < Left - 4) continue;
            svg.Append(Svg.Text(center, Baseline + 13, parts[0], "middle", "muted"));
            if (parts.Length > 1) svg.Append(Svg.Text(center, Baseline + 27, parts[1], "middle", "muted"));
            freeRight = center - half - LabelGap;
        }
        svg.Append(Svg.Text(Left + (PlotRight - Left) / 2.0, Height - 6, "run (UTC time · commit)", "middle", "axis-title"));
        return svg.ToString();
    }
}
