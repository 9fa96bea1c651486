using System.Diagnostics;

namespace GoMonorepoBuild.Targets;

/// <summary>
/// Runs a plan in order. A failure stops the targets after it (they end NotRun) unless the failed target says
/// <c>ProceedAfterFailure</c>; <c>AssuredAfterFailure</c> targets run anyway. A target whose execution dependency did not
/// succeed does not run. Cancellation fires the running target's token: it ends Aborted, the rest NotRun.
/// A target is waited for until it has stopped: the framework's stages check the token in their loops and its processes
/// are killed, so that is promptly. Only code that ignores the token (a user's own, or one uninterruptible call such as
/// a libgit2 walk of a huge tree) is left behind after <see cref="CancellationGrace"/>, with a warning naming it.
/// </summary>
internal static class BuildExecutor
{
    /// <summary>How long a cancelled target gets to wind down (kill its processes, write its report) before the build moves on.</summary>
    internal static readonly TimeSpan CancellationGrace = TimeSpan.FromSeconds(5);

    const string CancelledNote = "cancelled";

    public static async Task<IReadOnlyList<TargetResult>> RunAsync(
        ExecutionPlan plan, IReadOnlyList<ExecutableTarget> targets, CancellationToken cancellationToken, TimeSpan? cancellationGrace = null)
    {
        var grace = cancellationGrace ?? CancellationGrace;
        var byName = targets.ToDictionary(t => t.Name);
        var results = new Dictionary<string, TargetResult>();
        string? stoppedBy = null;

        foreach (var planned in plan.Targets)
        {
            var target = byName[planned.Name];
            var result = cancellationToken.IsCancellationRequested ? new TargetResult(target.Name, TargetStatus.NotRun, TimeSpan.Zero, CancelledNote)
                : planned.SkipReason is { } skipReason ? new TargetResult(target.Name, TargetStatus.Skipped, TimeSpan.Zero, skipReason)
                : stoppedBy is not null && !target.AssuredAfterFailure
                    ? new TargetResult(target.Name, TargetStatus.NotRun, TimeSpan.Zero, $"{stoppedBy} failed")
                : FailedDependency(target, results) is { } dependency && !target.AssuredAfterFailure
                    ? new TargetResult(target.Name, TargetStatus.NotRun, TimeSpan.Zero, $"{dependency} did not succeed")
                : await RunAsync(target, grace, cancellationToken);
            results[target.Name] = result;

            if (result.Status == TargetStatus.Failed && !target.ProceedAfterFailure)
                stoppedBy ??= target.Name;
        }
        return [.. plan.Targets.Select(t => results[t.Name])];
    }

    public static int ExitCode(IReadOnlyList<TargetResult> results) =>
        results.Any(r => r.Status == TargetStatus.Aborted || r is { Status: TargetStatus.NotRun, Note: CancelledNote }) ? ExitCodes.Cancelled
        : results.Any(r => r.Status == TargetStatus.Failed) ? ExitCodes.TargetFailed
        : ExitCodes.Success;

    static string? FailedDependency(ExecutableTarget target, Dictionary<string, TargetResult> results) =>
        target.DependsOn.FirstOrDefault(d => results.TryGetValue(d, out var r) &&
                                             r.Status is TargetStatus.Failed or TargetStatus.NotRun or TargetStatus.Aborted);

    static async Task<TargetResult> RunAsync(ExecutableTarget target, TimeSpan grace, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        try
        {
            if (target.DynamicConditions.Any(condition => !condition()))
                return new TargetResult(target.Name, TargetStatus.Skipped, stopwatch.Elapsed, "condition is false");
            if (target.Actions.Length == 0)
                return new TargetResult(target.Name, TargetStatus.Collective, stopwatch.Elapsed);

            Log.Information($"» {target.Name}");
            var run = Task.Run(async () =>
            {
                foreach (var action in target.Actions)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    await action(cancellationToken);
                }
            }, CancellationToken.None);

            // A target that ignores its token must not hold the build hostage: after the grace period it is left behind.
            // That is the fallback for code that does not check its token; the framework's own stages do.
            var cancelled = Task.Delay(Timeout.Infinite, cancellationToken);
            if (await Task.WhenAny(run, cancelled) == cancelled && await Task.WhenAny(run, Task.Delay(grace, CancellationToken.None)) != run)
                Log.Warning($"{target.Name} did not stop within {grace.TotalSeconds:0.#} s of being cancelled: leaving it behind " +
                            "(code that does not check its cancellation token).");
            if (cancellationToken.IsCancellationRequested && (!run.IsCompleted || run.IsCanceled || run.Exception?.InnerException is OperationCanceledException))
                return Aborted(target, stopwatch);
            await run;
            return new TargetResult(target.Name, TargetStatus.Succeeded, stopwatch.Elapsed);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Aborted(target, stopwatch);
        }
        catch (Exception e)
        {
            Log.Error($"{target.Name} failed: {ExceptionText.Describe(e, Log.IsVerbose)}");
            return new TargetResult(target.Name, TargetStatus.Failed, stopwatch.Elapsed, FirstLine(e.Message), e);
        }
    }

    static TargetResult Aborted(ExecutableTarget target, Stopwatch stopwatch)
    {
        Log.Warning($"{target.Name} was cancelled.");
        return new TargetResult(target.Name, TargetStatus.Aborted, stopwatch.Elapsed, CancelledNote);
    }

    static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
