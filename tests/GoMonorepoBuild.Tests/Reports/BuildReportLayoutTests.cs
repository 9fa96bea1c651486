using GoMonorepoBuild.Reports;

namespace GoMonorepoBuild.Tests.Reports;

/// <summary>
/// The HTML report as a person sees it in Debian's chromium, measured through the DevTools protocol: what is on the
/// first screen, what overflows, whether chart texts are clipped or collide. Screenshots go where CI keeps the test
/// artefacts (.nuke/temp/test-results/screenshots).
/// </summary>
public sealed class BuildReportLayoutTests : IAsyncLifetime
{
    readonly string _dir = Directory.CreateTempSubdirectory("gmb-layout-").FullName;
    ReportBrowser? _browser;

    public async ValueTask InitializeAsync() => _browser = await HeadlessChromium.Require(_dir).LaunchAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    ReportBrowser Browser => _browser ?? throw new InvalidOperationException("no browser");

    string WriteFleet(int services)
    {
        var page = Path.Combine(_dir, $"fleet-{services}.html");
        var report = SyntheticFleet.Report(services);
        BuildReportHtml.Write(page, report, SyntheticFleet.History(report));
        return page;
    }

    [Theory]
    [InlineData(6, 1280, 800)]
    [InlineData(200, 1280, 800)]
    [InlineData(6, 800, 900)]
    [InlineData(200, 800, 900)]
    [InlineData(200, 412, 915)]
    public async Task The_failed_service_is_on_the_first_screen_every_service_has_a_row_and_nothing_is_wider_than_the_window(int services, int width, int height)
    {
        var page = WriteFleet(services);

        var tab = await Browser.OpenAsync(page, width, height);
        var layout = await tab.MeasureAsync();
        await tab.ScreenshotAsync(Screenshots.Path($"report-{services}-services-{width}x{height}-first-screen.png"));

        Assert.Equal(services, layout.Rows);
        Assert.NotEmpty(layout.Failed);
        // All failed ones on a desktop's screen; at least the first (the rest follow it) in a narrow window.
        var mustShow = width >= 1280 ? layout.Failed : layout.Failed.Take(1);
        Assert.All(mustShow, row => Assert.True(layout.OnFirstScreen(row.Box), $"failed service {row.Name} at {row.Box} is not on the first screen ({width}x{height})"));
        Assert.True(layout.ScrollWidth <= width, $"the page is {layout.ScrollWidth}px wide in a {width}px window: {string.Join(", ", layout.Wider)}");
        Assert.Empty(layout.Wider);
        Assert.Equal([new Uri(page).AbsoluteUri], tab.Requests);
    }

    [Theory]
    [InlineData(6)]
    [InlineData(200)]
    public async Task Every_chart_has_labelled_axes_and_no_text_is_clipped_or_on_top_of_another(int services)
    {
        var tab = await Browser.OpenAsync(WriteFleet(services), 1280, 800);
        await tab.ExpandAllAsync();
        var layout = await tab.MeasureAsync();
        AssertBarLabelsFit(layout);
        if (services <= 6) await tab.ScreenshotAsync(Screenshots.Path($"report-{services}-services-expanded.png"), fullPage: true);

        var charts = layout.Charts.Where(c => c.Class != "kind-bar").ToList();
        Assert.Equal(1, charts.Count(c => c.Class == "fleet-chart"));
        Assert.Equal(services, charts.Count(c => c.Class == "trend-chart"));
        Assert.True(charts.Count(c => c.Class == "steps-chart") >= 2);
        AssertChartsReadable(charts);
    }

    [Fact]
    public async Task Long_step_names_are_shortened_to_fit_beside_their_bars()
    {
        var page = Path.Combine(_dir, "sample.html");
        BuildReportHtml.Write(page, ReportSample.Report(), ReportSample.History());

        var tab = await Browser.OpenAsync(page, 1280, 800);
        await tab.ExpandAllAsync();
        var layout = await tab.MeasureAsync();

        var charts = layout.Charts.Where(c => c.Class != "kind-bar").ToList();
        Assert.Equal(3, charts.Count(c => c.Class == "steps-chart"));
        Assert.Contains(charts.SelectMany(c => c.Texts), t => t.Text.EndsWith('…'));
        AssertChartsReadable(charts);
        AssertBarLabelsFit(layout);
    }

