using GoMonorepoBuild.Workspace.Modules;
using GoMonorepoBuild.Workspace.Packages;

namespace GoMonorepoBuild.Workspace.Services;

/// <summary>
/// Which services the --services globs name. A service is a binary: the globs may match module folders or main-package
/// folders (in any module, the root module included, e.g. <c>cmd/*</c>).
/// <list type="bullet">
/// <item>A matched module with at most one main package (at its root or under cmd/&lt;name&gt;) is one service at the
/// module folder, named as before (the folder's last segment, its dashed path when two such services share it).</item>
/// <item>A matched module with several is one service per main package, at that package's folder and named by its last
/// segment, unless the module's service has a configured main (<see cref="WorkspaceOptions.ServiceMains"/>): then it
/// stays one service building that main.</item>
/// <item>A matched main-package folder outside the matched modules, or in a matched module that builds no binary (a
/// library: none at its root or under cmd/), is one service named by its last segment.</item>
/// </list>
/// Names must stay unique and stable, so a clash is not renamed away: both services are dropped and the clash reported.
/// </summary>
internal static class ServiceDiscovery
{
    /// <summary>A service before its closure is computed: its name, folder, module and the main package it builds (none for a library).</summary>
    public sealed record Spec(string Name, string Dir, GoModule Module, IReadOnlyList<GoPackage> Mains);

    public sealed record Result(
        IReadOnlyList<Spec> Services,
        IReadOnlyList<string> MatchedModuleDirs,
        IReadOnlyDictionary<string, string> ModuleNames,
        IReadOnlyList<string> Unmatched,
        IReadOnlyList<(WorkspaceException Error, IReadOnlyList<ServiceRef> Services)> Problems);

