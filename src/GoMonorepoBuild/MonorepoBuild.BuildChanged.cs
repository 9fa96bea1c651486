using System.Collections.Concurrent;
using System.Diagnostics;
using GoMonorepoBuild.Building;
using GoMonorepoBuild.Buildx;
using GoMonorepoBuild.Changes;
using GoMonorepoBuild.Dockerfiles;
using GoMonorepoBuild.Reports;
using GoMonorepoBuild.Targets;
using GoMonorepoBuild.Workspace.Services;
using Spectre.Console;

namespace GoMonorepoBuild;

public abstract partial class MonorepoBuild
{
    [Parameter("Image name prefix: images are <registry>/<service>:<commit> (default: gomonorepobuild)")]
    public string Registry { get; set; } = "gomonorepobuild";

    [Parameter("A buildx builder to build with, e.g. a remote BuildKit or Kubernetes builder (default: the engine's own)")]
    public string? Builder { get; set; }

    [Parameter("How many services build at once (default: the processor count)")]
    public int? Parallelism { get; set; }

    [Parameter("Stop every build as soon as one service fails (default: keep building the others)")]
    public bool FailFast { get; set; }

    [Parameter("How often a build failing for a transient engine or registry error is retried (default: 2)")]
    public int Retries { get; set; } = RetryPolicy.DefaultRetries;

    [Parameter("Target platforms, e.g. linux/amd64,linux/arm64 (default: the engine's own)")]
    public string[] Platform { get; set; } = [];

    [Parameter("Push the images to --registry instead of loading them into the engine")]
    public bool Push { get; set; }

    [Parameter("Extra image tags besides the commit, e.g. latest,{branch} (default: latest)")]
    public string[] Tags { get; set; } = ["latest"];

    [Parameter("Layer cache import/export per service: None, Local, Registry, Gha or Inline (default: None, the engine's own cache)")]
    public CacheBackend Cache { get; set; } = CacheBackend.None;

    [Parameter("--cache local: the folder holding one cache folder per service (default: .nuke/temp/buildx-cache)")]
    public string? CacheDir { get; set; }

    [Parameter("--cache registry: the cache repository prefix (default: --registry; caches are <prefix>/<service>:buildcache); --cache gha: the scope prefix")]
    public string? CacheRef { get; set; }

    [Parameter("Also write the build report JSON to this path (it is always at .nuke/temp/reports/build-report.json)", Name = "Report")]
    public string? ReportCopy { get; set; }

    /// <summary>The build report BuildChanged wrote, when it has run.</summary>
    public BuildReport? Report { get; private set; }

    public string ReportFile => Path.Combine(RootDirectory, BuildReportJson.DefaultRelativePath);
    public string LogsDirectory => Path.Combine(TemporaryDirectory, "logs");

    /// <summary>The cache arguments of every service's build, from --cache, --cache-dir and --cache-ref.</summary>
    public BuildCache BuildCache => new BuildCache(Cache)
        .WithFolder(Path.GetFullPath(CacheDir ?? Path.Combine(TemporaryDirectory, "buildx-cache"), RootDirectory))
        .WithReference(CacheRef ?? (Cache == CacheBackend.Registry ? Registry : null));

