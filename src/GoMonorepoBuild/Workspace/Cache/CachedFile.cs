using GoMonorepoBuild.Workspace.Packages;

namespace GoMonorepoBuild.Workspace.Cache;

/// <summary>
/// What a .go file's header says, independent of the file's name (the name decides _test and GOOS/GOARCH suffixes and
/// comes from the path each time): the same bytes under any name give the same record.
/// </summary>
internal sealed record CachedFile(string PackageName, IReadOnlyList<GoImport> Imports, string? Constraint, IReadOnlyList<EmbedPattern> EmbedPatterns)
{
    public static CachedFile From(GoSourceFile file) => new(file.PackageName, file.Imports, file.Constraint?.Expression, file.EmbedPatterns);

    /// <summary>The file under <paramref name="name"/>; the constraint's expression is the one the scanner kept, so it parses again.</summary>
    public GoSourceFile ToSourceFile(string name) =>
        new(name, PackageName, Imports, Constraint is null ? null : BuildConstraint.Parse(Constraint), EmbedPatterns);
}
