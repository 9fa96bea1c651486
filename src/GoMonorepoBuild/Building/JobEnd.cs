namespace GoMonorepoBuild.Building;

/// <summary>How one job of a <see cref="BoundedScheduler"/> run ended.</summary>
public enum JobEnd
{
    /// <summary>It ran to the end and has a result (which may itself be a failure).</summary>
    Completed,

    /// <summary>It was running when the run was stopped (Ctrl-C, or <c>--fail-fast</c> after another job failed).</summary>
    StoppedWhileRunning,

    /// <summary>The run was stopped before it got a slot.</summary>
    NeverStarted,

    /// <summary>It threw an exception that was not the run's cancellation (see <see cref="JobResult{TItem,TResult}.Error"/>).</summary>
    Faulted,
}
