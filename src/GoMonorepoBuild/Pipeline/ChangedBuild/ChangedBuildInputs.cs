using GoMonorepoBuild.Building;
using GoMonorepoBuild.Buildx;
using GoMonorepoBuild.Changes;
using GoMonorepoBuild.Ci;
using GoMonorepoBuild.Reports;

namespace GoMonorepoBuild.Pipeline.ChangedBuild;

/// <summary>
/// What a BuildChanged run is given besides its stages: the engine's driver, the build settings, the commit built, and
/// where its reports go (the report files under the root, an extra JSON copy, the Markdown report, the CI to tell).
/// </summary>
public sealed record ChangedBuildInputs(string RootDirectory, BuildxDriver Driver, BuildSettings Settings)
{
    /// <summary>The commit built (null outside a git work tree: tags say "dev", no build arguments from a commit).</summary>
    public GitHead? Head { get; init; }

    public ReportFiles ReportFiles => ReportFiles.Under(RootDirectory);

    /// <summary>
    /// The previous report, when its reading started before the pipeline (so its cost, at 500 services 0.1-0.4 s, mostly
    /// the serializer's first use, overlaps the earlier targets); null: the pipeline reads it when it starts.
    /// </summary>
    public Task<PreviousReport>? PreviousRead { get; init; }

    /// <summary>--report: where the JSON report is also written.</summary>
    public string? ReportCopy { get; init; }

    /// <summary>The Markdown report (null: none is written).</summary>
    public string? MarkdownReportFile { get; init; }

    /// <summary>The CI the report is also told to (annotations, job summary); null: none.</summary>
    public CiEnvironment? Ci { get; init; }
}
