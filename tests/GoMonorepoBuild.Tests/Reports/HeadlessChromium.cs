using GoMonorepoBuild.Processes;
using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.Reports;

/// <summary>
/// Debian's chromium, run headless to render the HTML report: from the command line (<c>--dump-dom</c>,
/// <c>--screenshot</c>) or driven over the DevTools protocol (<see cref="LaunchAsync"/>) to measure the laid-out page.
/// Without it the browser tests skip locally and FAIL in CI (CI=true), where .ci/run installs it (apt-get install -y chromium).
/// </summary>
sealed class HeadlessChromium
{
    readonly Tool _tool;
    readonly string _executable;
    readonly string _profile;

    HeadlessChromium(string executable, string profile) => (_tool, _executable, _profile) = (Tool.Named(executable), executable, profile);

    public string Executable => _executable;

    public static HeadlessChromium Require(string scratch)
    {
        var executable = new[] { Environment.GetEnvironmentVariable("GMB_CHROMIUM"), "chromium", "chromium-browser" }
            .OfType<string>()
            .Select(Find)
            .FirstOrDefault(path => path is not null);
        if (executable is null)
        {
            const string why = "no chromium to render the HTML report: install it (apt-get install -y chromium) or set GMB_CHROMIUM";
            if (RealEngine.IsCi) Assert.Fail(why);
            Assert.Skip(why);
        }
        return new HeadlessChromium(executable, Path.Combine(scratch, "chromium-profile"));
    }

    /// <summary>The DOM after Chromium parsed the page.</summary>
    public async Task<string> DumpDomAsync(string htmlFile, CancellationToken ct) =>
        (await _tool.RunAsync([.. Flags, "--dump-dom", new Uri(htmlFile).AbsoluteUri], ct)).StandardOutput;

    public async Task ScreenshotAsync(string htmlFile, string png, int width, int height, CancellationToken ct) =>
        await _tool.RunAsync([.. Flags, $"--screenshot={png}", $"--window-size={width},{height}", new Uri(htmlFile).AbsoluteUri], ct);

    /// <summary>This chromium under the DevTools protocol (PuppeteerSharp; nothing is downloaded).</summary>
    public Task<ReportBrowser> LaunchAsync(CancellationToken ct) => ReportBrowser.LaunchAsync(_executable, _profile + "-driven", Flags, ct);

    // Root needs --no-sandbox; the rest keep Chromium from reaching for any network service (only file:// is used).
    public string[] Flags =>
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--user-data-dir=" + _profile,
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-default-apps",
        "--disable-extensions", "--disable-domain-reliability", "--no-pings", "--metrics-recording-only",
    ];

    static string? Find(string name) =>
        Path.IsPathRooted(name)
            ? File.Exists(name) ? name : null
            : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
                .Select(dir => Path.Combine(dir, name))
                .FirstOrDefault(File.Exists);
}
