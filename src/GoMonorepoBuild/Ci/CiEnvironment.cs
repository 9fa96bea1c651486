using GoMonorepoBuild.Reports;
using GoMonorepoBuild.Targets;

namespace GoMonorepoBuild.Ci;

/// <summary>
/// The CI the build runs in and what it offers the build: step outputs, a job summary, collapsible log groups and
/// annotations. Outside a CI every member is a no-op, so callers never test the kind themselves:
/// <c>var ci = CiEnvironment.Detect(); ci.BeginGroup("orders"); ...; ci.ReportBuild(report);</c>
/// </summary>
public abstract class CiEnvironment(TextWriter log)
{
    /// <summary>Where group markers and annotations go: the job log (standard output).</summary>
    protected TextWriter Log { get; } = log;

    public abstract CiKind Kind { get; }

    public bool IsCi => Kind != CiKind.None;

    /// <summary>The CI of this process, from its environment variables; markers go to standard output.</summary>
    public static CiEnvironment Detect() => Detect(RunContext.OfProcess().Environment, Console.Out);

    /// <summary>
    /// The CI described by <paramref name="environment"/>: GitHub Actions (<c>GITHUB_ACTIONS=true</c>), GitLab CI
    /// (<c>GITLAB_CI=true</c>), another CI (<c>CI</c> set and not false), else none.
    /// </summary>
    public static CiEnvironment Detect(IReadOnlyDictionary<string, string?> environment, TextWriter? log = null)
    {
        log ??= Console.Out;
        string? Get(string name) => environment.TryGetValue(name, out var value) ? value : null;
        if (IsTrue(Get("GITHUB_ACTIONS")))
            return new GitHubActions(log, Get("GITHUB_OUTPUT"), Get("GITHUB_STEP_SUMMARY"));
        if (IsTrue(Get("GITLAB_CI")))
            return new GitLabCi(log, TimeProvider.System);
        return CiVariable.IsSet(Get(CiVariable.Name))
            ? new NoCiFeatures(CiKind.Generic, log)
            : new NoCiFeatures(CiKind.None, log);
    }

    /// <summary>Sets step outputs (GitHub: <c>$GITHUB_OUTPUT</c>, multi-line values included); elsewhere nothing.</summary>
    public virtual void WriteOutputs(IEnumerable<KeyValuePair<string, string>> outputs) { }

    /// <summary>Appends Markdown to the job's summary page (GitHub: <c>$GITHUB_STEP_SUMMARY</c>); elsewhere nothing.</summary>
    public virtual void AppendJobSummary(string markdown) { }

    /// <summary>Starts a collapsible section of the log; pair with <see cref="EndGroup"/>, or use <see cref="Group"/>.</summary>
    public virtual void BeginGroup(string title) { }

    public virtual void EndGroup() { }

    /// <summary>A collapsible section until disposed: <c>using (ci.Group("orders")) { ... }</c>.</summary>
    public IDisposable Group(string title)
    {
        BeginGroup(title);
        return new GroupScope(this);
    }

    /// <summary>A message CI shows on the run (and the pull request) rather than only in the log; <paramref name="service"/> is its title.</summary>
    public virtual void Annotate(AnnotationLevel level, string? service, string message) { }

    /// <summary>
    /// What a finished BuildChanged (or MergeReports) tells CI: an error annotation per failed service and the
    /// Markdown report in the job summary.
    /// </summary>
    public void ReportBuild(BuildReport report)
    {
        foreach (var failed in report.Services.Where(s => s.Status == ServiceStatus.Failed))
            Annotate(AnnotationLevel.Error, failed.Name,
                $"{failed.Name} failed: {failed.Reason}" + (failed.LogFile is null ? "" : $" (log: {failed.LogFile})"));
        AppendJobSummary(BuildReportMarkdown.Render(report));
    }

    static bool IsTrue(string? value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);


    sealed class GroupScope(CiEnvironment ci) : IDisposable
    {
        bool ended;

        public void Dispose()
        {
            if (ended) return;
            ended = true;
            ci.EndGroup();
        }
    }
}
