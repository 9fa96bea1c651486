using GoMonorepoBuild.Affected;
using GoMonorepoBuild.Reports;

namespace GoMonorepoBuild.Tests.Reports;

/// <summary>The wording of why BuildChanged fails once its report is written.</summary>
public class BuildFailuresTests
{
    static ServiceReport Row(string name, ServiceStatus status, string reason, string? log = null) =>
        new ServiceReport(name, $"services/{name}", status).WithReason(reason) with { LogFile = log };

    [Fact]
    public void A_run_where_nothing_failed_does_not_fail() =>
        Assert.Null(BuildFailures.Describe(new BuildReport([Row("orders", ServiceStatus.Built, "affected"), Row("billing", ServiceStatus.Skipped, "not affected")]), []));

    [Fact]
    public void Failed_services_are_named_with_their_reason_and_log_and_fail_fast_stops_are_counted()
    {
        var report = new BuildReport([
            Row("orders", ServiceStatus.Failed, "main.go:1: undefined: x", ".nuke/temp/logs/orders.log"),
            Row("billing", ServiceStatus.Cancelled, "stopped by --fail-fast: orders failed"),
            Row("greet", ServiceStatus.Failed, "blocked: bad go.mod"),
        ]);

        Assert.Equal("2 of 3 services failed (1 stopped by --fail-fast): orders (main.go:1: undefined: x, log .nuke/temp/logs/orders.log); greet (blocked: bad go.mod)",
            BuildFailures.Describe(report, []));
    }

    [Fact]
    public void Affected_services_a_sparse_checkout_cannot_build_fail_the_run_with_what_to_do()
    {
        var leftOut = new NotCheckedOutService("orders", ["libs/greet"], 2) { Path = "services/orders" };

        var failure = BuildFailures.Describe(new BuildReport([Row("orders", ServiceStatus.Skipped, leftOut.Reason)]), [leftOut]);

        Assert.Equal($"1 affected service(s) cannot be built from this sparse checkout: orders ({leftOut.Reason}); " +
                     "add those folders to the checkout, or leave the services out with --only", failure);
    }
}
