using System.Text;

namespace GoMonorepoBuild.Reports;

/// <summary>
/// The overview's compact bar for one service: its step time split by instruction kind (RUN, COPY, ...), each kind's
/// share in green for what the cache covered and striped orange for what ran. Widths are shares of the service's
/// own total; the hover text of each part has the exact figures. A part is labelled with its kind only when the
/// label fits inside it; a narrower part goes without (its hover text still names it), so no label is cut off or
/// runs over its neighbour.
/// </summary>
static class KindBarSvg
{
    const int Width = 180, Height = 18, Gap = 2, LabelInset = 3;

    /// <summary>
    /// An upper bound of the width of one upper-case letter of the 10px bold label (DejaVu Sans Bold's widest, W, is
    /// about 10px; RUN, COPY and WORKDIR average under 8px): the page cannot measure before it is drawn.
    /// </summary>
    const double LetterWidth = 9;

    public static string Render(ServiceReport service)
    {
        var kinds = StepKinds.Summarize(service.StepDetails);
        var total = kinds.Sum(k => Math.Max(1, k.CachedMs + k.RunMs));
        var svg = new StringBuilder()
            .Append($"<svg class=\"kind-bar\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" ")
            .Append($"role=\"img\" aria-label=\"{Svg.E(Describe(kinds))}\">");
        var usable = Width - Gap * Math.Max(0, kinds.Count - 1);
        double x = 0;
        foreach (var kind in kinds)
        {
            var kindWidth = Math.Max(1, kind.CachedMs + kind.RunMs) * usable / (double)total;
            var cachedWidth = kind.CachedMs + kind.RunMs == 0
                ? (kind.RunSteps == 0 ? kindWidth : 0)
                : kindWidth * kind.CachedMs / (kind.CachedMs + kind.RunMs);
            var title = Describe(kind);
            svg.Append($"<g class=\"kind\" data-kind=\"{Svg.E(kind.Kind)}\"><title>{Svg.E(title)}</title>")
                .Append(Svg.Rect(x, 0, cachedWidth, Height, Svg.CachedColor))
                .Append(Svg.Rect(x + cachedWidth, 0, kindWidth - cachedWidth, Height, Svg.RunFill));
            if (LabelFits(kind.Kind, kindWidth))
                svg.Append(Svg.Text(x + LabelInset, 13, kind.Kind, @class: "on-bar"));
            svg.Append("</g>");
            x += kindWidth + Gap;
        }
        return svg.Append("</svg>").ToString();
    }

    static bool LabelFits(string label, double width) => label.Length * LetterWidth + 2 * LabelInset <= width;

    static string Describe(IReadOnlyList<StepKindTotals> kinds) =>
        kinds.Count == 0 ? "no steps recorded" : string.Join("; ", kinds.Select(Describe));

    static string Describe(StepKindTotals k) =>
        $"{k.Kind}: {k.CachedSteps} cached ({BuildReportTable.Duration(k.CachedMs)} of work spared), " +
        $"{k.RunSteps} ran ({BuildReportTable.Duration(k.RunMs)})";
}
