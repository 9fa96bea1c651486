using GoMonorepoBuild.Ci;
using GoMonorepoBuild.Reports;
using GoMonorepoBuild.Tests.Targets;

namespace GoMonorepoBuild.Tests.Ci;

public class BuildReportMergeTests
{
    static readonly DateTimeOffset T0 = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    static BuildReport One(string name, ServiceStatus status, DateTimeOffset started, long durationMs) =>
        new([new ServiceReport(name, "services/" + name, status) { Reason = status.ToString() }]) { StartedAt = started, DurationMs = durationMs };

    [Fact]
    public void The_reports_of_matrix_jobs_merge_into_one_in_name_order_spanning_their_wall_time()
    {
        var merged = BuildReportMerge.Merge([
            One("payments", ServiceStatus.Built, T0.AddSeconds(2), 5_000),
            One("orders", ServiceStatus.Built, T0, 3_000),
        ]);
        Assert.Equal(["orders", "payments"], merged.Services.Select(s => s.Name));
        Assert.Equal(T0, merged.StartedAt);
        Assert.Equal(7_000, merged.DurationMs);
        Assert.True(merged.Succeeded);
    }

    [Fact]
    public void An_expected_service_without_a_report_counts_as_failed()
    {
        var merged = BuildReportMerge.Merge([One("orders", ServiceStatus.Built, T0, 1)], ["orders", "payments"]);
        var payments = merged.Services.Single(s => s.Name == "payments");
        Assert.Equal(ServiceStatus.Failed, payments.Status);
        Assert.Equal(BuildReportMerge.MissingReason, payments.Reason);
        Assert.False(merged.Succeeded);
    }

    [Fact]
    public void When_two_reports_name_a_service_the_one_that_did_more_wins()
    {
        var merged = BuildReportMerge.Merge([
            One("orders", ServiceStatus.Skipped, T0, 1),
            One("orders", ServiceStatus.Failed, T0, 1),
            One("orders", ServiceStatus.Built, T0, 1),
        ]);
        Assert.Equal(ServiceStatus.Failed, Assert.Single(merged.Services).Status);
    }

    [Fact]
    public void Reports_are_found_in_every_artifact_folder_and_a_broken_one_is_named()
    {
        using var temp = new TempFolder();
        BuildReportJson.Write(One("orders", ServiceStatus.Built, T0, 1), Path.Combine(temp.Path, "build-report-0", "build-report.json"));
        BuildReportJson.Write(One("payments", ServiceStatus.Built, T0, 1), Path.Combine(temp.Path, "build-report-1", "build-report.json"));
        Assert.Equal(2, BuildReportMerge.ReadAll(temp.Path).Count);

        var broken = temp.Write("build-report-2/build-report.json", "{ not json");
        var error = Assert.Throws<InvalidDataException>(() => BuildReportMerge.ReadAll(temp.Path));
        Assert.Contains(broken, error.Message);
    }

    [Fact]
    public void A_missing_reports_folder_is_an_empty_set() =>
        Assert.Empty(BuildReportMerge.ReadAll(Path.Combine(Path.GetTempPath(), "gmb-no-such-" + Guid.NewGuid().ToString("N"))));
}
