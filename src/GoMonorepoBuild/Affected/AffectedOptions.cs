namespace GoMonorepoBuild.Affected;

/// <summary>How the planner maps files to services.</summary>
public sealed record AffectedOptions
{
    public static readonly AffectedOptions Default = new();

    public Granularity Granularity { get; init; } = Granularity.Package;

    public GlobalPatterns Globals { get; init; } = GlobalPatterns.Default;

    public AffectedOptions WithGranularity(Granularity granularity) => this with { Granularity = granularity };

    public AffectedOptions WithGlobals(GlobalPatterns globals) => this with { Globals = globals };
}
