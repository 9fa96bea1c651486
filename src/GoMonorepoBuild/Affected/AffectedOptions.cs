namespace GoMonorepoBuild.Affected;

/// <summary>How the planner maps files to services.</summary>
public sealed record AffectedOptions
{
    public static readonly AffectedOptions Default = new();

    public Granularity Granularity { get; init; } = Granularity.Package;

    public GlobalPatterns Globals { get; init; } = GlobalPatterns.Default;

    /// <summary>The user-owned Dockerfile of each service that has one (by service path): its context, copies and .dockerignore.</summary>
    public IReadOnlyDictionary<string, OwnDockerfile> OwnDockerfiles { get; init; } = new Dictionary<string, OwnDockerfile>();

    public AffectedOptions WithOwnDockerfiles(IReadOnlyDictionary<string, OwnDockerfile> dockerfiles) => this with { OwnDockerfiles = dockerfiles };

    public AffectedOptions WithGranularity(Granularity granularity) => this with { Granularity = granularity };

    public AffectedOptions WithGlobals(GlobalPatterns globals) => this with { Globals = globals };
}
