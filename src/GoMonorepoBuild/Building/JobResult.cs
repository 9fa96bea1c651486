namespace GoMonorepoBuild.Building;

/// <summary>One job of a <see cref="BoundedScheduler"/> run: the item, how it ended and, when it completed, its result.</summary>
public sealed record JobResult<TItem, TResult>(TItem Item, JobEnd End, TResult? Result);
