using System.Collections.Concurrent;
using System.Diagnostics;
using GoMonorepoBuild.Building;
using GoMonorepoBuild.Buildx;
using GoMonorepoBuild.Reports;
using GoMonorepoBuild.Targets;
using Spectre.Console;

namespace GoMonorepoBuild.Pipeline.ChangedBuild;

/// <summary>
/// BuildChanged as one object: decide which services to build, generate their Dockerfiles and contexts, build them
/// side by side (bounded, retried, --fail-fast), and report every selected service, also when a Ctrl-C or a hard stop
/// ends the run early. The rules are <see cref="BuildDecisions"/> and <see cref="ServiceRows"/>; this is their order.
/// </summary>
public sealed class ChangedBuildPipeline(ChangedBuildInputs inputs, ChangedBuildStages stages)
{
    /// <summary>
    /// Runs the pipeline. Returns the outcome (its <see cref="ChangedBuildOutcome.Failure"/> says why the run fails);
    /// throws <see cref="OperationCanceledException"/> after writing the report when <paramref name="ct"/> is cancelled.
    /// </summary>
    public async Task<ChangedBuildOutcome> RunAsync(CancellationToken ct)
    {
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var settings = inputs.Settings;
        var reportFiles = inputs.ReportFiles;
        // The report's first-use cost, paid while the decisions wait on git and the engine (issue 19).
        _ = ReportWarmUp.Start();
        // Read before this run replaces it: time saved and what changed are measured against it.
        var (previous, previousProblem) = inputs.PreviousRead is { } read ? await read : PreviousReport.Read(reportFiles);
        if (previousProblem is not null) Log.Warning(previousProblem);
        // A tag that cannot be made valid fails the run here, before any service builds.
        ImageTags.For(settings.Registry, "check", settings.Tags, settings.Branch);
        _ = stages.Prefetch()?.Start(ct);
        var decided = await stages.Decide(ct);
        var scope = await stages.Scope(ct);
        Log.Debug($"Decided in {clock.ElapsedMilliseconds} ms");
        var toBuild = decided.Where(d => d.Build).ToList();
        // What a hard stop (a second Ctrl-C) writes if this run cannot end by itself in time: the rows so far.
        var finished = new ConcurrentDictionary<string, ServiceReport>(StringComparer.Ordinal);
        var running = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var reportGate = new Lock();
        (BuildReport Report, IReadOnlyList<string> Written)? written = null;
        using var record = HardStop.OfProcess.OnRecord(() => WriteReport(toBuild.ToDictionary(d => d.Service.Name,
            d => finished.TryGetValue(d.Service.Name, out var row) ? row : ServiceRows.HardStopped(d.Service, running.ContainsKey(d.Service.Name)),
            StringComparer.Ordinal)));
        try
        {
            await stages.Generate(toBuild.Select(d => d.Service), ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Staging stops at a Ctrl-C; the scheduler below then reports each service "cancelled before it started".
        }
        Log.Debug($"Dockerfiles and contexts staged at {clock.ElapsedMilliseconds} ms");
        var scheduler = settings.Scheduler;
        if (toBuild.Count > 0)
        {
            await stages.BeforeBuilds(ct);
            Log.Information($"Building {toBuild.Count} service(s), up to {scheduler.Parallelism} at a time; logs in {Path.GetRelativePath(inputs.RootDirectory, settings.LogsDirectory)}");
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
                                await BuildServiceAsync(decision, progress, previous?.Find(decision.Service.Name), token);
                        }
                        catch (Exception e) when (!token.IsCancellationRequested)
                        {
                            // One service's unexpected error is that service's failure; the others build on.
                            var failedRow = ServiceRows.FailedBy(decision.Service, e);
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
                    JobEnd.Faulted => ServiceRows.FailedBy(result.Item.Service, result.Error!),
                    _ => ServiceRows.Stopped(result.Item.Service, result.End, ct.IsCancellationRequested, firstFailure),
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
                if (written is not null) return;
                var reported = decided.Select(d => ServiceRows.Described(rows.TryGetValue(d.Service.Name, out var row) ? row
                    : ServiceRows.Unbuilt(d.Service, d.Build, d.Reason, scope.OnlyNamesServices, previous?.Find(d.Service.Name)),
                    d.AffectedBecause, d.InputHash)).ToList();
                reported.AddRange(scope.OtherRows);
                var report = new BuildReport(reported)
                {
                    StartedAt = started, DurationMs = clock.ElapsedMilliseconds, Commit = inputs.Head?.Sha,
                };
                written = (report, Report(report));
                stages.Reported(report);
            }
        }

        ct.ThrowIfCancellationRequested();
        // Also after failures: what the other services compiled is worth carrying.
        if (toBuild.Count > 0)
            await stages.AfterBuilds(ct);
        var (final, files) = written!.Value;
        return new ChangedBuildOutcome(final, files, BuildFailures.Describe(final, scope.Unbuildable));
    }

