using System.Globalization;
using System.Net;

namespace GoMonorepoBuild.Reports;

/// <summary>
/// The few SVG/HTML pieces the charts share: invariant numbers, escaped text, bars with hover text. Text and grid
/// lines take their colour from the page's stylesheet (classes), so the charts follow its light or dark scheme.
/// </summary>
static class Svg
{
    public const string CachedColor = "#2e9d57";
    public const string SavedColor = "#bfe5cc";
    public const string RunColor = "#e8833a";
    public const string FailedColor = "#d64545";
    public const string MutedColor = "#9aa4ae";
    public const string LineColor = "#1f5fbf";

    /// <summary>Diagonal stripes over the run colour (defined once per page): run bars differ from cached ones without colour.</summary>
    public const string RunFill = "url(#run-hatch)";

    /// <summary>Crosses over the failed colour (defined once per page): a failed bar differs from a cached one without colour.</summary>
    public const string FailedFill = "url(#failed-hatch)";

    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    public static string E(string text) => WebUtility.HtmlEncode(text);

    public static string Rect(double x, double y, double width, double height, string fill, string? title = null, string? @class = null) =>
        $"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(Math.Max(width, 0))}\" height=\"{N(Math.Max(height, 0))}\" fill=\"{fill}\"" +
        (@class is null ? "" : $" class=\"{@class}\"") +
        (title is null ? "/>" : $"><title>{E(title)}</title></rect>");

    /// <summary>Text at (x, y); <paramref name="class"/>: none for body text, <c>muted</c> for notes, <c>axis-title</c> for axis names.</summary>
    public static string Text(double x, double y, string text, string anchor = "start", string? @class = null, string? title = null) =>
        $"<text x=\"{N(x)}\" y=\"{N(y)}\" text-anchor=\"{anchor}\"{(@class is null ? "" : $" class=\"{@class}\"")}>{E(text)}" +
        (title is null ? "" : $"<title>{E(title)}</title>") + "</text>";

    public static string Line(double x1, double y1, double x2, double y2, string @class = "grid") =>
        $"<line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\" class=\"{@class}\"/>";

    /// <summary>The patterns <see cref="RunFill"/> and <see cref="FailedFill"/> refer to; once per page, in an invisible SVG.</summary>
    public const string Definitions =
        "<svg width=\"0\" height=\"0\" style=\"position:absolute\" aria-hidden=\"true\"><defs>" +
        "<pattern id=\"run-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">" +
        "<rect width=\"6\" height=\"6\" fill=\"" + RunColor + "\"/><rect width=\"2\" height=\"6\" fill=\"#b85a17\"/></pattern>" +
        "<pattern id=\"failed-hatch\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\">" +
        "<rect width=\"8\" height=\"8\" fill=\"" + FailedColor + "\"/><path d=\"M0 0L8 8M8 0L0 8\" stroke=\"#7a1616\" stroke-width=\"1.2\"/></pattern>" +
        "</defs></svg>";
}
