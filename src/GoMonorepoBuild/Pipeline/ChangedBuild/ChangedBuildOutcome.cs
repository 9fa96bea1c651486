using GoMonorepoBuild.Reports;

namespace GoMonorepoBuild.Pipeline.ChangedBuild;

/// <summary>What a BuildChanged run ended with: its report, the files written, and why it fails (null: it succeeded).</summary>
public sealed record ChangedBuildOutcome(BuildReport Report, IReadOnlyList<string> Written, string? Failure)
{
    public bool Succeeded => Failure is null;
}