    /// <summary>
    /// Writes the report everywhere it goes and prints its table; returns the files written, all of them complete.
    /// The files are written on the pool while the table is rendered: both are mostly first-use cost (the serializer,
    /// the HTML page, Spectre.Console), which two cores pay side by side (issue 19).
    /// </summary>
    IReadOnlyList<string> Report(BuildReport report)
    {
        var copy = inputs.ReportCopy is null ? null : Path.GetFullPath(inputs.ReportCopy, inputs.RootDirectory);
        var files = Task.Run(() => inputs.MarkdownReportFile is { } markdown
            ? inputs.ReportFiles.Write(report, copy, markdown)
            : inputs.ReportFiles.Write(report, copy));
        Log.Write(BuildReportTable.Render(report));
        var written = files.GetAwaiter().GetResult();
        Log.Information($"Report: {string.Join(", ", written.Select(f => Path.GetRelativePath(inputs.RootDirectory, f)))}");
        inputs.Ci?.ReportBuild(report);
        return written;
    }

    /// <summary>Live lines per service on a terminal; plain lines in CI (CI=true), when output is redirected, or in tests.</summary>
    static Task<T> WithProgressAsync<T>(IReadOnlyList<string> services, Func<IBuildProgress, Task<T>> body)
    {
        var live = services.Count > 0 && !Log.Plain && AnsiConsole.Profile.Capabilities.Interactive;
        return live
            ? LiveBuildProgress.RunAsync(AnsiConsole.Console, services, body)
            : body(new PlainBuildProgress(Log.Information));
    }

    async Task<ServiceReport> BuildServiceAsync(BuildDecision decision, IBuildProgress progress, ServiceReport? previous, CancellationToken ct)
    {
        var service = decision.Service;
        var context = stages.ContextOf(service);
        var image = ServiceImageBuild.For(service.Name, decision.InputHash, context.Dockerfile, context.Context, inputs.Settings, inputs.Head);
        progress.Started(service.Name, image.Tags[0]);
        var (outcome, attempts) = await inputs.Settings.Retries.RunAsync(
            (_, token) => inputs.Driver.BuildAsync(image.Build, step => progress.StepStarted(service.Name, step), token),
            ServiceImageBuild.TransientError,
            (attempt, why) =>
            {
                image.KeepFailedAttemptLog(attempt);
                progress.Retrying(service.Name, attempt, why);
            },
            ct);
        if (outcome.Succeeded) stages.Built(decision, outcome);
        var row = ServiceRows.FromOutcome(service, decision.Reason, outcome, attempts, image.Tags,
            Path.GetRelativePath(inputs.RootDirectory, image.LogFile));
        row = CacheAnalysis.Apply(row, BuildxSteps.ToRecords(outcome.Steps), stages.InputDigestsOf(service, context.Dockerfile), previous);
        progress.Finished(row);
        return row;
    }
}
