namespace GoMonorepoBuild.Targets;

/// <summary>How one planned target ended; <see cref="Note"/> says why it was skipped, not run, or failed.</summary>
internal sealed record TargetResult(string Name, TargetStatus Status, TimeSpan Duration, string? Note = null, Exception? Exception = null);
