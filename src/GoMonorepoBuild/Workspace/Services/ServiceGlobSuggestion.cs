namespace GoMonorepoBuild.Workspace.Services;

/// <summary>
/// The --services globs a build uses when none are set, read from the tree instead of assuming services/*: a top-level
/// folder named services, src, apps or cmd whose children are modules or main packages (binaries of any module, the
/// root module's included) becomes "&lt;folder&gt;/*". Only these conventional folders, so examples, tools and test
/// binaries elsewhere never become services by accident; <see cref="Reasons"/> says what each glob found.
/// </summary>
public sealed record ServiceGlobSuggestion(IReadOnlyList<string> Globs, IReadOnlyList<string> Reasons)
{
    /// <summary>The top-level folders whose children are taken for services, in the order the globs are listed.</summary>
    public static readonly IReadOnlyList<string> ConventionalFolders = ["services", "src", "apps", "cmd"];

    public static ServiceGlobSuggestion From(GoWorkspace model)
    {
        var moduleDirs = model.Modules.Select(m => m.Dir).Where(d => d != ".").ToHashSet(StringComparer.Ordinal);
        // A main package at a module's root is that module's binary: counted once, as the module.
        var mainDirs = model.Packages.Values.Where(p => p.IsMain && p.Files.Count > 0 && p.Dir != "." && !moduleDirs.Contains(p.Dir))
            .Select(p => p.Dir).ToList();
        var globs = new List<string>();
        var reasons = new List<string>();
        foreach (var folder in ConventionalFolders)
        {
            var modules = moduleDirs.Where(d => RepoPath.Parent(d) == folder).Order(StringComparer.Ordinal).ToList();
            var mains = mainDirs.Where(d => RepoPath.Parent(d) == folder).Order(StringComparer.Ordinal).ToList();
            if (modules.Count + mains.Count == 0) continue;
            globs.Add(folder + "/*");
            var found = new[] { (modules, "module"), (mains, "main package") }.Where(g => g.Item1.Count > 0).Select(g => Listed(g.Item1, g.Item2));
            reasons.Add($"{folder}/*: {string.Join("; ", found)}");
        }
        return new ServiceGlobSuggestion(globs, reasons);
    }

    static string Listed(IReadOnlyList<string> dirs, string noun) =>
        $"{dirs.Count} {noun}{(dirs.Count == 1 ? "" : "s")} ({string.Join(", ", dirs.Take(3))}{(dirs.Count > 3 ? ", ..." : "")})";
}
