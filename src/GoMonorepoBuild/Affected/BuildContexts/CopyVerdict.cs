namespace GoMonorepoBuild.Affected;

/// <summary>
/// What a service's own Dockerfile does with a file of its build context: the COPY/ADD source that takes it, and the
/// .dockerignore line that decides whether it reaches the builder at all (null when no line matches it).
/// </summary>
/// <param name="Path">The file, relative to the monorepo root.</param>
/// <param name="Source">The COPY/ADD source as written.</param>
/// <param name="DecidedBy">The last .dockerignore line that matches the file, if any.</param>
/// <param name="IgnoreFile">The .dockerignore file, relative to the monorepo root.</param>
public sealed record CopyVerdict(string Path, string Source, DockerIgnorePattern? DecidedBy, string? IgnoreFile)
{
    /// <summary>A .dockerignore line keeps the file out of the context, so the COPY never sees it.</summary>
    public bool Excluded => DecidedBy is { Negated: false };

    /// <summary>"excluded by src/frontend/.dockerignore line 3 (README.md)" or "sent again by ... line 4 (!keep.md)".</summary>
    public string? IgnoreText => DecidedBy is null ? null
        : $"{(Excluded ? "excluded" : "sent again")} by {IgnoreFile} line {DecidedBy.Line} ({DecidedBy.Text})";
}