    /// <summary>Every chart has axis titles and ticks with units; no text is cut off by its chart, on another text or over a bar.</summary>
    static void AssertChartsReadable(IEnumerable<PageLayout.Chart> charts)
    {
        foreach (var chart in charts)
        {
            var where = $"{chart.Class} of {(chart.Service is "" ? "the fleet" : chart.Service)}";
            var axisTitles = chart.Texts.Where(t => t.Class == "axis-title").Select(t => t.Text).ToList();
            Assert.True(axisTitles.Count >= (chart.Class == "steps-chart" ? 1 : 2), $"{where} has axis titles [{string.Join(", ", axisTitles)}]");
            Assert.Contains(chart.Texts, t => t.Class == "muted" && System.Text.RegularExpressions.Regex.IsMatch(t.Text, @"^\d+(\.\d)? (ms|s|min)$"));
            foreach (var text in chart.Texts)
                Assert.True(text.Box.Inside(chart.Box), $"'{text.Text}' at {text.Box} is clipped by the {where} at {chart.Box}");
            var overlapping = chart.Texts.SelectMany((a, i) => chart.Texts.Skip(i + 1).Where(b => a.Box.Overlaps(b.Box)).Select(b => $"'{a.Text}' {a.Box} / '{b.Text}' {b.Box}")).ToList();
            Assert.True(overlapping.Count == 0, $"texts on top of each other in the {where}: {string.Join("; ", overlapping)}");
            var overBars = chart.Texts.Where(t => chart.Bars.Any(b => b.Overlaps(t.Box))).Select(t => $"'{t.Text}' {t.Box}").ToList();
            Assert.True(overBars.Count == 0, $"texts over bars in the {where}: {string.Join("; ", overBars)}");
        }
    }

    [Fact]
    public async Task A_label_too_wide_for_its_bar_is_left_off_and_the_hover_text_keeps_the_exact_figures()
    {
        var page = Path.Combine(_dir, "sweep.html");
        BuildReportHtml.Write(page, KindSweep.Report(30), []);

        var tab = await Browser.OpenAsync(page, 1280, 800);
        await tab.ExpandAllAsync();
        var layout = await tab.MeasureAsync();
        await tab.ScreenshotAsync(Screenshots.Path("report-narrow-bar-labels.png"));

        Assert.Equal(30 * 4, layout.KindParts.Count);
        AssertBarLabelsFit(layout);
        Assert.Contains(layout.KindParts, p => p.Kind == "WORKDIR" && p.Label is null);
        Assert.Contains(layout.KindParts, p => p.Kind == "WORKDIR" && p.Label is not null);
    }

    [Fact]
    public async Task In_a_dark_window_the_page_is_dark_and_its_text_light()
    {
        var tab = await Browser.OpenAsync(WriteFleet(6), 1280, 800, dark: true);
        await tab.ScreenshotAsync(Screenshots.Path("report-6-services-dark.png"));

        var colours = await tab.EvaluateAsync(
            "[getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color, getComputedStyle(document.querySelector('#overview')).backgroundColor].join(' | ')");

        var parts = colours.Split(" | ").Select(Luminance).ToArray();
        Assert.True(parts[0] < 0.2 && parts[2] < 0.2 && parts[1] > 0.7, $"colours in dark mode: {colours}");
    }

    /// <summary>Each label on an overview bar lies inside its own part and over no other; every part has its figures as hover text.</summary>
    static void AssertBarLabelsFit(PageLayout layout)
    {
        foreach (var part in layout.KindParts)
        {
            var where = $"{part.Kind} of {part.Service} ({part.Box.Width:0.#}px wide)";
            Assert.Matches(@$"^{part.Kind}: \d+ cached \(.+ of work spared\), \d+ ran \(.+\)$", part.Title);
            if (part.Label is not { } label) continue;
            Assert.True(label.Inside(part.Box), $"the label of {where} at {label} does not fit its bar {part.Box}");
            Assert.DoesNotContain(layout.KindParts, other => other != part && other.Box.Overlaps(label));
        }
    }

    /// <summary>Relative lightness 0-1 of a CSS "rgb(r, g, b)" colour.</summary>
    static double Luminance(string rgb)
    {
        var v = System.Text.RegularExpressions.Regex.Matches(rgb, @"\d+").Take(3).Select(m => double.Parse(m.Value) / 255).ToArray();
        return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
    }
}
