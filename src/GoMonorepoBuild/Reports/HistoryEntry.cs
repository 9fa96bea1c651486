namespace GoMonorepoBuild.Reports;

/// <summary>One run in history.jsonl: the figures a trend needs, without the details of the full report.</summary>
public sealed record HistoryEntry(DateTimeOffset StartedAt, long DurationMs, IReadOnlyList<HistoryService> Services)
{
    /// <summary>The commit built (full sha); null in lines written before it was recorded, or outside git.</summary>
    public string? Commit { get; init; }

    public static HistoryEntry From(BuildReport report) =>
        new(report.StartedAt, report.DurationMs, report.Services.Select(HistoryService.From).ToList()) { Commit = report.Commit };

    public HistoryService? Find(string name) => Services.FirstOrDefault(s => s.Name == name);
}

/// <summary>One service in a <see cref="HistoryEntry"/>.</summary>
public sealed record HistoryService(string Name, ServiceStatus Status, int Total, int Cached, long DurationMs, long? TimeSavedMs)
{
    public static HistoryService From(ServiceReport s) =>
        new(s.Name, s.Status, s.Steps.Total, s.Steps.Cached, s.DurationMs, s.TimeSavedMs);

    /// <summary>The service was built or tried to be this run (not skipped, not cancelled before it started).</summary>
    public bool Attempted => Status is ServiceStatus.Built or ServiceStatus.Failed || Total > 0;
}
