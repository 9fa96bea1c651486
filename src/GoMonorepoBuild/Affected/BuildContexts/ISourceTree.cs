namespace GoMonorepoBuild.Affected;

/// <summary>
/// The monorepo's files at the revision being analysed (the working tree, or a commit) as far as a Dockerfile's build
/// context needs them: does a path exist, and what does a small file (a Dockerfile, a .dockerignore) say.
/// Paths are relative to the monorepo root with forward slashes.
/// </summary>
public interface ISourceTree
{
    /// <summary>Whether a file or folder exists at <paramref name="path"/>.</summary>
    bool Exists(string path);

    /// <summary>The text of the file at <paramref name="path"/>; null when there is no such file.</summary>
    string? ReadText(string path);

    /// <summary>
    /// The names of the entries of the folder at <paramref name="path"/> (empty when it is no folder), so that a COPY
    /// source with a wildcard (<c>COPY go.* ./</c>) can be resolved; null when this tree cannot list folders, in which
    /// case such a source counts as naming nothing.
    /// </summary>
    IReadOnlyList<string>? Names(string path) => null;
}
