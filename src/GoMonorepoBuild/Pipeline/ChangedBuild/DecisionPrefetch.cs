using GoMonorepoBuild.Engine;
using GoMonorepoBuild.Workspace.Services;

namespace GoMonorepoBuild.Pipeline.ChangedBuild;

/// <summary>
/// The decide stage's head start: what the input hashes will ask for, started in the background as soon as the work
/// tree's model is loaded (the affected analysis loads it alongside git's comparison of revisions): the builder image of
/// each Go version the selected services use (and, the facade's part, its identity), and each service's sources scanned
/// for what its hash reads. Nothing here logs or fails the run: a failure is the hash's to report, where it asks again.
/// </summary>
/// <param name="Services">The selected buildable services, once the model is loaded; null when it did not load (nothing is started).</param>
/// <param name="Builder">Starts resolving the builder of a Go minor version ("1.23"); awaited one version after the other.</param>
/// <param name="Scan">Reads what a service's input hash will read of its sources (file reads, no log).</param>
public sealed record DecisionPrefetch(
    Func<CancellationToken, Task<IReadOnlyList<GoService>?>> Services,
    Func<string, CancellationToken, Task> Builder,
    Action<GoService> Scan)
{
    /// <summary>Starts the head start in the background and returns at once (the task is for a test to wait on; the pipeline does not).</summary>
    public Task Start(CancellationToken cancellationToken) => Task.Run(async () =>
    {
        if (await Services(cancellationToken) is not { } services) return;
        var versions = services.Select(s => GoVersions.Minor(s.GoVersion) ?? GoVersions.Fallback).Distinct(StringComparer.Ordinal).ToList();
        // The scan warms alongside the builders; the hash's options then find it done.
        var scanned = Task.Run(() => Parallel.ForEach(services, new ParallelOptions { CancellationToken = cancellationToken }, Scan), cancellationToken);
        foreach (var version in versions)
            await Builder(version, cancellationToken);
        await scanned;
    }, cancellationToken);
}
