using GoMonorepoBuild.Reports;

namespace GoMonorepoBuild.Pipeline.ChangedBuild;

/// <summary>
/// The previous run's report (time saved and what changed are measured against it), read before this run replaces it,
/// and why it cannot be used (null: no problem; the run warns of one, it never fails for it).
/// </summary>
public sealed record PreviousReport(BuildReport? Report, string? Problem)
{
    public static PreviousReport Read(ReportFiles files) => new(files.ReadPrevious(out var problem), problem);
}
