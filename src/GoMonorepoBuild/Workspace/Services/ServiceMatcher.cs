using Microsoft.Extensions.FileSystemGlobbing;

namespace GoMonorepoBuild.Workspace.Services;

/// <summary>Which module folders are services: those the glob patterns (relative to the monorepo root) match.</summary>
internal static class ServiceMatcher
{
    public static readonly IReadOnlyList<string> DefaultGlobs = ["services/*"];

    /// <summary>Splits a command-line value such as "services/**,cmd/*" into patterns.</summary>
    public static IReadOnlyList<string> ParseGlobs(IEnumerable<string> values) =>
        values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();

    /// <summary>The matched module folders (sorted) and the patterns that matched none.</summary>
    public static (IReadOnlyList<string> Matched, IReadOnlyList<string> Unmatched) Match(IReadOnlyList<string> globs, IEnumerable<string> moduleDirs)
    {
        var dirs = moduleDirs.Where(d => d != ".").ToList();
        var matched = new SortedSet<string>(StringComparer.Ordinal);
        var unmatched = new List<string>();
        foreach (var glob in globs)
        {
            var matcher = new Matcher(StringComparison.Ordinal);
            matcher.AddInclude(glob.Replace('\\', '/').TrimStart('.', '/').TrimEnd('/'));
            var hits = matcher.Match("/", dirs.Select(d => "/" + d)).Files.Select(f => f.Path.TrimStart('/')).ToList();
            if (hits.Count == 0) unmatched.Add(glob);
            matched.UnionWith(hits);
        }
        return (matched.ToList(), unmatched);
    }

    /// <summary>Names per the rule on <see cref="GoService"/>: last segment, the dashed path when that collides.</summary>
    public static IReadOnlyDictionary<string, string> Names(IReadOnlyList<string> serviceDirs)
    {
        var collisions = serviceDirs.GroupBy(RepoPath.FileName).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        return serviceDirs.ToDictionary(d => d, d => collisions.Contains(RepoPath.FileName(d)) ? d.Replace('/', '-') : RepoPath.FileName(d));
    }
}
