using System.Text.Json;
using GoMonorepoBuild.Reports;

namespace GoMonorepoBuild.Ci;

/// <summary>
/// Merges the build reports of a CI matrix (one job per service) into one report. A service the matrix expected but
/// no report names counts as failed: its job died before BuildChanged could write anything.
/// </summary>
public static class BuildReportMerge
{
    public const string MissingReason = "no build report: the CI job of this service failed before BuildChanged wrote one";

    /// <summary>Every <c>build-report.json</c> under <paramref name="directory"/>, read in path order.</summary>
    public static IReadOnlyList<BuildReport> ReadAll(string directory)
    {
        if (!Directory.Exists(directory)) return [];
        return Directory.GetFiles(directory, "build-report.json", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(file =>
            {
                try
                {
                    return BuildReportJson.Deserialize(File.ReadAllText(file));
                }
                catch (JsonException e)
                {
                    throw new InvalidDataException($"{file} is not a build report (build-report.json): {e.Message}", e);
                }
            })
            .ToList();
    }

    /// <summary>
    /// One report: services in name order; when several reports name a service, the one that did the most wins
    /// (built or failed over skipped). Started at the earliest start; lasts until the latest end.
    /// </summary>
    public static BuildReport Merge(IEnumerable<BuildReport> reports, IEnumerable<string>? expectedServices = null)
    {
        var all = reports.ToList();
        var services = all.SelectMany(r => r.Services)
            .GroupBy(s => s.Name, StringComparer.Ordinal)
            .Select(g => g.OrderBy(Rank).Last())
            .ToDictionary(s => s.Name, StringComparer.Ordinal);
        foreach (var expected in expectedServices ?? [])
            if (!services.ContainsKey(expected))
                services[expected] = new ServiceReport(expected, "", ServiceStatus.Failed).WithReason(MissingReason);

        var timed = all.Where(r => r.StartedAt != default).ToList();
        var started = timed.Count == 0 ? default : timed.Min(r => r.StartedAt);
        var ended = timed.Count == 0 ? default : timed.Max(r => r.StartedAt.AddMilliseconds(r.DurationMs));
        return new BuildReport(services.Values.OrderBy(s => s.Name, StringComparer.Ordinal).ToList())
        {
            StartedAt = started,
            DurationMs = timed.Count == 0 ? 0 : (long)(ended - started).TotalMilliseconds,
            // The matrix jobs of one pipeline build one commit; reports of different commits name none.
            Commit = all.Select(r => r.Commit).Distinct().ToList() is [var only] ? only : null,
        };
    }

    static int Rank(ServiceReport s) => s.Status switch
    {
        ServiceStatus.Skipped => 0,
        ServiceStatus.Cancelled => 1,
        ServiceStatus.Built => 2,
        _ => 3,
    };
}
