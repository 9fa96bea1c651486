using GoMonorepoBuild.Workspace.Modules;

namespace GoMonorepoBuild.Workspace.Packages;

/// <summary>
/// Imports that go build cannot resolve: the import path lies in a monorepo module the importing module reaches
/// (itself, or one it takes from the monorepo through a replace or go.work), but no folder of that module holds it.
/// Conservative, so it never fails a build that works: a path a longer required module could provide (from a proxy)
/// is left alone, and so is a folder that exists but the model does not scan (testdata, _ and . folders).
/// </summary>
internal static class UnresolvedImports
{
    public sealed record Unresolved(string File, int Line, string Import, string ModuleDir, string PackageDir, string Reason);

    public static IReadOnlyList<Unresolved> Find(MonorepoTree tree, IReadOnlyDictionary<string, GoModule> modulesByDir,
        IReadOnlyList<(string Dir, IReadOnlyList<(string Path, GoSourceFile File)> Files)> folders,
        IReadOnlyDictionary<string, GoPackage> packages, Func<string, string?> moduleDirOf)
    {
        var modulesByPath = modulesByDir.Values.GroupBy(m => m.Path).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var packagesByDir = packages.Values.GroupBy(p => p.Dir).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var reach = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var found = new List<Unresolved>();
        foreach (var (dir, files) in folders)
        {
            if (moduleDirOf(dir) is not { } moduleDir || !modulesByDir.TryGetValue(moduleDir, out var module)) continue;
            if (!packagesByDir.TryGetValue(dir, out var package)) continue;
            foreach (var (path, file) in files)
            {
                // Only what go build compiles: not tests, not files every target platform excludes.
                if (file.IsTest || !package.Files.Contains(path)) continue;
                foreach (var import in file.Imports)
                {
                    if (packages.ContainsKey(import.Path) || Owner(import.Path, modulesByPath) is not { } owner) continue;
                    if (!(reach.TryGetValue(module.Path, out var reachable) ? reachable : reach[module.Path] = Reachable(module, modulesByPath))
                        .Contains(owner.Path)) continue;
                    if (module.ModFile.Requires.Any(r => r.Path.Length > owner.Path.Length && (import.Path == r.Path || import.Path.StartsWith(r.Path + "/", StringComparison.Ordinal))))
                        continue;
                    var target = RepoPath.Combine(owner.Dir, import.Path == owner.Path ? "." : import.Path[(owner.Path.Length + 1)..]);
                    if (tree.FilesByDirectory.ContainsKey(target) || Directory.Exists(tree.FullPath(target))) continue;
                    found.Add(new Unresolved(path, import.Line, import.Path, moduleDir, dir,
                        $"import \"{import.Path}\" resolves to the folder {target} of module {owner.Path} ({owner.Dir}), which does not exist: " +
                        "fix the import path, add the package, or remove the import"));
                }
            }
        }
        return found;
    }

    /// <summary>The monorepo module with the longest path prefixing <paramref name="import"/>, or null.</summary>
    private static GoModule? Owner(string import, Dictionary<string, GoModule> modulesByPath)
    {
        for (var prefix = import; ;)
        {
            if (modulesByPath.TryGetValue(prefix, out var module)) return module;
            var slash = prefix.LastIndexOf('/');
            if (slash < 0) return null;
            prefix = prefix[..slash];
        }
    }

    private static HashSet<string> Reachable(GoModule start, Dictionary<string, GoModule> modulesByPath)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { start.Path };
        var queue = new Queue<GoModule>([start]);
        while (queue.TryDequeue(out var module))
            foreach (var dependency in module.LocalDependencies)
                if (seen.Add(dependency) && modulesByPath.TryGetValue(dependency, out var next)) queue.Enqueue(next);
        return seen;
    }
}
