using GoMonorepoBuild.Building;
using GoMonorepoBuild.Reports;

namespace GoMonorepoBuild.Tests.Reports.Progress;

/// <summary>The CI display: one self-contained line per event, whatever else interleaves.</summary>
public class PlainBuildProgressTests
{
    [Fact]
    public void Each_event_is_one_line_naming_the_service()
    {
        var lines = new List<string>();
        var progress = new PlainBuildProgress(lines.Add);

        progress.Started("api", "reg/api:abc");
        progress.StepStarted("api", "[build 5/7] RUN go build");
        progress.Retrying("api", 2, "connection reset by peer");
        progress.Finished(new ServiceReport("api", "services/api", ServiceStatus.Built)
            { Steps = new StepCounts(9, 7), DurationMs = 1500, Attempts = 2 });
        progress.Finished(new ServiceReport("web", "services/web", ServiceStatus.Failed)
            { Reason = "compile error", LogFile = ".nuke/temp/logs/web.log", ErrorTail = "main.go:3: undefined: x" });
        progress.Finished(new ServiceReport("jobs", "services/jobs", ServiceStatus.Cancelled) { Reason = "cancelled while building" });

        Assert.Equal(
        [
            "api: building reg/api:abc",
            "api: transient failure, retrying (attempt 2): connection reset by peer",
            "api: built in 1.5 s, 7/9 steps cached (attempt 2)",
            "web: FAILED (compile error); log .nuke/temp/logs/web.log\nmain.go:3: undefined: x",
            "jobs: cancelled (cancelled while building)",
        ], lines);
    }
}