    /// <param name="globs">The --services patterns.</param>
    /// <param name="configuredMains">Service name → the main package folder to build, relative to its module folder.</param>
    /// <param name="moduleDirs">Every folder holding a go.mod (broken modules included, so their services can be named).</param>
    /// <param name="modulesByDir">The modules that loaded.</param>
    /// <param name="packages">Every package of the loaded modules.</param>
    /// <param name="warn">Receives settings that have no effect.</param>
    public static Result Discover(IReadOnlyList<string> globs, IReadOnlyDictionary<string, string> configuredMains,
        IReadOnlyList<string> moduleDirs, IReadOnlyDictionary<string, GoModule> modulesByDir, IEnumerable<GoPackage> packages,
        Action<string> warn)
    {
        var modulePackages = packages.Where(p => p.Files.Count > 0).ToLookup(p => p.ModulePath, StringComparer.Ordinal);
        var moduleDirSet = moduleDirs.ToHashSet(StringComparer.Ordinal);
        var mainDirs = modulePackages.SelectMany(g => g).Where(p => p.IsMain && !moduleDirSet.Contains(p.Dir))
            .ToDictionary(p => p.Dir, StringComparer.Ordinal);

        var (matched, unmatched) = ServiceMatcher.Match(globs, moduleDirs.Concat(mainDirs.Keys));
        var matchedModules = matched.Where(moduleDirSet.Contains).ToList();
        var names = ServiceMatcher.Names(matchedModules);
        var specs = new List<Spec>();
        var problems = new List<(WorkspaceException, IReadOnlyList<ServiceRef>)>();
        var usedMains = new HashSet<string>(StringComparer.Ordinal);

        foreach (var dir in matchedModules)
        {
            if (!modulesByDir.TryGetValue(dir, out var module)) continue;
            var name = names[dir];
            var own = modulePackages[module.Path].ToList();
            var mains = ServiceBuilder.MainPackages(module, own);
            if (configuredMains.TryGetValue(name, out var configured))
            {
                usedMains.Add(name);
                var mainDir = RepoPath.Resolve(dir, configured);
                var main = mainDir is null || !RepoPath.IsUnder(mainDir, dir) ? null : own.FirstOrDefault(p => p.Dir == mainDir && p.IsMain);
                if (main is null)
                    problems.Add((new WorkspaceException(
                        $"service {name} names the main package '{configured}' (\"main\" in gomonorepobuild.json), but {mainDir ?? configured} " +
                        $"is no main package of the module in {dir}; main packages there: " +
                        $"{(mains.Count == 0 ? "none" : string.Join(", ", mains.Select(m => RelativeTo(dir, m.Dir))))}",
                        module.GoModFile), [new ServiceRef(name, dir, dir)]));
                else specs.Add(new Spec(name, dir, module, [main]));
            }
            else if (mains.Count <= 1) specs.Add(new Spec(name, dir, module, mains));
            else specs.AddRange(mains.Select(m => new Spec(ServiceMatcher.FolderName(m.Dir), m.Dir, module, [m])));
        }

        // A matched module whose service builds no binary (its main packages lie neither at its root nor under cmd/, as
        // opentelemetry-go-contrib's otelgrpc/example/{server,client}) covers none of them: a glob naming one builds it.
        var libraryModules = specs.Where(s => s.Mains.Count == 0).Select(s => s.Module.Dir).ToHashSet(StringComparer.Ordinal);
        var coveredModules = matchedModules.Where(d => !libraryModules.Contains(d)).ToHashSet(StringComparer.Ordinal);
        foreach (var dir in matched.Where(mainDirs.ContainsKey))
        {
            var main = mainDirs[dir];
            var module = modulesByDir.Values.FirstOrDefault(m => m.Path == main.ModulePath);
            // A main package of a module the globs match as a whole is already that module's service (or one of them).
            if (module is null || coveredModules.Contains(module.Dir)) continue;
            specs.Add(new Spec(ServiceMatcher.FolderName(dir), dir, module, [main]));
        }

        foreach (var unused in configuredMains.Keys.Where(k => !usedMains.Contains(k)).Order(StringComparer.Ordinal))
            warn($"gomonorepobuild.json names a main package for '{unused}', which is not a module matched by --services " +
                 "(\"main\" picks the binary of a module with several; a main-package folder is a service by itself)");

        var clashes = specs.GroupBy(s => s.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).ToList();
        foreach (var clash in clashes)
        {
            var dirs = clash.Select(s => s.Dir).Order(StringComparer.Ordinal).ToList();
            var renamed = RepoPath.Combine(RepoPath.Parent(dirs[1]), SuggestedName(dirs[1]));
            problems.Add((new WorkspaceException(
                $"two services would be named '{clash.Key}': {string.Join(" and ", dirs)}. A service is named after its folder and the " +
                $"name is its image's name, so it must be unique: rename one of the folders (e.g. {dirs[1]} → {renamed}), or narrow " +
                "--services so that only one of them matches",
                dirs[1]), clash.Select(s => new ServiceRef(s.Name, s.Dir, s.Module.Dir)).ToList()));
        }
        var clashing = clashes.SelectMany(g => g).ToHashSet();
        return new Result(
            specs.Where(s => !clashing.Contains(s)).OrderBy(s => s.Dir, StringComparer.Ordinal).ToList(),
            matchedModules, names, unmatched, problems);
    }

    /// <summary>The folder's name prefixed with the nearest ancestor that says more than "cmd" (services/b/cmd/api → b-api).</summary>
    private static string SuggestedName(string dir)
    {
        for (var parent = RepoPath.Parent(dir); parent != "."; parent = RepoPath.Parent(parent))
            if (RepoPath.FileName(parent) is not ("cmd" or "services" or "apps")) return $"{RepoPath.FileName(parent)}-{RepoPath.FileName(dir)}";
        return RepoPath.FileName(dir) + "-2";
    }

    private static string RelativeTo(string moduleDir, string dir) => dir == moduleDir ? "." : moduleDir == "." ? dir : dir[(moduleDir.Length + 1)..];
}
