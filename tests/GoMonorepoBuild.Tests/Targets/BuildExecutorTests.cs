using GoMonorepoBuild.Targets;

namespace GoMonorepoBuild.Tests.Targets;

public class BuildExecutorTests
{
    static ExecutableTarget T(string name) => new(name);

    static Task<IReadOnlyList<TargetResult>> Run(IReadOnlyList<ExecutableTarget> targets, string[] invoked, CancellationToken? token = null)
    {
        var plan = ExecutionPlanner.Plan(targets, invoked, []);
        return BuildExecutor.RunAsync(plan, targets, token ?? TestContext.Current.CancellationToken);
    }

    static Dictionary<string, TargetStatus> Statuses(IReadOnlyList<TargetResult> results) => results.ToDictionary(r => r.Name, r => r.Status);

    static Action Fail(string message) => () => throw new InvalidOperationException(message);

    [Fact]
    public async Task A_failing_target_stops_the_plan_and_the_rest_do_not_run()
    {
        var ran = new List<string>();
        ExecutableTarget[] targets =
        [
            T("A").WithAction(() => ran.Add("A")), T("B").WithAction(Fail("boom")), T("C").WithAction(() => ran.Add("C")),
        ];
        var results = await Run(targets, ["A", "B", "C"]);
        Assert.Equal(["A"], ran);
        Assert.Equal(TargetStatus.Succeeded, Statuses(results)["A"]);
        Assert.Equal(TargetStatus.Failed, Statuses(results)["B"]);
        Assert.Equal(TargetStatus.NotRun, Statuses(results)["C"]);
        Assert.Equal("boom", results[1].Note);
        Assert.Equal(ExitCodes.TargetFailed, BuildExecutor.ExitCode(results));
    }

    [Fact]
    public async Task ProceedAfterFailure_lets_independent_targets_run_but_not_its_dependents()
    {
        ExecutableTarget[] targets =
        [
            T("Lint").WithAction(Fail("lint")) with { ProceedAfterFailure = true },
            T("Test").WithAction(() => { }),
            T("Publish").WithDependsOn("Lint").WithAction(() => { }),
        ];
        var results = Statuses(await Run(targets, ["Lint", "Test", "Publish"]));
        Assert.Equal(TargetStatus.Failed, results["Lint"]);
        Assert.Equal(TargetStatus.Succeeded, results["Test"]);
        Assert.Equal(TargetStatus.NotRun, results["Publish"]);
    }

    [Fact]
    public async Task Assured_targets_run_even_after_a_failure()
    {
        ExecutableTarget[] targets =
        [
            T("Build").WithAction(Fail("x")), T("Other").WithAction(() => { }),
            T("Cleanup").WithAction(() => { }) with { AssuredAfterFailure = true },
        ];
        var results = Statuses(await Run(targets, ["Build", "Other", "Cleanup"]));
        Assert.Equal(TargetStatus.NotRun, results["Other"]);
        Assert.Equal(TargetStatus.Succeeded, results["Cleanup"]);
    }

    [Fact]
    public async Task Targets_without_actions_are_collective_and_dynamic_conditions_skip_only_their_target()
    {
        var dependencyRan = false;
        ExecutableTarget[] targets =
        [
            T("Restore").WithAction(() => dependencyRan = true),
            T("Deploy").WithDependsOn("Restore").WithDynamicCondition(() => false).WithAction(Fail("must not run")),
            T("All").WithDependsOn("Deploy"),
        ];
        var results = await Run(targets, ["All"]);
        Assert.True(dependencyRan);
        Assert.Equal(TargetStatus.Skipped, Statuses(results)["Deploy"]);
        Assert.Equal(TargetStatus.Collective, Statuses(results)["All"]);
        Assert.Equal(ExitCodes.Success, BuildExecutor.ExitCode(results));
    }

    [Fact]
    public async Task Cancelling_aborts_the_running_target_through_its_token_and_the_rest_do_not_run()
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var started = new TaskCompletionSource();
        var sawCancellation = false;
        ExecutableTarget[] targets =
        [
            T("Long").WithAction(async token =>
            {
                started.SetResult();
                try
                {
                    await Task.Delay(TimeSpan.FromMinutes(1), token);
                }
                catch (OperationCanceledException)
                {
                    sawCancellation = true;
                    throw;
                }
            }),
            T("After").WithAction(() => { }),
        ];
        var running = Run(targets, ["Long", "After"], cancellation.Token);
        await started.Task;
        await cancellation.CancelAsync();
        var results = await running;
        Assert.True(sawCancellation);
        Assert.Equal(TargetStatus.Aborted, Statuses(results)["Long"]);
        Assert.Equal(TargetStatus.NotRun, Statuses(results)["After"]);
        Assert.Equal(ExitCodes.Cancelled, BuildExecutor.ExitCode(results));
    }

    [Fact]
    public async Task A_target_that_ignores_cancellation_is_left_behind_after_the_grace_period_with_a_warning_naming_it()
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var started = new TaskCompletionSource();
        using var release = new ManualResetEventSlim();
        using var log = new StringWriter();
        Log.Output = new LogOutput(log, log, Verbosity.Normal);
        ExecutableTarget[] targets = [T("Stubborn").WithAction(() =>
        {
            started.SetResult();
            release.Wait(TimeSpan.FromSeconds(30));
        })];
        var plan = ExecutionPlanner.Plan(targets, ["Stubborn"], []);
        var running = BuildExecutor.RunAsync(plan, targets, cancellation.Token, cancellationGrace: TimeSpan.FromMilliseconds(200));
        await started.Task;
        await cancellation.CancelAsync();
        var results = await running;
        var stillRunning = !release.IsSet;
        release.Set();
        Assert.Equal(TargetStatus.Aborted, results.Single().Status);
        Assert.True(stillRunning);
        Assert.Contains("Stubborn did not stop within 0.2 s of being cancelled: leaving it behind", log.ToString());
    }

    [Fact]
    public async Task A_target_that_honours_cancellation_is_waited_for_until_it_has_stopped_and_no_warning_is_given()
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var started = new TaskCompletionSource();
        var stopped = false;
        using var log = new StringWriter();
        Log.Output = new LogOutput(log, log, Verbosity.Normal);
        ExecutableTarget[] targets = [T("Loop").WithAction(token =>
        {
            started.SetResult();
            try
            {
                // A stage's loop: work item after work item, checking the token before each.
                while (true)
                {
                    token.ThrowIfCancellationRequested();
                    Thread.Sleep(1);
                }
            }
            finally
            {
                stopped = true;
            }
        })];
        var plan = ExecutionPlanner.Plan(targets, ["Loop"], []);
        var running = BuildExecutor.RunAsync(plan, targets, cancellation.Token, cancellationGrace: Timeout.InfiniteTimeSpan);
        await started.Task;
        await cancellation.CancelAsync();
        var results = await running;
        Assert.True(stopped);
        Assert.Equal(TargetStatus.Aborted, results.Single().Status);
        Assert.DoesNotContain("did not stop", log.ToString());
    }

    [Fact]
    public void Exception_text_shows_the_inner_chain_without_a_stack_trace_unless_verbose()
    {
        var exception = new InvalidOperationException("push failed", new IOException("registry unreachable"));
        var text = ExceptionText.Describe(exception, verbose: false);
        Assert.Equal($"push failed{Environment.NewLine}  because: registry unreachable", text);
        Assert.DoesNotContain(" at ", text);
    }
}
