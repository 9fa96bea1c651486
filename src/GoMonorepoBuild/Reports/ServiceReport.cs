namespace GoMonorepoBuild.Reports;

/// <summary>
/// One service's line of the build report. Field names are the contract of
/// <c>.nuke/temp/reports/build-report.json</c>: extend, never rename.
/// </summary>
public sealed record ServiceReport(string Name, string Path, ServiceStatus Status)
{
    // The setters below map null to the default: a report written before a field existed leaves it out, and the
    // source-generated reader (ReportJsonContext) then passes null where the reflection reader kept the initializer.

    /// <summary>Why the service was built or skipped, or what made it fail; in words.</summary>
    public string Reason { get; init => field = value ?? ""; } = "";

    public StepCounts Steps { get; init => field = value ?? StepCounts.None; } = StepCounts.None;
    public long DurationMs { get; init; }
    public long? ImageSizeBytes { get; init; }

    /// <summary>The image reference (first tag) the run produced.</summary>
    public string? Image { get; init; }

    public string? Digest { get; init; }
    public IReadOnlyList<string> Tags { get; init => field = value ?? []; } = [];

    /// <summary>Full build log of the service (relative to the build's root when inside it).</summary>
    public string? LogFile { get; init; }

    /// <summary>The last lines of the log when the build failed.</summary>
    public string? ErrorTail { get; init; }

    /// <summary>How many times the build ran: more than 1 when transient engine or registry errors were retried.</summary>
    public int Attempts { get; init; }

    /// <summary>
    /// Why the service is affected, as a chain from a changed file to the service, one link per entry
    /// (e.g. <c>libs/money/round.go changed</c>, <c>package example.com/libs/money imports it</c>, ...). Empty when
    /// it was selected for another reason (forced, first build) or skipped.
    /// </summary>
    public IReadOnlyList<string> AffectedBecause { get; init => field = value ?? []; } = [];

    /// <summary>
    /// Milliseconds the cache saved: for each cached step, how long it took the last time it ran minus how long the
    /// cache hit took. 0 when nothing was cached; null when steps were cached but none was ever seen running.
    /// </summary>
    public long? TimeSavedMs { get; init; }

    /// <summary>Where the cache stopped helping, and why; null when every step was cached or nothing was built.</summary>
    public MissedStep? FirstMissedStep { get; init; }

    /// <summary>
    /// The counted steps of the build, in order. For a service not built this run: those of its last build, carried
    /// over so the next build can still tell what its cache saves.
    /// </summary>
    public IReadOnlyList<StepRecord> StepDetails { get; init => field = value ?? []; } = [];

    /// <summary>
    /// Content digest (git's blob id) of each input file of the build, by path relative to the monorepo root (see
    /// <see cref="InputDigests"/>); for a service not built this run, those
    /// of its last build. Null when never recorded.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Inputs { get; init; }

    /// <summary>The digest of everything that determines the image (see <see cref="Inputs.ServiceInputHash"/>), when known.</summary>
    public string? InputHash { get; init; }

    public ServiceReport WithReason(string reason) => this with { Reason = reason };

    public ServiceReport WithAffectedBecause(IEnumerable<string> chain) => this with { AffectedBecause = chain.ToList() };
}
