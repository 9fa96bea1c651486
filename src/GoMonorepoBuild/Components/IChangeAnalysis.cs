using GoMonorepoBuild.Affected;
using GoMonorepoBuild.Targets;

namespace GoMonorepoBuild;

/// <summary>
/// The parameters of the affected analysis (which services the changes between --base and --head reach), which Affected
/// reports and BuildChanged consults: a component without targets, so a build has them only with a target that reads them.
/// </summary>
public interface IChangeAnalysis : IMonorepoBuild
{
    [Parameter("The base revision to compare with (default: the CI's base, else the merge-base of HEAD with origin/main, main or master)")]
    string? Base { get; set; }

    [Parameter("The head revision (default: the working tree: committed, staged, unstaged and untracked changes)")]
    string? Head { get; set; }

    [Parameter("How changed files map to services: package (precise, default) or module")]
    Granularity Granularity { get; set; }

    [Parameter("Glob patterns (relative to the monorepo) whose change affects every service (default: go.work, go.work.sum, gomonorepobuild.json)")]
    string[] GlobalFiles { get; set; }

    [Parameter("When the base commit cannot be found: fail (default) or build-all (reported as a fallback)")]
    MissingBasePolicy MissingBase { get; set; }

    [Parameter("How many commits a shallow clone may be deepened looking for the base (default: 1000; 0 never fetches)")]
    int DeepenLimit { get; set; }
}
