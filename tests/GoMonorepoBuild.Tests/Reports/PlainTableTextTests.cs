using GoMonorepoBuild.Reports;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace GoMonorepoBuild.Tests.Reports;

public class PlainTableTextTests
{
    static string Write(IRenderable renderable, int width, bool ansi)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = ansi ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = ansi ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = width;
        console.Profile.Capabilities.Unicode = true;
        console.Write(renderable);
        return writer.ToString();
    }

    static readonly string[] Words = ["not", "affected;", "image", "for", "these", "inputs", "already", "exists", "(built", "at", "a9c2b78e7efa)", "x", "[b]", "1/2"];

    static BuildReport RandomReport(Random random)
    {
        var statuses = Enum.GetValues<ServiceStatus>();
        var services = Enumerable.Range(0, random.Next(0, 12)).Select(i =>
        {
            var name = random.Next(4) == 0 ? $"svc-{i}" : new string('a', random.Next(1, 30)) + i;
            var reason = string.Join(' ', Enumerable.Range(0, random.Next(0, 14)).Select(_ => Words[random.Next(Words.Length)]));
            return new ServiceReport(name, "services/" + name, statuses[random.Next(statuses.Length)])
            {
                Reason = reason,
                Steps = new StepCounts(9, random.Next(10)),
                DurationMs = random.Next(0, 200_000),
                TimeSavedMs = random.Next(3) == 0 ? null : random.Next(0, 90_000),
                ImageSizeBytes = random.Next(3) == 0 ? null : random.Next(0, 40_000_000),
            };
        }).ToList();
        return new BuildReport(services) { DurationMs = random.Next(0, 3_000_000) };
    }

    [Fact]
    public void A_plain_console_gets_exactly_the_text_Spectre_lays_out_and_mostly_without_Spectre()
    {
        var random = new Random(19);
        var fast = 0;
        for (var i = 0; i < 300; i++)
        {
            var report = RandomReport(random);
            var plain = PlainTableTextOf(BuildReportTable.Render(report));
            var width = random.Next(3) == 0 ? random.Next(20, 120) : 200;
            if (plain.TryText(width) is not null) fast++;
            Assert.Equal(Write(plain.Table, width, ansi: false), Write(plain, width, ansi: false));
            Assert.Equal(Write(plain.Table, width, ansi: true), Write(plain, width, ansi: true));
        }
        // The comparison above must mostly be of the plain text, not of the table with itself.
        Assert.InRange(fast, 150, 300);
    }

    [Fact]
    public void A_no_change_run_at_102_services_is_written_without_Spectre_and_reads_the_same()
    {
        var services = Enumerable.Range(0, 102).Select(i => new ServiceReport($"gateway-{i}", $"services/gateway-{i}", ServiceStatus.Skipped)
        {
            Reason = "not affected; image for these inputs already exists (built at a9c2b78e7efa)",
        }).ToList();
        var rendered = BuildReportTable.Render(new BuildReport(services) { DurationMs = 205 });

        var plain = PlainTableTextOf(rendered);
        Assert.NotNull(plain.TryText(200));
        var text = Write(rendered, 200, ansi: false);
        Assert.Equal(Write(plain.Table, 200, ansi: false), text);
        Assert.Contains("│ gateway-101 │ skipped │      - │    - │     - │     - │ not affected;", text);
    }

    [Theory]
    [InlineData("two  spaces")]
    [InlineData(" leading")]
    [InlineData("trailing ")]
    [InlineData("tab\there")]
    [InlineData("line\nbreak")]
    [InlineData("wide 世界")]
    [InlineData("ellipsis…")]
    public void A_cell_Spectre_lays_out_differently_from_its_text_is_left_to_Spectre(string reason)
    {
        var rendered = BuildReportTable.Render(new BuildReport([new ServiceReport("orders", "services/orders", ServiceStatus.Skipped) { Reason = reason }]));

        var plain = PlainTableTextOf(rendered);
        Assert.Null(plain.TryText(200));
        Assert.Equal(Write(plain.Table, 200, ansi: false), Write(rendered, 200, ansi: false));
    }

    [Fact]
    public void A_table_wider_than_the_console_is_left_to_Spectre_which_wraps_the_reason()
    {
        var reason = string.Join(' ', Enumerable.Repeat("changed", 30));
        var rendered = BuildReportTable.Render(new BuildReport([new ServiceReport("orders", "services/orders", ServiceStatus.Built) { Reason = reason }]));

        var plain = PlainTableTextOf(rendered);
        Assert.Null(plain.TryText(80));
        Assert.NotNull(plain.TryText(300));
        Assert.Equal(Write(plain.Table, 80, ansi: false), Write(rendered, 80, ansi: false));
    }

    static PlainTableText PlainTableTextOf(IRenderable rendered) => Assert.IsType<PlainTableText>(rendered);
}
