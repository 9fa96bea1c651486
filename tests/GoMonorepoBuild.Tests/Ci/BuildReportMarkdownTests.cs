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

    [Fact]
    public void The_summary_starts_with_the_totals_and_the_failed_service_and_keeps_skipped_ones_collapsed()
    {
        var markdown = BuildReportMarkdown.Render(Sample());
        var lines = markdown.Split('\n');

        Assert.StartsWith("❌ **1 failed, 1 built**", lines[2]);
        Assert.StartsWith("| payments", lines.First(l => l.StartsWith("| ") && !l.StartsWith("| Service") && !l.StartsWith("| ---")));
        var details = markdown.IndexOf("<details><summary>1 skipped service</summary>", StringComparison.Ordinal);
        Assert.True(details > 0, "skipped services are not in a <details> block");
        Assert.True(markdown.IndexOf("catalog", StringComparison.Ordinal) > details, "a skipped service is listed before the <details> block");
    }

    [Fact]
    public void Skipped_services_sharing_a_reason_write_it_once()
    {
        var report = new BuildReport([.. Enumerable.Range(0, 6).Select(i =>
            new ServiceReport($"svc{i}", $"services/svc{i}", ServiceStatus.Skipped) { Reason = "not affected by the changes since origin/main" })]);

        var markdown = BuildReportMarkdown.Render(report);

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(markdown, "not affected by the changes"));
        Assert.Contains("(6): `svc0`, `svc1`", markdown);
    }

    [Fact]
    public void At_500_services_with_long_failure_logs_the_summary_stays_under_GitHubs_1_MiB_limit()
    {
        var tail = string.Join('\n', Enumerable.Range(0, 200).Select(i => $"#12 ./pkg/handler_{i}.go:{i}:2: undefined: something.Quite.Long.Name{i} (and more words)"));
        var report = new BuildReport([.. Enumerable.Range(0, 500).Select(i => (i % 3) switch
        {
            0 => new ServiceReport($"service-{i:000}", $"services/service-{i:000}", ServiceStatus.Failed)
                { Reason = "go build failed", Steps = new StepCounts(12, 8), DurationMs = 9000, ErrorTail = tail, LogFile = $".nuke/temp/logs/service-{i:000}.log" },
            1 => new ServiceReport($"service-{i:000}", $"services/service-{i:000}", ServiceStatus.Built)
                { Reason = new string('r', 500), Steps = new StepCounts(12, 11), DurationMs = 4000, ImageSizeBytes = 4_000_000 },
            _ => new ServiceReport($"service-{i:000}", $"services/service-{i:000}", ServiceStatus.Skipped) { Reason = $"not affected ({i % 7})" },
        })]);

        var markdown = BuildReportMarkdown.Render(report);

        Assert.True(System.Text.Encoding.UTF8.GetByteCount(markdown) < 1024 * 1024, $"{System.Text.Encoding.UTF8.GetByteCount(markdown)} bytes");
        Assert.Equal(334, markdown.Split('\n').Count(l => l.StartsWith("| service-")));
        Assert.Contains("left out to keep this summary under GitHub's size limit", markdown);
    }
}
