namespace GoMonorepoBuild.Targets;

public enum TargetStatus
{
    Succeeded,
    Failed,
    Skipped,

    /// <summary>Scheduled but never started: an earlier target failed, or the build was cancelled.</summary>
    NotRun,

    /// <summary>Running when the build was cancelled.</summary>
    Aborted,

    /// <summary>Ran, but has no actions of its own: it only groups its dependencies.</summary>
    Collective,
}
