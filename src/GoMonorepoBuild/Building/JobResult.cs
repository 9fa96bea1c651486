namespace GoMonorepoBuild.Building;

/// <summary>One job of a <see cref="BoundedScheduler"/> run: the item, how it ended and, when it completed, its result.</summary>
public sealed record JobResult<TItem, TResult>(TItem Item, JobEnd End, TResult? Result)
{
    /// <summary>What the job threw, when it ended <see cref="JobEnd.Faulted"/>.</summary>
    public Exception? Error { get; init; }
}