    public virtual Target BuildChanged => _ => _
        .Description("Build the images of the selected services side by side and report, per service, what the cache did")
        .DependsOn(EnsureEngine)
        .Executes(async ct =>
        {
            var started = DateTimeOffset.UtcNow;
            var clock = Stopwatch.StartNew();
            var head = GitHead.Find(MonorepoDirectory);
            var reportFiles = ReportFiles.Under(RootDirectory);
            // Read before this run replaces it: time saved and what changed are measured against it.
            var previous = reportFiles.ReadPrevious(out var previousProblem);
            if (previousProblem is not null) Log.Warning(previousProblem);
            var branch = Tags.Any(t => t.Contains(ImageTags.BranchPlaceholder)) ? GitBranch.Current(MonorepoDirectory) : null;
            // A tag that cannot be made valid fails the run here, before any service builds.
            ImageTags.For(Registry, "check", Tags, branch);
            var decided = await DecisionsAsync(ct);
            var leftOut = Selected(await NotCheckedOutServicesAsync(ct));
            Log.Debug($"Decided in {clock.ElapsedMilliseconds} ms");
            var toBuild = decided.Where(d => d.Build).ToList();
            // What a hard stop (a second Ctrl-C) writes if this target cannot end by itself in time: the rows so far.
            var finished = new ConcurrentDictionary<string, ServiceReport>(StringComparer.Ordinal);
            var running = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
            var reportGate = new Lock();
            var reportWritten = false;
            using var record = HardStop.OfProcess.OnRecord(() => WriteReport(toBuild.ToDictionary(d => d.Service.Name,
                d => finished.TryGetValue(d.Service.Name, out var row) ? row
                    : Row(d.Service, ServiceStatus.Cancelled, running.ContainsKey(d.Service.Name) ? "cancelled while building" : "cancelled before it started"),
                StringComparer.Ordinal)));
            try
            {
                await GenerateAsync(toBuild.Select(d => d.Service), ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Staging stops at a Ctrl-C; the scheduler below then reports each service "cancelled before it started".
            }
            Log.Debug($"Dockerfiles and contexts staged at {clock.ElapsedMilliseconds} ms");
            var scheduler = new BoundedScheduler(Parallelism ?? BoundedScheduler.DefaultParallelism, FailFast);
            var retries = RetryPolicy.Default.WithRetries(Retries);
            if (toBuild.Count > 0)
            {
                await SeedGoCacheAsync(ct);
                Log.Information($"Building {toBuild.Count} service(s), up to {scheduler.Parallelism} at a time; logs in {Path.GetRelativePath(RootDirectory, LogsDirectory)}");
            }

            var built = new Dictionary<string, ServiceReport>(StringComparer.Ordinal);
            try
            {
                var results = await WithProgressAsync(toBuild.Select(d => d.Service.Name).ToList(), progress =>
                    scheduler.RunAsync(toBuild,
                        async (decision, token) =>
                        {
                            running[decision.Service.Name] = true;
                            try
                            {
                                return finished[decision.Service.Name] =
                                    await BuildServiceAsync(decision, head, branch, retries, progress, previous?.Find(decision.Service.Name), token);
                            }
                            catch (Exception e) when (!token.IsCancellationRequested)
                            {
                                // One service's unexpected error is that service's failure; the others build on.
                                var failedRow = FailedBy(decision.Service, e);
                                progress.Finished(failedRow);
                                return finished[decision.Service.Name] = failedRow;
                            }
                        },
                        row => row.Status == ServiceStatus.Failed,
                        ct));
                var firstFailure = results.FirstOrDefault(r => r.Result?.Status == ServiceStatus.Failed || r.End == JobEnd.Faulted)?.Item.Service.Name;
                foreach (var result in results)
                    built[result.Item.Service.Name] = result.End switch
                    {
                        JobEnd.Completed => result.Result!,
                        JobEnd.Faulted => FailedBy(result.Item.Service, result.Error!),
                        _ => Row(result.Item.Service, ServiceStatus.Cancelled, WhyStopped(result.End, ct, firstFailure)),
                    };
            }
            finally
            {
                Log.Debug($"Builds ended at {clock.ElapsedMilliseconds} ms");
                WriteReport(built);
            }

            // Once, by whichever comes first: the end of the builds, or a hard stop that would not wait for it.
            void WriteReport(IReadOnlyDictionary<string, ServiceReport> rows)
            {
                lock (reportGate)
                {
                    if (reportWritten) return;
                    reportWritten = true;
                    var reported = decided.Select(d => Described(d, rows.TryGetValue(d.Service.Name, out var row) ? row
                        : CacheAnalysis.CarryOver(d.Build ? Row(d.Service, ServiceStatus.Cancelled, "cancelled")
                            : Row(d.Service, Only.Length > 0 && !d.Service.IsBuildable ? ServiceStatus.Failed : ServiceStatus.Skipped, d.Reason),
                            previous?.Find(d.Service.Name)))).ToList();
                    reported.AddRange(SelectedBlockedServices().Select(b => leftOut.FirstOrDefault(n => n.Name == b.Name) is { } n
                        ? NotCheckedOutRow(n) : BlockedRow(b)));
                    // Affected services wholly outside the checkout have no folder here, yet must not go unmentioned.
                    reported.AddRange(leftOut.Where(n => Workspace.Service(n.Name) is null && Workspace.Blocked(n.Name) is null && IsAffected(n))
                        .Select(NotCheckedOutRow));
                    Report = new BuildReport(reported)
                    {
                        StartedAt = started, DurationMs = clock.ElapsedMilliseconds, Commit = head?.Sha,
                    };
                    var written = reportFiles.Write(Report, ReportCopy is null ? null : Path.GetFullPath(ReportCopy, RootDirectory)).ToList();
                    Directory.CreateDirectory(Path.GetDirectoryName(MarkdownReportFile)!);
                    File.WriteAllText(MarkdownReportFile, BuildReportMarkdown.Render(Report));
                    written.Add(MarkdownReportFile);
                    Log.Write(BuildReportTable.Render(Report));
                    Log.Information($"Report: {string.Join(", ", written.Select(f => Path.GetRelativePath(RootDirectory, f)))}");
                    CiEnvironment.ReportBuild(Report);
                }
            }

            ct.ThrowIfCancellationRequested();
            // Also after failures: what the other services compiled is worth carrying.
            if (toBuild.Count > 0)
                await ExportGoCacheAsync(ct);
            var report = Report!;
            var failed = report.Services.Where(r => r.Status == ServiceStatus.Failed).ToList();
            var stopped = report.Count(ServiceStatus.Cancelled);
            var unbuildable = leftOut.Where(IsAffected).ToList();
            var problems = new List<string>();
            if (failed.Count > 0)
                problems.Add($"{failed.Count} of {report.Services.Count} services failed" + (stopped > 0 ? $" ({stopped} stopped by --fail-fast)" : "") + ": " +
                    string.Join("; ", failed.Select(f => $"{f.Name} ({f.Reason}{(f.LogFile is null ? "" : $", log {f.LogFile}")})")));
            if (unbuildable.Count > 0)
                problems.Add($"{unbuildable.Count} affected service(s) cannot be built from this sparse checkout: " +
                    string.Join("; ", unbuildable.Select(n => $"{n.Name} ({n.Reason})")) +
                    "; add those folders to the checkout, or leave the services out with --only");
            if (problems.Count > 0) throw new Exception(string.Join(". ", problems));
        });

    /// <summary>The decision's git chain and input hash on the service's row, whatever became of it.</summary>
    static ServiceReport Described(BuildDecision decision, ServiceReport row) =>
        row.WithAffectedBecause(decision.AffectedBecause) with { InputHash = decision.InputHash?.Value ?? row.InputHash };

    static string WhyStopped(JobEnd end, CancellationToken ct, string? firstFailure) => (end, ct.IsCancellationRequested) switch
    {
        (JobEnd.StoppedWhileRunning, true) => "cancelled while building",
        (_, true) => "cancelled before it started",
        (JobEnd.StoppedWhileRunning, false) => $"stopped by --fail-fast: {firstFailure} failed",
        _ => $"not started: --fail-fast after {firstFailure} failed",
    };

    /// <summary>Live lines per service on a terminal; plain lines in CI (CI=true), when output is redirected, or in tests.</summary>
    Task<T> WithProgressAsync<T>(IReadOnlyList<string> services, Func<IBuildProgress, Task<T>> body)
    {
        var live = services.Count > 0 && !Log.Plain && AnsiConsole.Profile.Capabilities.Interactive;
        return live
            ? LiveBuildProgress.RunAsync(AnsiConsole.Console, services, body)
            : body(new PlainBuildProgress(Log.Information));
    }

    async Task<ServiceReport> BuildServiceAsync(
        BuildDecision decision, GitHead? head, string? branch, RetryPolicy retries, IBuildProgress progress, ServiceReport? previous,
        CancellationToken ct)
    {
        var service = decision.Service;
        var imageName = ImageName.FromServiceName(service.Name);
        var repository = $"{Registry.TrimEnd('/')}/{imageName}";
        var tags = ImageTags.For(repository, head?.ShortSha ?? "dev", Tags, branch).ToList();
        // The input-hash tag is how the next run finds that an image for these inputs exists already.
        if (decision.InputHash is { } hash) tags.Add($"{repository}:{hash.Tag}");
        var logFile = Path.Combine(LogsDirectory, imageName + ".log");
        // An own Dockerfile builds from the context the affected analysis and the input hash assumed.
        var (dockerfile, context) = OwnDockerfileOf(service) is { } own
            ? (Path.Combine(MonorepoDirectory, own.Dockerfile), Path.GetFullPath(Path.Combine(MonorepoDirectory, own.Context.Folder)))
            : (Generated[service.Name].DockerfilePath, Generated[service.Name].ContextDir);
        var (cacheFrom, cacheTo) = BuildCache.For(imageName, repository);

        var build = new BuildxBuild(imageName, dockerfile, context)
            .WithTags(tags)
            .WithLoad(!Push)
            .WithPush(Push)
            .WithPlatforms(Platform)
            .WithNetwork(Docker.BuildNetwork)
            .WithBuilder(Builder)
            .WithCacheFrom(cacheFrom)
            .WithCacheTo(cacheTo)
            .WithLogFile(logFile)
            .WithLabels(decision.InputHash is { } inputs ? [new(Inputs.ServiceInputHash.Label, inputs.Value)] : [])
            .WithMetadataFile(Path.Combine(TemporaryDirectory, "buildx", imageName + ".metadata.json"));
        if (head is not null)
            build = build
                .WithBuildArg("SOURCE_DATE_EPOCH", head.CommitTime.ToUnixTimeSeconds().ToString())
                .WithBuildArg("REVISION", head.Sha)
                .WithBuildArg("CREATED", head.CommitTime.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"));

        progress.Started(service.Name, tags[0]);
        var driver = new BuildxDriver(Docker);
        var (outcome, attempts) = await retries.RunAsync(
            (_, token) => driver.BuildAsync(build, step => progress.StepStarted(service.Name, step), token),
            o => o.Failed && TransientErrors.IsTransient(o.Error) ? o.Error : null,
            (attempt, why) =>
            {
                // The failed attempt's log stays next to the new one.
                File.Move(logFile, Path.ChangeExtension(logFile, $".attempt-{attempt - 1}.log"), overwrite: true);
                progress.Retrying(service.Name, attempt, why);
            },
            ct);
        var row = Row(service, outcome.Succeeded ? ServiceStatus.Built : ServiceStatus.Failed,
                outcome.Succeeded ? decision.Reason : WhyFailed(outcome, service)) with
            {
                Steps = new StepCounts(outcome.TotalSteps, outcome.CachedSteps),
                DurationMs = (long)outcome.Duration.TotalMilliseconds,
                ImageSizeBytes = outcome.ImageSize,
                Image = tags[0],
                Tags = tags,
                Digest = outcome.Metadata.ImageDigest,
                LogFile = Path.GetRelativePath(RootDirectory, logFile),
                ErrorTail = outcome.Succeeded ? null : outcome.LogTail,
                Attempts = attempts,
            };
        row = CacheAnalysis.Apply(row, BuildxSteps.ToRecords(outcome.Steps),
            InputDigests.From(FileDigests, ImageInputsOf(service), dockerfile), previous);
        progress.Finished(row);
        return row;
    }

    /// <summary>
    /// Go's first error line when a Go step failed (its file relative to the monorepo when the Dockerfile is ours, so
    /// <c>services/orders/main.go:12:5: undefined: x</c>), else buildx's error.
    /// </summary>
    static string WhyFailed(BuildOutcome outcome, GoService service) => outcome.GoError is { } go
        ? service.Dockerfile is null ? GoErrorLine.InMonorepo(go, service.Path, DockerfileGenerator.WorkDir) : go
        : outcome.Error ?? "the build failed";

    /// <summary>The row of a service whose build threw instead of ending with an outcome (a defect or an I/O error).</summary>
    static ServiceReport FailedBy(GoService service, Exception e) =>
        Row(service, ServiceStatus.Failed, "the build of this service stopped with an error: " + ExceptionText.Describe(e, verbose: false)) with
        {
            ErrorTail = e.ToString(),
        };

    /// <summary>
    /// The row of a service a problem blocks: failed when this run would have to build it (the changes may reach it, it
    /// was named by --only, or no analysis ran), so the run exits non-zero; skipped when the changes do not reach it.
    /// </summary>
    ServiceReport BlockedRow(Workspace.Services.BlockedService blocked)
    {
        var named = NamedByOnly(blocked.Name);
        var analysed = AffectedResult?.BlockedServices.FirstOrDefault(b => b.Path == blocked.Path);
        var failed = named || analysed is null || analysed.Affected;
        return new ServiceReport(blocked.Name, blocked.Path, failed ? ServiceStatus.Failed : ServiceStatus.Skipped)
            .WithReason($"blocked: {blocked.Problem}" + (failed ? "" : " (the changes do not reach it, so it needs no build now)"));
    }

    /// <summary>Whether the changes affect a service (every service when no analysis ran: nothing says otherwise).</summary>
    bool IsAffected(Affected.NotCheckedOutService service) => AffectedResult?.IsAffected(service.Name) ?? true;

    /// <summary>
    /// The row of a service a sparse checkout left inputs of out: skipped, with what to add to the checkout; the run fails
    /// when the changes affect it (see BuildChanged), and the row says when they do not.
    /// </summary>
    ServiceReport NotCheckedOutRow(Affected.NotCheckedOutService service) =>
        new ServiceReport(service.Name, service.Path, ServiceStatus.Skipped)
            .WithReason(NotCheckedOutReason(service, AffectedResult));

    static ServiceReport Row(GoService service, ServiceStatus status, string reason) =>
        new ServiceReport(service.Name, service.Path, status).WithReason(reason);
}
