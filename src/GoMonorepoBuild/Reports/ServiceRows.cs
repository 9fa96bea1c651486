using GoMonorepoBuild.Affected;
using GoMonorepoBuild.Building;
using GoMonorepoBuild.Buildx;
using GoMonorepoBuild.Dockerfiles;
using GoMonorepoBuild.Inputs;
using GoMonorepoBuild.Targets;
using GoMonorepoBuild.Workspace.Services;

namespace GoMonorepoBuild.Reports;

/// <summary>
/// The status rules of BuildChanged's report: which row (status and reason) each service gets from what became of it —
/// built or failed by its outcome, threw, stopped by Ctrl-C or --fail-fast, never started, skipped, blocked, or left
/// out by a sparse checkout. Pure, so each rule is tested without an engine.
/// </summary>
public static class ServiceRows
{
    /// <summary>A row with a status and a reason.</summary>
    public static ServiceReport Of(GoService service, ServiceStatus status, string reason) =>
        new ServiceReport(service.Name, service.Path, status).WithReason(reason);

    /// <summary>
    /// The row of a build that ended with an outcome: built (with the decision's reason) or failed (with why), its
    /// steps, timings, image, tags, digest and log.
    /// </summary>
    public static ServiceReport FromOutcome(
        GoService service, string decisionReason, BuildOutcome outcome, int attempts, IReadOnlyList<string> tags, string logFile) =>
        Of(service, outcome.Succeeded ? ServiceStatus.Built : ServiceStatus.Failed,
            outcome.Succeeded ? decisionReason : WhyFailed(outcome, service)) with
        {
            Steps = new StepCounts(outcome.TotalSteps, outcome.CachedSteps),
            DurationMs = (long)outcome.Duration.TotalMilliseconds,
            ImageSizeBytes = outcome.ImageSize,
            Image = tags[0],
            Tags = tags,
            Digest = outcome.Metadata.ImageDigest,
            LogFile = logFile,
            ErrorTail = outcome.Succeeded ? null : outcome.LogTail,
            Attempts = attempts,
        };

    /// <summary>
    /// Go's first error line when a Go step failed (its file relative to the monorepo when the Dockerfile is ours, so
    /// <c>services/orders/main.go:12:5: undefined: x</c>), else buildx's error.
    /// </summary>
    public static string WhyFailed(BuildOutcome outcome, GoService service) => outcome.GoError is { } go
        ? service.Dockerfile is null ? GoErrorLine.InMonorepo(go, service.Path, DockerfileGenerator.WorkDir) : go
        : outcome.Error ?? "the build failed";

    /// <summary>The row of a service whose build threw instead of ending with an outcome (a defect or an I/O error).</summary>
    public static ServiceReport FailedBy(GoService service, Exception e) =>
        Of(service, ServiceStatus.Failed, "the build of this service stopped with an error: " + ExceptionText.Describe(e, verbose: false)) with
        {
            ErrorTail = e.ToString(),
        };

    /// <summary>The row of a build the scheduler did not let finish: by Ctrl-C, or by --fail-fast after <paramref name="firstFailure"/>.</summary>
    public static ServiceReport Stopped(GoService service, JobEnd end, bool cancelled, string? firstFailure) =>
        Of(service, ServiceStatus.Cancelled, WhyStopped(end, cancelled, firstFailure));

    /// <summary>Why a build did not finish, in the report's words.</summary>
    public static string WhyStopped(JobEnd end, bool cancelled, string? firstFailure) => (end, cancelled) switch
    {
        (JobEnd.StoppedWhileRunning, true) => "cancelled while building",
        (_, true) => "cancelled before it started",
        (JobEnd.StoppedWhileRunning, false) => $"stopped by --fail-fast: {firstFailure} failed",
        _ => $"not started: --fail-fast after {firstFailure} failed",
    };

    /// <summary>The row a hard stop (a second Ctrl-C) writes for a build that had not finished.</summary>
    public static ServiceReport HardStopped(GoService service, bool running) =>
        Of(service, ServiceStatus.Cancelled, running ? "cancelled while building" : "cancelled before it started");

    /// <summary>
    /// The row of a decided service no build row exists for: one to build is "cancelled" (the run stopped first); one
    /// skipped keeps its decision's reason, and fails when --only named it though it has no main package. Either
    /// carries the previous run's steps over.
    /// </summary>
    public static ServiceReport Unbuilt(GoService service, bool build, string reason, bool onlyNamesServices, ServiceReport? previous) =>
        CacheAnalysis.CarryOver(build ? Of(service, ServiceStatus.Cancelled, "cancelled")
            : Of(service, onlyNamesServices && !service.IsBuildable ? ServiceStatus.Failed : ServiceStatus.Skipped, reason), previous);

    /// <summary>The decision's git chain and input hash on the service's row, whatever became of it.</summary>
    public static ServiceReport Described(ServiceReport row, IReadOnlyList<string> affectedBecause, ServiceInputHash? inputHash) =>
        row.WithAffectedBecause(affectedBecause) with { InputHash = inputHash?.Value ?? row.InputHash };

    /// <summary>
    /// The row of a service a problem blocks: failed when this run would have to build it (the changes may reach it, it
    /// was named by --only, or no analysis ran), so the run exits non-zero; skipped when the changes do not reach it.
    /// </summary>
    public static ServiceReport Blocked(BlockedService blocked, bool namedByOnly, AffectedResult? analysis)
    {
        var analysed = analysis?.BlockedServices.FirstOrDefault(b => b.Path == blocked.Path);
        var failed = namedByOnly || analysed is null || analysed.Affected;
        return new ServiceReport(blocked.Name, blocked.Path, failed ? ServiceStatus.Failed : ServiceStatus.Skipped)
            .WithReason($"blocked: {blocked.Problem}" + (failed ? "" : " (the changes do not reach it, so it needs no build now)"));
    }

    /// <summary>
    /// The row of a service a sparse checkout left inputs of out: skipped, with what to add to the checkout; the run fails
    /// when the changes affect it (see <see cref="BuildFailures"/>), and the row says when they do not.
    /// </summary>
    public static ServiceReport NotCheckedOut(NotCheckedOutService service, AffectedResult? analysis) =>
        new ServiceReport(service.Name, service.Path, ServiceStatus.Skipped)
            .WithReason(BuildDecisions.NotCheckedOutReason(service, analysis));
}
