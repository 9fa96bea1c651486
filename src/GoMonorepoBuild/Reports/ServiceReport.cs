namespace GoMonorepoBuild.Reports;

/// <summary>
/// One service's line of the build report. Field names are the contract of
/// <c>.nuke/temp/reports/build-report.json</c>: extend, never rename.
/// </summary>
public sealed record ServiceReport(string Name, string Path, ServiceStatus Status)
{
    /// <summary>Why the service was built or skipped, or what made it fail; in words.</summary>
    public string Reason { get; init; } = "";

    public StepCounts Steps { get; init; } = StepCounts.None;
    public long DurationMs { get; init; }
    public long? ImageSizeBytes { get; init; }

    /// <summary>The image reference (first tag) the run produced.</summary>
    public string? Image { get; init; }

    public string? Digest { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Full build log of the service (relative to the build's root when inside it).</summary>
    public string? LogFile { get; init; }

    /// <summary>The last lines of the log when the build failed.</summary>
    public string? ErrorTail { get; init; }

    /// <summary>How many times the build ran: more than 1 when transient engine or registry errors were retried.</summary>
    public int Attempts { get; init; }

    public ServiceReport WithReason(string reason) => this with { Reason = reason };
}
