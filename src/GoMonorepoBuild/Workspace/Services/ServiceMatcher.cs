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
        var collisions = serviceDirs.GroupBy(FolderName).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        return serviceDirs.ToDictionary(d => d, d => collisions.Contains(FolderName(d)) ? d.Replace('/', '-') : FolderName(d));
    }

    /// <summary>
    /// The folder's last segment, with its parent's when it is a major-version folder (Go's semantic import versioning puts
    /// v2+ of a module in such a folder): detectors/aws/ec2/v2 → ec2-v2, because "v2" says nothing and collides across modules.
    /// </summary>
    public static string FolderName(string dir)
    {
        var last = RepoPath.FileName(dir);
        var parent = RepoPath.Parent(dir);
        return IsMajorVersion(last) && parent != "." ? $"{RepoPath.FileName(parent)}-{last}" : last;
    }

    // Go's rule for a major-version path element: "v" and a number of at least 2 without leading zeros.
    static bool IsMajorVersion(string segment) =>
        segment is ['v', >= '1' and <= '9', ..] && segment != "v1" && segment.Skip(1).All(char.IsAsciiDigit);
}
