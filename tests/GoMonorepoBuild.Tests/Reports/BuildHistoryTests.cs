using GoMonorepoBuild.Reports;

namespace GoMonorepoBuild.Tests.Reports;

public sealed class BuildHistoryTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("gmb-history-").FullName;
    string File_ => Path.Combine(_dir, "reports", "history.jsonl");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Each_run_appends_one_line_that_reads_back_as_the_same_figures()
    {
        BuildHistory.Append(File_, ReportSample.Previous());
        BuildHistory.Append(File_, ReportSample.Report());

        Assert.Equal(2, File.ReadAllLines(File_).Length);
        var history = BuildHistory.Read(File_);
        Assert.Equal([HistoryEntry.From(ReportSample.Previous()).StartedAt, ReportSample.Started], history.Select(h => h.StartedAt));
        Assert.Equal(HistoryEntry.From(ReportSample.Report()).Services, history[1].Services);
        Assert.Equal(new HistoryService("orders", ServiceStatus.Built, 8, 4, 2345, 9135), history[1].Find("orders"));
    }

    [Fact]
    public void A_line_cut_short_by_a_killed_run_is_skipped_and_the_next_run_starts_a_fresh_line()
    {
        BuildHistory.Append(File_, ReportSample.Previous());
        File.AppendAllText(File_, "{\"startedAt\":\"2026-11-25T1");
        BuildHistory.Append(File_, ReportSample.Report());

        var history = BuildHistory.Read(File_);
        Assert.Equal(2, history.Count);
        Assert.Equal(ReportSample.Started, history[^1].StartedAt);
    }

    [Fact]
    public void A_line_that_is_valid_json_with_nulls_where_a_run_belongs_is_skipped()
    {
        BuildHistory.Append(File_, ReportSample.Previous());
        File.AppendAllText(File_, "{\"startedAt\":\"2026-11-25T10:00:00Z\",\"services\":[null]}\n");
        File.AppendAllText(File_, "{\"startedAt\":\"2026-11-25T10:00:00Z\",\"services\":[{\"name\":null,\"status\":\"built\"}]}\n");
        BuildHistory.Append(File_, ReportSample.Report());

        Assert.Equal([HistoryEntry.From(ReportSample.Previous()).StartedAt, ReportSample.Started], BuildHistory.Read(File_).Select(h => h.StartedAt));
    }

    [Fact]
    public void Reading_can_keep_only_the_last_runs_and_a_missing_file_is_an_empty_history()
    {
        Assert.Empty(BuildHistory.Read(File_));
        foreach (var hours in new[] { 3, 2, 1 })
            BuildHistory.Append(File_, ReportSample.Report() with { StartedAt = ReportSample.Started.AddHours(-hours) });

        Assert.Equal([ReportSample.Started.AddHours(-2), ReportSample.Started.AddHours(-1)], BuildHistory.Read(File_, last: 2).Select(h => h.StartedAt));
    }

    [Fact]
    public void The_last_runs_are_found_past_broken_lines_at_the_end_of_a_long_history()
    {
        for (var hours = 200; hours >= 1; hours--)
            BuildHistory.Append(File_, ReportSample.Report() with { StartedAt = ReportSample.Started.AddHours(-hours) });
        for (var i = 0; i < 5; i++)
            File.AppendAllText(File_, "{\"startedAt\":\"2026-11-25T1\n");

        var last = BuildHistory.Read(File_, last: 3);

        Assert.Equal([ReportSample.Started.AddHours(-3), ReportSample.Started.AddHours(-2), ReportSample.Started.AddHours(-1)],
            last.Select(h => h.StartedAt));
        Assert.Equal(200, BuildHistory.Read(File_).Count);
    }
}
