using GoMonorepoBuild.Workspace;
using Microsoft.Extensions.FileSystemGlobbing;

namespace GoMonorepoBuild.Affected;

/// <summary>
/// Files whose change affects every service. <see cref="Monorepo"/> globs are relative to the monorepo root (default
/// go.work and go.work.sum); <see cref="Repository"/> globs are relative to the repository root and may match outside
/// the monorepo (the build's own configuration).
/// </summary>
public sealed record GlobalPatterns(IReadOnlyList<string> Monorepo, IReadOnlyList<string> Repository)
{
    // gomonorepobuild.json holds the image settings of every service (see docs/configuration.md).
    public static readonly IReadOnlyList<string> DefaultMonorepo = ["go.work", "go.work.sum", "gomonorepobuild.json"];

    public static readonly GlobalPatterns Default = new(DefaultMonorepo, []);

    /// <summary>The monorepo folder relative to the repository root ("." when they are the same).</summary>
    public string MonorepoFolder { get; init; } = ".";

    public GlobalPatterns WithRepository(IReadOnlyList<string> globs, string monorepoFolder) =>
        this with { Repository = globs, MonorepoFolder = monorepoFolder };

    /// <summary>The pattern a monorepo-relative path matches (either kind of pattern), if any.</summary>
    public string? MatchInMonorepo(string path) =>
        FirstMatch(Monorepo, path) ?? FirstMatch(Repository, RepoPath.Combine(MonorepoFolder, path));

    /// <summary>The pattern a repository-relative path matches, if any.</summary>
    public string? MatchInRepository(string path) => FirstMatch(Repository, path);

    static string? FirstMatch(IReadOnlyList<string> globs, string path)
    {
        foreach (var glob in globs)
        {
            var matcher = new Matcher(StringComparison.Ordinal);
            matcher.AddInclude(glob);
            if (matcher.Match(path).HasMatches) return glob;
        }
        return null;
    }
}
