using GoMonorepoBuild.Reports;
using Spectre.Console;

namespace GoMonorepoBuild.Tests.Reports;

public class BuildReportTableTests
{
    static string RenderToText(BuildReport report, int width = 240)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = width;
        console.Write(BuildReportTable.Render(report));
        return writer.ToString();
    }

    [Fact]
    public void The_table_shows_each_service_with_cache_hits_time_saved_and_the_first_missed_step()
    {
        var text = RenderToText(ReportSample.Report());

        foreach (var name in new[] { "orders", "catalog", "gateway", "payments" })
            Assert.Contains(name, text);
        Assert.Contains("4/8 50%", text);
        Assert.Contains("9.1 s", text);
        Assert.Contains("[build 6/7] COPY sources/ ./", text);
        Assert.Contains("libs/money/doc.go (added)", text);
        Assert.Contains("2 input files changed since the previous build", text);
        Assert.DoesNotContain("catalog: ", text);
        Assert.Contains("the cache saved about", text);
    }

    [Fact]
    public void Markup_in_names_is_shown_as_text_and_a_narrow_console_still_renders()
    {
        var report = new BuildReport([new ServiceReport("[red]odd", "x/[b]", ServiceStatus.Failed) { Reason = "[/] broke" }]);

        Assert.Contains("[red]odd", RenderToText(report));
        var narrow = RenderToText(ReportSample.Report(), width: 80);
        Assert.Contains("payments", narrow);
        Assert.Contains("8/8 100%", narrow);
    }
}
