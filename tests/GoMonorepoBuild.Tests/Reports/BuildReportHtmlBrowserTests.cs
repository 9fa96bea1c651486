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

        KeepScreenshot(png);
        var pixels = PngPixels.Read(png);
        if (Environment.GetEnvironmentVariable("GMB_REPORT_SCREENSHOT") is { Length: > 0 } keep) File.Copy(png, keep, overwrite: true);
        Assert.Equal((1000, 2600), (pixels.Width, pixels.Height));
        Assert.True(pixels.DistinctColours() > 50, "the screenshot is (nearly) blank");
        Assert.True(pixels.Count("#2e9d57") > 2000, "no cached (green) bars rendered");
        Assert.True(pixels.Count("#e8833a") > 2000, "no run (orange) bars rendered");
        Assert.True(pixels.Count("#bfe5cc") > 2000, "no time-saved (pale green) bars rendered");
        Assert.True(pixels.Count("#d64545") > 200, "the failed service shows no red");
    }

    [Fact]
    public async Task A_200_service_report_has_a_row_per_service_failed_ones_first_and_labelled_axes()
    {
        var chromium = HeadlessChromium.Require(_dir);
        var page = Path.Combine(_dir, "fleet-200.html");
        var report = SyntheticFleet.Report(200);
        BuildReportHtml.Write(page, report, SyntheticFleet.History(report));

        var dom = await chromium.DumpDomAsync(page, Timeout());
        var png = Path.Combine(_dir, "fleet-200.png");
        await chromium.ScreenshotAsync(page, png, 1280, 800, Timeout());
        KeepScreenshot(png);

        var rows = Regex.Matches(dom, "<tr class=\"(\\w+)\" data-service=\"([^\"]+)\"").Select(m => (Status: m.Groups[1].Value, Name: m.Groups[2].Value)).ToList();
        Assert.Equal(200, rows.Select(r => r.Name).Distinct().Count());
        Assert.Equal("failed", rows[0].Status);
        Assert.Matches("id=\"shown\"[^>]*>\\d+ of 200 services shown<", dom);
        Assert.Contains("class=\"axis-title\"", dom);
        Assert.Contains("run (UTC time · commit)", dom);
        Assert.Contains("wall time", dom);
        Assert.True(PngPixels.Read(png).DistinctColours() > 50, "the screenshot is (nearly) blank");
    }

    static void KeepScreenshot(string png) => File.Copy(png, Screenshots.Path(Path.GetFileName(png)), overwrite: true);
}
