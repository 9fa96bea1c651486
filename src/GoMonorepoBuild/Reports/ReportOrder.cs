namespace GoMonorepoBuild.Reports;

/// <summary>The order a reader wants the services in: what failed first, then what was cancelled, built, skipped.</summary>
static class ReportOrder
{
    public static readonly ServiceStatus[] Groups = [ServiceStatus.Failed, ServiceStatus.Cancelled, ServiceStatus.Built, ServiceStatus.Skipped];

    /// <summary>The services of each group, in the order they were decided within it.</summary>
    public static IEnumerable<ServiceReport> Ordered(BuildReport report) =>
        Groups.SelectMany(g => report.Services.Where(s => s.Status == g));

    public static string Word(ServiceStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>A status readable without colour: a symbol and the word.</summary>
    public static string Label(ServiceStatus status) => status switch
    {
        ServiceStatus.Failed => "✖ failed",
        ServiceStatus.Cancelled => "◼ cancelled",
        ServiceStatus.Built => "✔ built",
        _ => "– skipped",
    };

    /// <summary>The service was (to be) built this run: it has steps, durations and a cache story.</summary>
    public static bool Attempted(ServiceReport s) => s.Status != ServiceStatus.Skipped && s.Steps.Total > 0;

    /// <summary>
    /// Time saved in words. Unknown when some steps were cached but no report ever saw them run (the engine's cache
    /// was warm before the first report): say so instead of a bare "unknown".
    /// </summary>
    public static string Saved(ServiceReport s) => s.TimeSavedMs is { } ms
        ? BuildReportTable.Duration(ms)
        : "not measured";

    public const string NotMeasuredWhy =
        "its cached steps were never seen running in a recorded build (the cache was warm before the first report), " +
        "so what they cost is not known; it is measured from the first build in which they run";
}
