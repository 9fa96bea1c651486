using GoMonorepoBuild.Affected;
using GoMonorepoBuild.Pipeline.ChangedBuild;
using GoMonorepoBuild.Reports;
using GoMonorepoBuild.Targets;

namespace GoMonorepoBuild;

public abstract partial class MonorepoBuildCore
{
    Task<Held<AffectedResult>>? earlyAnalysis;
    Task<bool>? earlyModel;
    System.Diagnostics.Stopwatch? earlyClock;
    Task<PreviousReport>? previousReportRead;
    const int MinimumPoolThreads = 8;

    /// <summary>
    /// When BuildChanged runs right after EnsureEngine (nothing else before it that could read the model or log), its
    /// affected analysis (git and the model load), the index digests and the previous report's reading start now,
    /// alongside the engine probe: none needs the engine. The analysis's log is held until BuildChanged's decisions ask
    /// for it, so the run's log reads as without the overlap; its error is BuildChanged's, or, when the engine fails too,
    /// reported beside the engine's.
    /// </summary>
    protected override void OnPlanned(IReadOnlyList<string> targets)
    {
        var buildChanged = targets.ToList().IndexOf(nameof(IBuildChanged.BuildChanged));
        if (buildChanged < 0 || targets.Take(buildChanged).Any(t => t != nameof(IEnsureEngine.EnsureEngine))) return;
        // The previous report is read now, before anything can replace it (the run lock is held), beside the engine probe.
        previousReportRead = Task.Run(() => PreviousReport.Read(ReportFiles.Under(RootDirectory)));
        // A build deciding by rules of its own may not ask for the analysis: its held log would never be written.
        if (DecidesByOwnRules) return;
        // Opened here, on the run's thread, so the analysis and the targets share the one handle.
        if (!Directory.Exists(MonorepoDirectory) || !Git.Exists) return;
        var cancellation = Run.Cancellation;
        // What starts here blocks pool threads side by side (git's diff, the model's file reads, the index digests, the
        // report's read, then the probe's continuation): at the pool's default minimum (the core count) the model load
        // waited 0.2-0.5 s for the pool to add a thread (measured at 498 services, issue 19).
        ThreadPool.GetMinThreads(out var workers, out var completions);
        ThreadPool.SetMinThreads(Math.Max(workers, MinimumPoolThreads), completions);
        earlyClock = System.Diagnostics.Stopwatch.StartNew();
        var modelLoaded = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        earlyModel = modelLoaded.Task;
        // Resolved before the digests start: their status walk holds the repository, and the analysis's request (which
        // names the build's own files by their place in the work tree) would wait for it, and the model load with it.
        try
        {
            _ = Git.WorkingDirectory;
        }
        catch (LibGit2Sharp.LibGit2SharpException)
        {
            // A repository that does not open is the analysis's error to report, where it opens it.
        }
        ReadDigestsAsync(cancellation);
        earlyAnalysis = HeldLog.Start(async () =>
        {
            try
            {
                return await new AffectedAnalysis().RunAsync(AffectedRequestFor(), Git, () =>
                {
                    var model = Workspace;
                    modelLoaded.TrySetResult(true);
                    return model;
                }, cancellation);
            }
            finally
            {
                modelLoaded.TrySetResult(false);
            }
        });
    }

    /// <summary>
    /// The engine failed while the analysis ran alongside: the engine's error stays the run's failure (its message and
    /// exit code unchanged) and is written last; what the analysis found is written first (a broken go.mod it warned of,
    /// its own error), so fixing the engine does not reveal it only on the next run.
    /// </summary>
    async Task ReportEarlyAnalysisAsync()
    {
        if (earlyAnalysis is null) return;
        var analysis = await earlyAnalysis;
        try
        {
            analysis.Replay();
        }
        catch (OperationCanceledException)
        {
            // Cancelled with the run: the run says so.
        }
        catch (Exception e)
        {
            Log.Error($"BuildChanged's affected analysis, run alongside the engine probe, failed too: {ExceptionText.Describe(e, Log.IsVerbose)}");
        }
    }

    Task? digestsRead;

    /// <summary>Starts reading the index digests once per run, on the pool (git's index read does not log).</summary>
    Task ReadDigestsAsync(CancellationToken cancellationToken) => digestsRead ??= Task.Run(() => FileDigests, cancellationToken);
}
