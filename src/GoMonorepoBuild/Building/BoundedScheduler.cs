namespace GoMonorepoBuild.Building;

/// <summary>
/// Runs jobs side by side, at most <see cref="Parallelism"/> at a time, starting them in the order given.
/// A job's failure is a result, not an exception, so one failing job never stops the others, unless
/// <see cref="FailFast"/>: then the first failure stops the running jobs and starts no more. A job that throws
/// (anything but the run's own cancellation) ends <see cref="JobEnd.Faulted"/> with its exception: that job's
/// failure, counted as one by <see cref="FailFast"/>, never the whole run's.
/// Cancelling the token stops everything the same way; either way every job is accounted for in the results
/// (in input order) and the run returns only once no job is running any more, so no process outlives it.
/// </summary>
public sealed record BoundedScheduler(int Parallelism, bool FailFast = false)
{
    /// <summary>One job per processor: builds wait on BuildKit and the disk as much as on the CPU.</summary>
    public static int DefaultParallelism => Math.Max(1, Environment.ProcessorCount);

    public async Task<IReadOnlyList<JobResult<TItem, TResult>>> RunAsync<TItem, TResult>(
        IReadOnlyList<TItem> items,
        Func<TItem, CancellationToken, Task<TResult>> run,
        Func<TResult, bool> failed,
        CancellationToken cancellationToken)
    {
        if (Parallelism < 1)
            throw new ArgumentOutOfRangeException(nameof(Parallelism), Parallelism, "--parallelism must be at least 1.");

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var slots = new SemaphoreSlim(Parallelism);

        async Task<JobResult<TItem, TResult>> RunOne(TItem item)
        {
            try
            {
                await slots.WaitAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
                return new(item, JobEnd.NeverStarted, default);
            }
            try
            {
                if (stop.IsCancellationRequested) return new(item, JobEnd.NeverStarted, default);
                var result = await run(item, stop.Token);
                if (FailFast && failed(result)) await stop.CancelAsync();
                return new(item, JobEnd.Completed, result);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return new(item, JobEnd.StoppedWhileRunning, default);
            }
            catch (Exception e)
            {
                if (FailFast) await stop.CancelAsync();
                return new(item, JobEnd.Faulted, default) { Error = e };
            }
            finally
            {
                slots.Release();
            }
        }

        // Started one by one so the queue order is the input order (SemaphoreSlim serves async waiters in turn).
        var jobs = new List<Task<JobResult<TItem, TResult>>>(items.Count);
        foreach (var item in items) jobs.Add(RunOne(item));
        return await Task.WhenAll(jobs);
    }
}
