using GoMonorepoBuild.Reports;
using GoMonorepoBuild.Workspace.Services;

namespace GoMonorepoBuild.Pipeline.ChangedBuild;

/// <summary>
/// The stages a BuildChanged run calls, in order — decide, generate, build, report — as the facade wires them to its
/// targets (a build may override how it decides), each an explicit input so a test drives the real pipeline with its own.
/// </summary>
public sealed record ChangedBuildStages(
    Func<CancellationToken, Task<IReadOnlyList<BuildDecision>>> Decide,
    Func<CancellationToken, Task<ChangedBuildScope>> Scope,
    Func<IEnumerable<GoService>, CancellationToken, Task> Generate,
    Func<GoService, ServiceContext> ContextOf,
    Func<GoService, string, IReadOnlyDictionary<string, string>> InputDigestsOf)
{
    /// <summary>
    /// Asked right before <see cref="Decide"/>: the head start of the decisions, started then (null: none, e.g. when the
    /// analysis does not load the work tree's model at once).
    /// </summary>
    public Func<DecisionPrefetch?> Prefetch { get; init; } = () => null;

    /// <summary>Runs before the first build (seeding the Go caches).</summary>
    public Func<CancellationToken, Task> BeforeBuilds { get; init; } = _ => Task.CompletedTask;

    /// <summary>
    /// Told each service whose build succeeded, with its outcome (the last attempt's), as it ends: not a failed or
    /// cancelled build. Whether it loaded its image is the outcome's to say (<see cref="Buildx.BuildOutcome.LoadedImage"/>).
    /// </summary>
    public Action<BuildDecision, Buildx.BuildOutcome> Built { get; init; } = (_, _) => { };

    /// <summary>Runs after the builds, also after failures (exporting the Go caches, remembering the images built).</summary>
    public Func<CancellationToken, Task> AfterBuilds { get; init; } = _ => Task.CompletedTask;

    /// <summary>Told the report once it is written (also when the run is then cancelled).</summary>
    public Action<BuildReport> Reported { get; init; } = _ => { };
}

/// <summary>The Dockerfile a service builds from and its build context folder.</summary>
public sealed record ServiceContext(string Dockerfile, string Context);
