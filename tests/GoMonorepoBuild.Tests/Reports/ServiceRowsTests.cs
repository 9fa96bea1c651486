using GoMonorepoBuild.Affected;
using GoMonorepoBuild.Building;
using GoMonorepoBuild.Buildx;
using GoMonorepoBuild.Inputs;
using GoMonorepoBuild.Reports;
using GoMonorepoBuild.Workspace;
using GoMonorepoBuild.Workspace.Services;
using static GoMonorepoBuild.Tests.Support.ServiceFixtures;

namespace GoMonorepoBuild.Tests.Reports;

/// <summary>BuildChanged's status rules: what row each service gets from what became of it, without an engine.</summary>
public class ServiceRowsTests
{
    static BuildOutcome Outcome(bool succeeded, string? error = null) => new(
        "orders", succeeded, [], TimeSpan.FromSeconds(3), new BuildMetadata("sha256:abc", null, null), 1234, null, "the log's tail", error);

    static readonly string[] Tags = ["gomonorepobuild/orders:4f81819", "gomonorepobuild/orders:latest"];

    [Fact]
    public void A_successful_build_keeps_the_decisions_reason_and_names_its_image()
    {
        var row = ServiceRows.FromOutcome(Service("orders"), "no image for these inputs yet", Outcome(true), 2, Tags, ".nuke/temp/logs/orders.log");

        Assert.Equal(ServiceStatus.Built, row.Status);
        Assert.Equal("no image for these inputs yet", row.Reason);
        Assert.Equal(Tags[0], row.Image);
        Assert.Equal(Tags, row.Tags);
        Assert.Equal("sha256:abc", row.Digest);
        Assert.Equal(2, row.Attempts);
        Assert.Equal(3000, row.DurationMs);
        Assert.Null(row.ErrorTail);
    }

    [Fact]
    public void A_failed_build_says_buildx_error_and_keeps_the_log_tail()
    {
        var row = ServiceRows.FromOutcome(Service("orders"), "affected", Outcome(false, "failed to solve: boom"), 1, Tags, "orders.log");

        Assert.Equal(ServiceStatus.Failed, row.Status);
        Assert.Equal("failed to solve: boom", row.Reason);
        Assert.Equal("the log's tail", row.ErrorTail);
    }

    [Fact]
    public void A_failed_go_step_names_the_file_relative_to_the_monorepo()
    {
        var outcome = Outcome(false, "failed to solve") with { GoError = "./main.go:12:5: undefined: x" };

        Assert.Equal("services/orders/main.go:12:5: undefined: x", ServiceRows.WhyFailed(outcome, Service("orders")));
        Assert.Equal("./main.go:12:5: undefined: x", ServiceRows.WhyFailed(outcome, Service("orders", ownDockerfile: true)));
        Assert.Equal("the build failed", ServiceRows.WhyFailed(Outcome(false), Service("orders")));
    }

    [Fact]
    public void A_build_that_threw_fails_with_the_error()
    {
        var row = ServiceRows.FailedBy(Service("orders"), new IOException("disk full"));

        Assert.Equal(ServiceStatus.Failed, row.Status);
        Assert.StartsWith("the build of this service stopped with an error: ", row.Reason);
        Assert.Contains("disk full", row.Reason);
        Assert.Contains("IOException", row.ErrorTail);
    }

    [Theory]
    [InlineData(JobEnd.StoppedWhileRunning, true, "cancelled while building")]
    [InlineData(JobEnd.NeverStarted, true, "cancelled before it started")]
    [InlineData(JobEnd.StoppedWhileRunning, false, "stopped by --fail-fast: billing failed")]
    [InlineData(JobEnd.NeverStarted, false, "not started: --fail-fast after billing failed")]
    public void A_stopped_build_says_what_stopped_it(JobEnd end, bool cancelled, string reason)
    {
        var row = ServiceRows.Stopped(Service("orders"), end, cancelled, "billing");

        Assert.Equal(ServiceStatus.Cancelled, row.Status);
        Assert.Equal(reason, row.Reason);
    }

    [Fact]
    public void An_unbuilt_service_is_cancelled_when_it_was_to_build_else_skipped_unless_only_named_a_library()
    {
        Assert.Equal((ServiceStatus.Cancelled, "cancelled"), StatusOf(ServiceRows.Unbuilt(Service("orders"), true, "affected", false, null)));
        Assert.Equal((ServiceStatus.Skipped, "not affected"), StatusOf(ServiceRows.Unbuilt(Service("orders"), false, "not affected", true, null)));
        Assert.Equal((ServiceStatus.Skipped, "no main"), StatusOf(ServiceRows.Unbuilt(Service("greet", buildable: false), false, "no main", false, null)));
        Assert.Equal((ServiceStatus.Failed, "no main"), StatusOf(ServiceRows.Unbuilt(Service("greet", buildable: false), false, "no main", true, null)));
    }

    [Fact]
    public void A_row_carries_the_decisions_chain_and_input_hash()
    {
        var row = ServiceRows.Described(ServiceRows.Of(Service("orders"), ServiceStatus.Skipped, "not affected"), ["a.go", "services/orders"],
            new ServiceInputHash("feedface"));

        Assert.Equal(["a.go", "services/orders"], row.AffectedBecause);
        Assert.Equal("feedface", row.InputHash);
    }

    [Fact]
    public void A_blocked_service_fails_unless_an_analysis_says_the_changes_do_not_reach_it()
    {
        var blocked = new BlockedService("orders", "services/orders", "services/orders", [new WorkspaceException("go.mod: bad directive")]);
        var reached = Analysis() with { BlockedServices = [new BlockedServiceEntry("orders", "services/orders", "bad", ["bad"], Affected: true)] };
        var unreached = Analysis() with { BlockedServices = [new BlockedServiceEntry("orders", "services/orders", "bad", ["bad"], Affected: false)] };

        Assert.Equal(ServiceStatus.Failed, ServiceRows.Blocked(blocked, false, null).Status);
        Assert.Equal(ServiceStatus.Failed, ServiceRows.Blocked(blocked, false, reached).Status);
        Assert.Equal(ServiceStatus.Failed, ServiceRows.Blocked(blocked, true, unreached).Status);
        var skipped = ServiceRows.Blocked(blocked, false, unreached);
        Assert.Equal(ServiceStatus.Skipped, skipped.Status);
        Assert.EndsWith("(the changes do not reach it, so it needs no build now)", skipped.Reason);
        Assert.StartsWith("blocked: ", skipped.Reason);
    }

    [Fact]
    public void A_service_left_out_of_a_sparse_checkout_is_skipped_with_what_to_add()
    {
        var leftOut = new NotCheckedOutService("orders", ["libs/greet"], 2) { Path = "services/orders" };

        var row = ServiceRows.NotCheckedOut(leftOut, Analysis("orders"));

        Assert.Equal(ServiceStatus.Skipped, row.Status);
        Assert.Equal(leftOut.Reason, row.Reason);
        Assert.Contains("git sparse-checkout add libs/greet", row.Reason);
    }

    static (ServiceStatus, string?) StatusOf(ServiceReport row) => (row.Status, row.Reason);
}
