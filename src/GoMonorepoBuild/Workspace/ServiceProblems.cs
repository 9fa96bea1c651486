using GoMonorepoBuild.Workspace.Modules;
using GoMonorepoBuild.Workspace.Packages;
using GoMonorepoBuild.Workspace.Services;

namespace GoMonorepoBuild.Workspace;

/// <summary>
/// Gives each problem found while loading to the services it reaches, so one broken module blocks only the services
/// that depend on it: a package problem blocks the services whose closure holds (or imports) that package, a module
/// problem the services whose module reaches that module through requires and replaces, a name clash the clashing
/// services. A problem no service reaches is a warning. A problem of the whole workspace (the root go.work) belongs to
/// every service and ends the load: nothing can be analysed without it.
/// </summary>
internal static class ServiceProblems
{
    public sealed record Outcome(IReadOnlyList<WorkspaceException> Problems, IReadOnlyList<BlockedService> Blocked, IReadOnlyList<string> Warnings);

    private sealed record Candidate(string Name, string Path, string ModuleDir, IReadOnlySet<string>? PackageDirs, IReadOnlySet<string> Imports, bool IsLibrary);

    public static Outcome Assign(LoadProblems problems, ServiceDiscovery.Result discovered, ModuleGraph graph, IReadOnlyList<GoService> services,
        IReadOnlyDictionary<string, GoPackage> packages)
    {
        var all = problems.All;
        if (all.Count == 0) return new Outcome([], [], []);
        var loadedDirs = graph.Modules.Select(m => m.Dir).ToHashSet(StringComparer.Ordinal);
        var modulePathByDir = graph.Modules.GroupBy(m => m.Dir).ToDictionary(g => g.Key, g => g.First().Path, StringComparer.Ordinal);
        // A matched module whose go.mod did not load is still a service, by its module folder's name.
        var candidates = services.Select(s => new Candidate(s.Name, s.Path, s.ModuleDir,
                s.Packages.Select(p => packages[p].Dir).ToHashSet(StringComparer.Ordinal),
                s.Packages.SelectMany(p => packages[p].Imports).ToHashSet(StringComparer.Ordinal), !s.IsBuildable))
            .Concat(discovered.MatchedModuleDirs.Where(d => !loadedDirs.Contains(d))
                .Select(d => new Candidate(discovered.ModuleNames[d], d, d, null, new HashSet<string>(), false)))
            .ToList();
        var packageDirs = packages.Values.Select(p => p.Dir).ToHashSet(StringComparer.Ordinal);
        var reach = candidates.Select(c => c.ModuleDir).Distinct()
            .ToDictionary(d => d, d => ReachableDirs(d, graph.DirEdges), StringComparer.Ordinal);

        var located = new List<WorkspaceException>();
        var blocked = new Dictionary<(string Name, string Path), (string ModuleDir, List<WorkspaceException> Problems)>();
        var warnings = new List<string>();
        var wholeRun = false;
        foreach (var problem in all)
        {
            IReadOnlyList<ServiceRef> refs;
            if (problem.Services is { } named) refs = named;
            else
            {
                wholeRun |= problem.ModuleDir is null;
                refs = candidates.Where(c => Blocks(problem, c, reach[c.ModuleDir], packageDirs, modulePathByDir))
                    .Select(c => new ServiceRef(c.Name, c.Path, c.ModuleDir)).ToList();
            }
            var names = refs.Select(r => r.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var error = problem.Error.WithBlockedServices(names);
            located.Add(error);
            if (refs.Count == 0)
                warnings.Add($"{error.LocatedReason} (no selected service reaches it, so it blocks nothing; fix it before one does)");
            foreach (var r in refs)
            {
                if (!blocked.TryGetValue((r.Name, r.Path), out var entry)) blocked[(r.Name, r.Path)] = entry = (r.ModuleDir, []);
                entry.Problems.Add(error);
            }
        }
        // The root go.work decides how every module resolves: without it no service's analysis means anything.
        if (wholeRun) throw located[0].WithOtherProblems(located.Skip(1).ToList());

        var result = blocked.OrderBy(kv => kv.Key.Path, StringComparer.Ordinal)
            .Select(kv => new BlockedService(kv.Key.Name, kv.Key.Path, kv.Value.ModuleDir, kv.Value.Problems)
            {
                ModuleDirs = (reach.GetValueOrDefault(kv.Value.ModuleDir) ?? ReachableDirs(kv.Value.ModuleDir, graph.DirEdges))
                    .Order(StringComparer.Ordinal).ToList(),
            })
            .ToList();
        return new Outcome(located, result, warnings);
    }

    private static bool Blocks(LoadProblems.Problem problem, Candidate candidate, HashSet<string> moduleReach, HashSet<string> packageDirs,
        Dictionary<string, string> modulePathByDir)
    {
        if (problem.ModuleDir is null) return true;
        if (problem.PackageDir is not { } dir || candidate.PackageDirs is not { } own) return moduleReach.Contains(problem.ModuleDir);
        if (own.Contains(dir)) return true;
        if (packageDirs.Contains(dir)) return false; // the package loaded and the service does not use it
        // The package did not load at all: the service is blocked when it imports it, when it is the service's own main
        // folder, or when the service is a library analysed as every package of that module.
        if (candidate.Path == dir || candidate.IsLibrary && candidate.ModuleDir == problem.ModuleDir) return true;
        if (candidate.Path == candidate.ModuleDir && RepoPath.Parent(dir) == RepoPath.Combine(candidate.ModuleDir, "cmd")) return true;
        return modulePathByDir.TryGetValue(problem.ModuleDir, out var modulePath)
               && candidate.Imports.Contains(ImportPath(modulePath, problem.ModuleDir, dir));
    }

    private static string ImportPath(string modulePath, string moduleDir, string dir) =>
        dir == moduleDir ? modulePath : modulePath + "/" + (moduleDir == "." ? dir : dir[(moduleDir.Length + 1)..]);

    private static HashSet<string> ReachableDirs(string start, Dictionary<string, HashSet<string>> edges)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { start };
        var queue = new Queue<string>([start]);
        while (queue.TryDequeue(out var dir))
            foreach (var next in edges.GetValueOrDefault(dir) ?? [])
                if (seen.Add(next)) queue.Enqueue(next);
        return seen;
    }
}
