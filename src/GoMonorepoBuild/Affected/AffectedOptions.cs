namespace GoMonorepoBuild.Affected;

/// <summary>How the planner maps files to services.</summary>
public sealed record AffectedOptions
{
    public static readonly AffectedOptions Default = new();

    public Granularity Granularity { get; init; } = Granularity.Package;

    public GlobalPatterns Globals { get; init; } = GlobalPatterns.Default;

    /// <summary>What the user-owned Dockerfile of a service (by service path) copies from the monorepo root.</summary>
    public IReadOnlyDictionary<string, DockerfileCopies> DockerfileCopies { get; init; } = new Dictionary<string, DockerfileCopies>();

    public AffectedOptions WithDockerfileCopies(IReadOnlyDictionary<string, DockerfileCopies> copies) => this with { DockerfileCopies = copies };

    public AffectedOptions WithGranularity(Granularity granularity) => this with { Granularity = granularity };

    public AffectedOptions WithGlobals(GlobalPatterns globals) => this with { Globals = globals };
}
