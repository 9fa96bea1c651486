using System.Text.Json;
using PuppeteerSharp;
using PuppeteerSharp.Media;

namespace GoMonorepoBuild.Tests.Reports;

/// <summary>
/// Debian's chromium driven over the DevTools protocol: opens a report page at a window size, records every request
/// the page makes (a self-contained page makes none but its own file), measures the laid-out page
/// (<see cref="PageLayout"/>) and takes screenshots.
/// </summary>
sealed class ReportBrowser : IAsyncDisposable
{
    readonly IBrowser _browser;

    ReportBrowser(IBrowser browser) => _browser = browser;

    public static async Task<ReportBrowser> LaunchAsync(string executable, string profile, string[] flags, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            UserDataDir = profile,
            Args = [.. flags.Where(f => f != "--headless" && !f.StartsWith("--user-data-dir=", StringComparison.Ordinal))],
            Timeout = 60_000,
        });
        return new ReportBrowser(browser);
    }

    /// <summary>The page at <paramref name="htmlFile"/> in a window of <paramref name="width"/> × <paramref name="height"/> CSS pixels.</summary>
    public async Task<ReportTab> OpenAsync(string htmlFile, int width, int height, bool dark = false)
    {
        var page = await _browser.NewPageAsync();
        await page.SetViewportAsync(new ViewPortOptions { Width = width, Height = height });
        await page.EmulateMediaFeaturesAsync([new MediaFeatureValue { MediaFeature = MediaFeature.PrefersColorScheme, Value = dark ? "dark" : "light" }]);
        var requests = new List<string>();
        page.Request += (_, e) => { lock (requests) requests.Add(e.Request.Url); };
        await page.GoToAsync(new Uri(htmlFile).AbsoluteUri, new NavigationOptions { WaitUntil = [WaitUntilNavigation.Load], Timeout = 60_000 });
        return new ReportTab(page, requests);
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        await _browser.DisposeAsync();
    }
}

/// <summary>One opened report page.</summary>
sealed class ReportTab(IPage page, List<string> requests)
{
    public IReadOnlyList<string> Requests { get { lock (requests) return [.. requests]; } }

    /// <summary>Where everything is on the page as laid out now (see <see cref="PageLayout.Script"/>).</summary>
    public async Task<PageLayout> MeasureAsync()
    {
        var json = await page.EvaluateFunctionAsync<string>(PageLayout.Script);
        return JsonSerializer.Deserialize<PageLayout>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))
               ?? throw new InvalidOperationException("the page measurement returned nothing");
    }

    /// <summary>Opens every collapsed block (details and skipped rows), as a reader who wants to see it all.</summary>
    public Task ExpandAllAsync() => page.EvaluateExpressionAsync(
        "document.querySelectorAll('details').forEach(d => d.open = true);" +
        "const box = document.getElementById('show-skipped'); if (box && !box.checked) box.click(); 0");

    public Task<string> EvaluateAsync(string expression) => page.EvaluateExpressionAsync<string>(expression);

    /// <summary>
    /// A screenshot of what the window shows (the first screen), or of the whole page: then the window is made as tall
    /// as the page first, since chromium does not draw blocks off the screen (content-visibility: auto) in a
    /// full-page capture.
    /// </summary>
    public async Task ScreenshotAsync(string png, bool fullPage = false)
    {
        // Blocks drawn for the first time take their real height, so the page grows: grow the window until it stops.
        for (var round = 0; fullPage && round < 4; round++)
        {
            await page.EvaluateExpressionAsync("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
            var viewport = page.Viewport;
            var height = await page.EvaluateExpressionAsync<int>("Math.ceil(document.documentElement.scrollHeight)");
            if (height <= viewport.Height) break;
            await page.SetViewportAsync(new ViewPortOptions { Width = viewport.Width, Height = height });
        }
        await page.ScreenshotAsync(png, new ScreenshotOptions { Type = ScreenshotType.Png });
    }
}
