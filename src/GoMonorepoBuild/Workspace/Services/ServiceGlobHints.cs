namespace GoMonorepoBuild.Workspace.Services;

/// <summary>
/// What to tell a user whose --services globs select nothing (or whose tree has no conventional service folder): how
/// many modules and main packages the tree has, and a few globs that would match (so an empty selection is never a
/// silent "0 affected").
/// </summary>
public static class ServiceGlobHints
{
    public static string Describe(GoWorkspace model, IReadOnlyList<string> globs) =>
        $"--services '{string.Join(",", globs)}' matches no module or main-package folder: {DescribeTree(model)}";

    /// <summary>Why no --services globs could be detected in <paramref name="monorepo"/>, and how to say where services are.</summary>
    public static string NothingToDetect(GoWorkspace model, string monorepo) =>
        $"--services is not set and {monorepo} has no module or main-package folder under " +
        $"{string.Join(", ", ServiceGlobSuggestion.ConventionalFolders.Select(f => f + "/"))} (where services are looked for): " +
        $"{DescribeTree(model)}. Say where the services are with --services <globs> or \"Services\" in .nuke/parameters.json.";

    /// <summary>"the tree has N module(s) and M main package(s); try for example --services '...'".</summary>
    public static string DescribeTree(GoWorkspace model)
    {
        var mains = model.Packages.Values.Where(p => p.IsMain && p.Files.Count > 0).Select(p => p.Dir).Order(StringComparer.Ordinal).ToList();
        // Binaries first, the globs covering most of them leading: a service is a binary, and a tree of many library
        // modules (opentelemetry-go-contrib: bridges/*, detectors/* before examples/*) would otherwise be suggested
        // globs that build nothing.
        var mainGlobs = mains.Where(d => d != ".").GroupBy(SiblingsGlob, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key);
        var suggestions = mainGlobs.Concat(model.Modules.Where(m => m.Dir != ".").Select(m => SiblingsGlob(m.Dir)))
            .Distinct().Take(5).ToList();
        return $"the tree has {model.Modules.Count} module(s) and {mains.Count} main package(s)" +
               (suggestions.Count == 0 ? "" : $"; try for example --services '{string.Join("' or '", suggestions)}'");
    }

    static string SiblingsGlob(string dir) => RepoPath.Parent(dir) == "." ? dir : RepoPath.Parent(dir) + "/*";
}
