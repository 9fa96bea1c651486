namespace GoMonorepoBuild.Workspace.Services;

/// <summary>
/// A service's extra inputs: the globs configured for it (gomonorepobuild.json's <c>"extraInputs"</c>) and the files
/// they match in the tree the model was loaded from, sorted by path. The globs alone decide whether a changed path is
/// an extra input (<see cref="GlobMatching"/>), so a file deleted since, or absent from a revision's copy, still counts.
/// </summary>
public sealed record ExtraInputs(IReadOnlyList<ExtraInputGlob> Globs, IReadOnlyList<ExtraInputFile> Files)
{
    public static ExtraInputs None { get; } = new([], []);

    /// <summary>The matched files' monorepo-relative paths, sorted ordinally.</summary>
    public IReadOnlyList<string> Paths => Files.Select(f => f.Path).ToList();

    /// <summary>The first glob (in the configured order) that <paramref name="path"/> matches, or null.</summary>
    public ExtraInputGlob? GlobMatching(string path) => Globs.FirstOrDefault(g => g.Matches(path));
}
