using GoMonorepoBuild.Targets;

namespace GoMonorepoBuild.Tests.Targets;

/// <summary>The steps of a second Ctrl-C, on a hard stop of the test's own (the process's one would stop the test run).</summary>
public class HardStopTests
{
    [Fact]
    public void Killing_runs_every_registered_kill_even_after_one_throws_and_marks_the_run_as_stopping()
    {
        var stop = new HardStop();
        var ran = new List<string>();
        stop.OnKill(() => throw new IOException("the first kill failed"));
        stop.OnKill(() => ran.Add("second"));

        Assert.False(stop.IsRequested);
        stop.Kill();

        Assert.Equal(["second"], ran);
        Assert.True(stop.IsRequested);
    }

    [Fact]
    public void Recording_runs_what_is_registered_and_not_what_was_disposed_because_its_target_wrote_its_report_itself()
    {
        var stop = new HardStop();
        var wrote = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var report = stop.OnRecord(() => wrote.Add("report"));
        var ended = stop.OnRecord(() => wrote.Add("ended target"));
        ended.Dispose();

        Assert.True(stop.Record(TimeSpan.FromSeconds(10)));

        Assert.Equal(["report"], wrote);
    }

    [Fact]
    public void A_recorder_that_never_returns_is_given_up_on_and_the_others_still_write()
    {
        var stop = new HardStop();
        using var stuck = new ManualResetEventSlim();
        using var wrote = new ManualResetEventSlim();
        using var hanging = stop.OnRecord(() => stuck.Wait());
        using var report = stop.OnRecord(wrote.Set);

        Assert.False(stop.Record(TimeSpan.FromMilliseconds(300)));

        Assert.True(wrote.Wait(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
        stuck.Set();
    }
}
