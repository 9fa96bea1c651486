using GoMonorepoBuild.Building;

namespace GoMonorepoBuild.Tests.Building;

public class BoundedSchedulerTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task No_more_jobs_run_at_once_than_the_parallelism_and_results_keep_the_input_order()
    {
        var running = 0;
        var most = 0;
        var items = Enumerable.Range(1, 8).ToList();

        var results = await new BoundedScheduler(3).RunAsync(items, async (i, token) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref most, now);
            await Task.Delay(30 + (8 - i) * 5, token);
            Interlocked.Decrement(ref running);
            return i * 10;
        }, _ => false, Ct);

        Assert.Equal(3, most);
        Assert.Equal(items.Select(i => i * 10), results.Select(r => r.Result));
        Assert.All(results, r => Assert.Equal(JobEnd.Completed, r.End));
    }

    [Fact]
    public async Task One_failing_job_does_not_stop_the_others()
    {
        var results = await new BoundedScheduler(2).RunAsync(["a", "broken", "c", "d"],
            async (s, token) => { await Task.Delay(10, token); return s == "broken" ? "failed" : "ok"; },
            r => r == "failed", Ct);

        Assert.Equal(["ok", "failed", "ok", "ok"], results.Select(r => r.Result));
    }

    [Fact]
    public async Task With_fail_fast_the_first_failure_stops_the_running_jobs_and_starts_no_more()
    {
        var results = await new BoundedScheduler(2, FailFast: true).RunAsync(["slow", "broken", "later"],
            async (s, token) =>
            {
                if (s == "broken") return "failed";
                await Task.Delay(TimeSpan.FromSeconds(30), token);
                return "ok";
            },
            r => r == "failed", Ct);

        Assert.Equal([JobEnd.StoppedWhileRunning, JobEnd.Completed, JobEnd.NeverStarted], results.Select(r => r.End));
        Assert.Equal("failed", results[1].Result);
    }

    [Fact]
    public async Task Cancelling_stops_running_jobs_promptly_and_accounts_for_every_job()
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var started = new TaskCompletionSource();
        var run = new BoundedScheduler(1).RunAsync(["running", "queued"],
            async (s, token) =>
            {
                started.TrySetResult();
                await Task.Delay(TimeSpan.FromSeconds(30), token);
                return s;
            },
            _ => false, cancel.Token);
        await started.Task;
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await cancel.CancelAsync();
        var results = await run;

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Equal([JobEnd.StoppedWhileRunning, JobEnd.NeverStarted], results.Select(r => r.End));
    }

    [Fact]
    public async Task A_job_that_throws_is_that_jobs_fault_and_the_others_complete()
    {
        var results = await new BoundedScheduler(2).RunAsync(["a", "throws", "c"],
            async (s, token) =>
            {
                await Task.Delay(10, token);
                return s == "throws" ? throw new IOException("disk full writing throws.log") : s;
            },
            _ => false, Ct);

        Assert.Equal([JobEnd.Completed, JobEnd.Faulted, JobEnd.Completed], results.Select(r => r.End));
        Assert.Equal(["a", null, "c"], results.Select(r => r.Result));
        Assert.Equal("disk full writing throws.log", Assert.IsType<IOException>(results[1].Error).Message);
    }

    [Fact]
    public async Task With_fail_fast_a_job_that_throws_stops_the_others_like_a_failure()
    {
        var results = await new BoundedScheduler(2, FailFast: true).RunAsync(["slow", "throws", "later"],
            async (s, token) =>
            {
                if (s == "throws") throw new InvalidOperationException("defect");
                await Task.Delay(TimeSpan.FromSeconds(30), token);
                return s;
            },
            _ => false, Ct);

        Assert.Equal([JobEnd.StoppedWhileRunning, JobEnd.Faulted, JobEnd.NeverStarted], results.Select(r => r.End));
    }

    [Fact]
    public async Task A_parallelism_below_one_is_refused_naming_the_option()
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            new BoundedScheduler(0).RunAsync([1], (i, _) => Task.FromResult(i), _ => false, Ct));
        Assert.Contains("--parallelism", error.Message);
    }

    static void InterlockedMax(ref int target, int value)
    {
        for (var seen = target; value > seen; seen = target)
            if (Interlocked.CompareExchange(ref target, value, seen) == seen) return;
    }
}
