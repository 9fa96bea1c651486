using GoMonorepoBuild.Reports;
using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.Ci;

public class BuildReportMarkdownTests
{
    internal static BuildReport Sample() => new([
        new ServiceReport("orders", "services/orders", ServiceStatus.Built)
        {
            Reason = "selected", Steps = new StepCounts(12, 12), DurationMs = 640, ImageSizeBytes = 4_508_876,
        },
        new ServiceReport("payments", "services/payments", ServiceStatus.Failed)
        {
            Reason = "go build: exit code 1 | see log", Steps = new StepCounts(12, 9), DurationMs = 8_250,
            LogFile = ".nuke/temp/logs/payments.log",
            ErrorTail = "#12 ./main.go:7:2: undefined: money.Parse\n#12 ERROR: process \"/bin/sh -c go build\" did not complete\n```\n",
        },
        new ServiceReport("catalog", "services/catalog", ServiceStatus.Skipped) { Reason = "not affected" },
    ]) { DurationMs = 9_100 };

    [Fact]
    public void The_job_summary_of_a_mixed_run_matches_its_golden_file()
    {
        // Durations and sizes follow the runner's culture; the golden file is written in the invariant one.
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
        DockerfilesGolden.Matches("Golden/build-report.md", BuildReportMarkdown.Render(Sample()));
    }

    [Fact]
    public void A_pipe_in_a_reason_does_not_break_the_table()
    {
        var row = BuildReportMarkdown.Render(Sample()).Split('\n').Single(l => l.StartsWith("| payments"));
        Assert.Contains("exit code 1 \\| see log", row);
        var cells = System.Text.RegularExpressions.Regex.Split(row.Trim('|'), @"(?<!\\)\|");
        Assert.Equal(7, cells.Length);
    }

    [Fact]
    public void Backticks_in_a_log_cannot_close_its_code_block()
    {
        var markdown = BuildReportMarkdown.Render(Sample());
        Assert.Contains("````text\n", markdown);
        Assert.Contains("\n```\n````\n", markdown);
    }

    [Fact]
    public void An_empty_run_says_nothing_was_affected() =>
        Assert.Equal("## Build report\n\nNo service was affected: nothing to build.\n", BuildReportMarkdown.Render(new BuildReport([])));
}
