using GoMonorepoBuild.Workspace.GoMod;

namespace GoMonorepoBuild.Workspace.Modules;

/// <summary>
/// A Go module of the monorepo: the folder holding its go.mod. <see cref="LocalDependencies"/> are the module paths of
/// monorepo modules it requires that resolve to a folder here (by a local replace or a go.work using both).
/// </summary>
public sealed record GoModule(string Path, string Dir, GoModFile ModFile, bool HasGoSum, bool InWorkspace)
{
    public IReadOnlyList<string> LocalDependencies { get; init; } = [];

    public string? GoVersion => ModFile.GoVersion;

    public string GoModFile => RepoPath.Combine(Dir, "go.mod");

    public string? GoSumFile => HasGoSum ? RepoPath.Combine(Dir, "go.sum") : null;

    /// <summary>go.mod, and go.sum when the module has one.</summary>
    public IEnumerable<string> ModuleFiles => GoSumFile is null ? [GoModFile] : [GoModFile, GoSumFile];

    public GoModule WithLocalDependencies(IReadOnlyList<string> dependencies) => this with { LocalDependencies = dependencies };
}
