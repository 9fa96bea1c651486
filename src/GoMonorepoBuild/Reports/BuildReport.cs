namespace GoMonorepoBuild.Reports;

/// <summary>The result of one BuildChanged run: a line per service, in the order they were decided.</summary>
public sealed record BuildReport(IReadOnlyList<ServiceReport> Services)
{
    public DateTimeOffset StartedAt { get; init; }
    public long DurationMs { get; init; }

    /// <summary>The commit that was built (full sha), when the monorepo is a git repository; labels the run in trends.</summary>
    public string? Commit { get; init; }

    public int Count(ServiceStatus status) => Services.Count(s => s.Status == status);

    /// <summary>True when no service failed or was cancelled.</summary>
    public bool Succeeded => Services.All(s => s.Status is ServiceStatus.Built or ServiceStatus.Skipped);

    /// <summary>Milliseconds the cache saved over all services (unknown savings count as 0).</summary>
    public long TimeSavedMs => Services.Sum(s => s.TimeSavedMs ?? 0);

    /// <summary>The row of the service named <paramref name="name"/>, or null.</summary>
    public ServiceReport? Find(string name) => Services.FirstOrDefault(s => s.Name == name);
}
