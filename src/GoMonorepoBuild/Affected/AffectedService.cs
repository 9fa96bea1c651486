namespace GoMonorepoBuild.Affected;

/// <summary>A service that must be rebuilt, with every reason found (never empty).</summary>
public sealed record AffectedService(string Name, string Path, IReadOnlyList<AffectedReason> Reasons)
{
    public AffectedReason FirstReason => Reasons[0];
}
