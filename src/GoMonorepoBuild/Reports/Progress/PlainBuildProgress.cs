namespace GoMonorepoBuild.Reports;

/// <summary>
/// One line per event, prefixed with the service, for CI logs and pipes: lines of builds running side by side
/// interleave but each stands on its own. Steps are not shown (the per-service log has them).
/// </summary>
public sealed class PlainBuildProgress(Action<string> writeLine) : IBuildProgress
{
    public void Started(string service, string image) => writeLine($"{service}: building {image}");

    public void StepStarted(string service, string step) { }

    public void Retrying(string service, int attempt, string why) =>
        writeLine($"{service}: transient failure, retrying (attempt {attempt}): {why}");

    public void Finished(ServiceReport row) => writeLine(Describe(row));

    /// <summary>The one-line outcome of a service, as both displays end it.</summary>
    public static string Describe(ServiceReport row) => row.Status switch
    {
        ServiceStatus.Built =>
            $"{row.Name}: built in {BuildReportTable.Duration(row.DurationMs)}, {row.Steps.Cached}/{row.Steps.Total} steps cached" +
            (row.Attempts > 1 ? $" (attempt {row.Attempts})" : ""),
        ServiceStatus.Failed =>
            $"{row.Name}: FAILED ({row.Reason})" + (row.LogFile is null ? "" : $"; log {row.LogFile}") +
            (row.ErrorTail is { Length: > 0 } tail ? "\n" + tail : ""),
        ServiceStatus.Cancelled => $"{row.Name}: cancelled ({row.Reason})",
        _ => $"{row.Name}: skipped ({row.Reason})",
    };
}
