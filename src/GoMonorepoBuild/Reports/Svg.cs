using System.Globalization;
using System.Net;

namespace GoMonorepoBuild.Reports;

/// <summary>The few SVG/HTML pieces the charts share: invariant numbers and escaped text.</summary>
static class Svg
{
    public const string CachedColor = "#2e9d57";
    public const string SavedColor = "#bfe5cc";
    public const string RunColor = "#e8833a";
    public const string FailedColor = "#d64545";
    public const string MutedColor = "#9aa4ae";

    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    public static string E(string text) => WebUtility.HtmlEncode(text);

    public static string Rect(double x, double y, double width, double height, string fill, string? title = null, string? @class = null) =>
        $"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(Math.Max(width, 0))}\" height=\"{N(height)}\" fill=\"{fill}\"" +
        (@class is null ? "" : $" class=\"{@class}\"") +
        (title is null ? "/>" : $"><title>{E(title)}</title></rect>");

    public static string Text(double x, double y, string text, string anchor = "start", string fill = "#333", string? title = null) =>
        $"<text x=\"{N(x)}\" y=\"{N(y)}\" text-anchor=\"{anchor}\" fill=\"{fill}\">{E(text)}" +
        (title is null ? "" : $"<title>{E(title)}</title>") + "</text>";
}
