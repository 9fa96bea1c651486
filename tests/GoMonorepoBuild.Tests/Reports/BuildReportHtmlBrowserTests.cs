using System.Text.RegularExpressions;
using GoMonorepoBuild.Reports;

namespace GoMonorepoBuild.Tests.Reports;

/// <summary>The HTML report as a browser shows it: Debian's headless Chromium (see <see cref="HeadlessChromium"/>).</summary>
public sealed class BuildReportHtmlBrowserTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("gmb-html-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    string WritePage()
    {
        var page = Path.Combine(_dir, "build-report.html");
        BuildReportHtml.Write(page, ReportSample.Report(), ReportSample.History());
        return page;
    }

    static CancellationToken Timeout()
    {
        var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(TimeSpan.FromSeconds(90));
        return cts.Token;
    }

    [Fact]
    public async Task A_browser_parses_the_page_into_one_chart_per_service()
    {
        var chromium = HeadlessChromium.Require(_dir);

        var dom = await chromium.DumpDomAsync(WritePage(), Timeout());

        Assert.Equal(["gateway", "orders", "catalog", "payments"],
            Regex.Matches(dom, "<figure class=\"chart\" data-service=\"([^\"]+)\"").Select(m => m.Groups[1].Value));
        Assert.Equal(3, Regex.Matches(dom, "<svg class=\"steps-chart\"").Count);
        Assert.Equal(4, Regex.Matches(dom, "<svg class=\"trend-chart\"").Count);
    }

    [Fact]
    public async Task The_rendered_page_shows_cached_and_run_steps_in_their_colours()
    {
        var chromium = HeadlessChromium.Require(_dir);
        var png = Path.Combine(_dir, "report.png");

        await chromium.ScreenshotAsync(WritePage(), png, 1000, 2600, Timeout());

        var pixels = PngPixels.Read(png);
        if (Environment.GetEnvironmentVariable("GMB_REPORT_SCREENSHOT") is { Length: > 0 } keep) File.Copy(png, keep, overwrite: true);
        Assert.Equal((1000, 2600), (pixels.Width, pixels.Height));
        Assert.True(pixels.DistinctColours() > 50, "the screenshot is (nearly) blank");
        Assert.True(pixels.Count("#2e9d57") > 2000, "no cached (green) bars rendered");
        Assert.True(pixels.Count("#e8833a") > 2000, "no run (orange) bars rendered");
        Assert.True(pixels.Count("#bfe5cc") > 2000, "no time-saved (pale green) bars rendered");
        Assert.True(pixels.Count("#d64545") > 200, "the failed service shows no red");
    }
}
