using GoMonorepoBuild.Buildx;

namespace GoMonorepoBuild.GoCache;

/// <summary>What seeding did.</summary>
/// <param name="Seeded">The archive was unpacked into the cache mounts.</param>
/// <param name="Message">What was seeded, or why nothing was, naming the file: for the log.</param>
/// <param name="Outcome">The seed build, when one ran.</param>
public sealed record GoCacheSeedResult(bool Seeded, string Message, BuildOutcome? Outcome)
{
    /// <summary>Not seeded because nothing was carried yet: expected on a first run, so no warning.</summary>
    public bool NothingCarried { get; init; }
}
