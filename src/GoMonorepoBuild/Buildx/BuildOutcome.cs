using GoMonorepoBuild.Engine.Api;

namespace GoMonorepoBuild.Buildx;

/// <summary>
/// How a service's build went. A failed build is an outcome, not an exception: <see cref="Error"/> and
/// <see cref="LogTail"/> say why. Step counts follow <see cref="BuildStep.IsInstruction"/>: internal vertices are in
/// <see cref="Steps"/> but never counted.
/// </summary>
public sealed record BuildOutcome(
    string Service,
    bool Succeeded,
    IReadOnlyList<BuildStep> Steps,
    TimeSpan Duration,
    BuildMetadata Metadata,
    long? ImageSize,
    string? LogFile,
    string LogTail,
    string? Error)
{
    public bool Failed => !Succeeded;

    /// <summary>
    /// When a Go step failed: the first error line Go printed in it (<c>./main.go:3:15: undefined: x</c>, or
    /// <c>go: ...</c>), as printed, relative to the folder the step ran in. <see cref="Error"/> is buildx's own line.
    /// </summary>
    public string? GoError { get; init; }

    /// <summary>
    /// The loaded image as the engine showed it right after the build (asked by its first tag, as for
    /// <see cref="ImageSize"/>); null when the build did not load it or the engine could not say.
    /// </summary>
    public ImageFacts? LoadedImage { get; init; }

    public IEnumerable<BuildStep> CountedSteps => Steps.Where(s => !s.Internal);

    public int TotalSteps => CountedSteps.Count();

    public int CachedSteps => CountedSteps.Count(s => s.Cached);

    /// <summary>Counted steps that were not cached: they ran (or failed, or never finished).</summary>
    public int RunSteps => TotalSteps - CachedSteps;

    /// <summary>The first counted step that was not cached: where the cache stopped helping.</summary>
    public BuildStep? FirstMissedStep => CountedSteps.FirstOrDefault(s => !s.Cached);

    public bool FullyCached => Succeeded && TotalSteps > 0 && RunSteps == 0;
}
