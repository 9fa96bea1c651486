using System.Diagnostics;
using GoMonorepoBuild.Reports;
using GoMonorepoBuild.Tests.Reports;
using PuppeteerSharp;

// Usage: dotnet run -c Release --project benchmarks/ReportPages -- <folder> [services...]
//        dotnet run -c Release --project benchmarks/ReportPages -- --time <chromium> <runs> <page.html>...
// The first writes <folder>/report-<n>.html for each n (default 6 and 200): the synthetic fleet's report with 31 runs
// of history, as the browser tests render it. The second opens each page <runs> times in one started chromium at
// 1280x800 and prints the median time from navigation start to the second frame after load (parsed, styled, laid
// out, script run, painted), and chromium's first contentful paint.
if (args is ["--time", var chromium, var runsText, .. var pages] && pages.Length > 0)
    return await Time(chromium, int.Parse(runsText), pages);
if (args.Length == 0 || args[0].StartsWith('-'))
{
    Console.Error.WriteLine("usage: ReportPages <folder> [services...] | ReportPages --time <chromium> <runs> <page.html>...");
    return 2;
}
Directory.CreateDirectory(args[0]);
foreach (var n in args.Length > 1 ? args.Skip(1).Select(int.Parse) : [6, 200])
{
    var report = SyntheticFleet.Report(n);
    var page = Path.Combine(args[0], $"report-{n}.html");
    BuildReportHtml.Write(page, report, SyntheticFleet.History(report));
    Console.WriteLine($"{page}: {new FileInfo(page).Length / 1024} KiB");
}
return 0;

static async Task<int> Time(string chromium, int runs, string[] pages)
{
    var profile = Directory.CreateTempSubdirectory("gmb-render-profile-").FullName;
    try
    {
        await using var browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            UserDataDir = profile,
            Args = ["--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--no-pings"],
        });
        Console.WriteLine("| page | size | median: navigation to painted frame | min | max | first contentful paint (median) | runs |");
        Console.WriteLine("|:---|---:|---:|---:|---:|---:|---:|");
        foreach (var file in pages)
        {
            var painted = new List<double>();
            var fcp = new List<double>();
            for (var i = 0; i < runs + 1; i++)
            {
                await using var page = await browser.NewPageAsync();
                await page.SetViewportAsync(new() { Width = 1280, Height = 800 });
                await page.GoToAsync(new Uri(Path.GetFullPath(file)).AbsoluteUri, new NavigationOptions { WaitUntil = [WaitUntilNavigation.Load] });
                var frame = await page.EvaluateExpressionAsync<double>(
                    "new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now()))))");
                var paint = await page.EvaluateExpressionAsync<double>(
                    "(performance.getEntriesByName('first-contentful-paint')[0] || { startTime: -1 }).startTime");
                if (i == 0) continue; // the first load warms chromium's caches of fonts and code
                painted.Add(frame);
                if (paint >= 0) fcp.Add(paint); // no entry when chromium painted before it was observed
            }
            Console.WriteLine($"| {Path.GetFileName(file)} | {new FileInfo(file).Length / 1024} KiB | {Median(painted):0} ms | {painted.Min():0} ms | " +
                              $"{painted.Max():0} ms | {(fcp.Count == 0 ? "none recorded" : $"{Median(fcp):0} ms of {fcp.Count}")} | {runs} |");
        }
        return 0;
    }
    finally
    {
        Directory.Delete(profile, recursive: true);
    }
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}
