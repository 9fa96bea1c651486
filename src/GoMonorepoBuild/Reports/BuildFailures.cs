using GoMonorepoBuild.Affected;

namespace GoMonorepoBuild.Reports;

/// <summary>
/// Why BuildChanged fails once its report is written: the failed services (with how many --fail-fast stopped, each
/// with its reason and log), and the affected services a sparse checkout cannot build. Null when nothing failed.
/// </summary>
public static class BuildFailures
{
    public static string? Describe(BuildReport report, IReadOnlyList<NotCheckedOutService> unbuildable)
    {
        var failed = report.Services.Where(r => r.Status == ServiceStatus.Failed).ToList();
        var stopped = report.Count(ServiceStatus.Cancelled);
        var problems = new List<string>();
        if (failed.Count > 0)
            problems.Add($"{failed.Count} of {report.Services.Count} services failed" + (stopped > 0 ? $" ({stopped} stopped by --fail-fast)" : "") + ": " +
                string.Join("; ", failed.Select(f => $"{f.Name} ({f.Reason}{(f.LogFile is null ? "" : $", log {f.LogFile}")})")));
        if (unbuildable.Count > 0)
            problems.Add($"{unbuildable.Count} affected service(s) cannot be built from this sparse checkout: " +
                string.Join("; ", unbuildable.Select(n => $"{n.Name} ({n.Reason})")) +
                "; add those folders to the checkout, or leave the services out with --only");
        return problems.Count > 0 ? string.Join(". ", problems) : null;
    }
}
