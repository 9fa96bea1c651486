using GoMonorepoBuild.Workspace.GoMod;
using GoMonorepoBuild.Workspace.Modules;
using GoMonorepoBuild.Workspace.Packages;
using GoMonorepoBuild.Workspace.Services;
using GoMonorepoBuild.Workspace.Vendor;

namespace GoMonorepoBuild.Workspace;

/// <summary>
/// Reads a monorepo into a <see cref="GoWorkspace"/>: walk the tree, parse go.work and every go.mod, connect the modules,
/// scan .go file headers in parallel, group packages, then compute each service. Problems are collected instead of
/// stopping at the first and given to the services they reach (<see cref="ServiceProblems"/>): those services are
/// <see cref="GoWorkspace.BlockedServices"/>, the others are analysed as usual. Only a problem of the root go.work
/// throws. Cancellation is checked between files, folders, modules and services (a single file's read is not
/// interrupted), and ends the load with an <see cref="OperationCanceledException"/>.
/// </summary>
public static class WorkspaceLoader
{
    public static GoWorkspace Load(string monorepoRoot, WorkspaceOptions options, CancellationToken cancellationToken = default)
    {
        var tree = MonorepoTree.Scan(monorepoRoot, cancellationToken);
        var problems = new LoadProblems();

        var work = ReadWork(tree, problems);
        var workDirs = WorkspaceDirs(work, tree, problems);
        var moduleDirs = ModuleDirs(tree);
        var (modules, brokenDirs) = ReadModules(tree, moduleDirs, workDirs, options, problems, cancellationToken);
        for (var hidden = HiddenReplaceTargets.Find(modules, work, tree); hidden.Count > 0; hidden = HiddenReplaceTargets.Find(modules, work, tree))
        {
            foreach (var dir in hidden) tree = tree.WithSubtree(dir, cancellationToken);
            var added = ModuleDirs(tree).Except(moduleDirs, StringComparer.Ordinal).ToList();
            var (more, moreBroken) = ReadModules(tree, added, workDirs, options, problems, cancellationToken);
            modules = [.. modules, .. more];
            brokenDirs.UnionWith(moreBroken);
            moduleDirs = ModuleDirs(tree);
        }
        modules = modules.OrderBy(m => m.Dir, StringComparer.Ordinal).ToList();
        var graph = ModuleGraph.Build(modules, brokenDirs, work, tree, problems);
        var modulesByDir = graph.Modules.ToDictionary(m => m.Dir, StringComparer.Ordinal);
        var allModuleDirs = moduleDirs.ToHashSet(StringComparer.Ordinal);

        var folders = ScanGoFiles(tree, allModuleDirs, brokenDirs, options, problems, cancellationToken);
        string? moduleDirOf(string dir) => ModuleDirOf(dir, allModuleDirs);
        var packages = PackageIndex.Build(tree, modulesByDir, folders, options.Platforms, problems, moduleDirOf, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();

        foreach (var unresolved in UnresolvedImports.Find(tree, modulesByDir, folders, packages, moduleDirOf))
            problems.Add(new WorkspaceException(unresolved.Reason, unresolved.File, unresolved.Line, 1), unresolved.ModuleDir, unresolved.PackageDir);

        foreach (var cycle in ImportCycles.Find(packages))
        {
            var first = packages[cycle[0]];
            problems.Add(new WorkspaceException(
                $"import cycle not allowed: {string.Join(" -> ", cycle)}; move the shared part into a package both can import",
                first.Files.FirstOrDefault() ?? first.Dir), moduleDirOf(first.Dir), first.Dir);
        }

        var discovered = ServiceDiscovery.Discover(ServiceMatcher.ParseGlobs(options.ServiceGlobs), options.ServiceMains, moduleDirs,
            modulesByDir, packages.Values, problems.Warn);
        foreach (var glob in discovered.Unmatched) problems.Warn($"the services pattern '{glob}' matches no module or main package folder");
        foreach (var (error, blocked) in discovered.Problems) problems.Add(error, blocked);
        var modulesByPath = graph.Modules.GroupBy(m => m.Path).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var packagesByModule = packages.Values.ToLookup(p => p.ModulePath, StringComparer.Ordinal);
        var vendors = new VendorTrees(tree, work, options.Platforms, problems, options.Cache);
        var services = new List<GoService>();
        foreach (var spec in discovered.Services)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var service = ServiceBuilder.Build(spec, modulesByPath, packages, packagesByModule[spec.Module.Path], tree, work, vendors, problems.Warn, cancellationToken);
            services.Add(WithExtraInputs(service, tree.Files, options, problems));
        }

        // Each problem blocks only the services it reaches; the others are the model (issue 15: problems are per service).
        var assigned = ServiceProblems.Assign(problems, discovered, graph, services, packages);
        var blockedNames = assigned.Blocked.Select(b => b.Name).ToHashSet(StringComparer.Ordinal);
        return new GoWorkspace(tree.Root, work, graph.Modules, packages, services.Where(s => !blockedNames.Contains(s.Name)).ToList(),
            [.. problems.Warnings, .. assigned.Warnings], options.Platforms, vendors)
        {
            BlockedServices = assigned.Blocked,
            Problems = assigned.Problems,
            AllModuleDirs = allModuleDirs,
        };
    }

    /// <summary>The service with the files its configured extra-input globs match, which are image inputs too.</summary>
    private static GoService WithExtraInputs(GoService service, MonorepoFiles files, WorkspaceOptions options, LoadProblems problems)
    {
        if (!options.ServiceExtraInputs.TryGetValue(service.Name, out var globs) || globs.Count == 0) return service;
        ExtraInputs extras;
        try
        {
            extras = ExtraInputFinder.Find(files, service, globs, problems.Warn);
        }
        catch (ArgumentException e)
        {
            problems.Add(new WorkspaceException($"service {service.Name}: {e.Message}", "gomonorepobuild.json"), [new ServiceRef(service.Name, service.Path, service.ModuleDir)]);
            return service;
        }
        var inputs = new SortedSet<string>(service.ImageInputs, StringComparer.Ordinal);
        inputs.UnionWith(extras.Paths);
        return service with { ExtraInputs = extras, ImageInputs = inputs.ToList() };
    }

    private static List<string> ModuleDirs(MonorepoTree tree) =>
        tree.FilesByDirectory.Where(kv => kv.Value.Contains("go.mod")).Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList();

    private static GoWorkFile? ReadWork(MonorepoTree tree, LoadProblems problems)
    {
        if (!tree.HasFile(".", "go.work")) return null;
        try
        {
            var work = GoWorkFile.Parse(tree.ReadAllText("go.work"), "go.work");
            foreach (var warning in work.Warnings) problems.Warn(warning);
            return work;
        }
        catch (WorkspaceException e)
        {
            problems.Add(e);
            return null;
        }
    }

    private static HashSet<string> WorkspaceDirs(GoWorkFile? work, MonorepoTree tree, LoadProblems problems)
    {
        var dirs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var use in work?.Uses ?? [])
        {
            var dir = use.Path.StartsWith('/') ? null : RepoPath.Resolve(".", use.Path);
            if (dir is null)
                problems.Add(new WorkspaceException($"use {use.Path} points outside the monorepo root (or is absolute): use a relative folder inside it",
                    "go.work", use.Position.Line, use.Position.Column));
            else if (!tree.HasFile(dir, "go.mod"))
                problems.Add(new WorkspaceException($"use {use.Path}: the folder {dir} has no go.mod", "go.work", use.Position.Line, use.Position.Column));
            else dirs.Add(dir);
        }
        return dirs;
    }

    private static (List<GoModule> Modules, HashSet<string> Broken) ReadModules(MonorepoTree tree, List<string> moduleDirs,
        HashSet<string> workDirs, WorkspaceOptions options, LoadProblems problems, CancellationToken cancellationToken)
    {
        var results = new GoModule?[moduleDirs.Count];
        // The loop's own token (not a check in the body, which Parallel would wrap in an AggregateException): no new
        // module is started once it is cancelled, and the loop throws OperationCanceledException.
        Parallel.For(0, moduleDirs.Count, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken }, i =>
        {
            var dir = moduleDirs[i];
            var file = RepoPath.Combine(dir, "go.mod");
            try
            {
                var modFile = GoModFile.Parse(tree.ReadAllText(file), file);
                foreach (var warning in modFile.Warnings) problems.Warn(warning);
                results[i] = new GoModule(modFile.ModulePath, dir, modFile, tree.HasFile(dir, "go.sum"), workDirs.Contains(dir));
            }
            catch (WorkspaceException e)
            {
                problems.Add(e, dir);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add(new WorkspaceException($"cannot read: {e.Message}", file), dir);
            }
        });
        var broken = moduleDirs.Where((_, i) => results[i] is null).ToHashSet(StringComparer.Ordinal);
        return (results.OfType<GoModule>().ToList(), broken);
    }

    private static List<(string Dir, IReadOnlyList<(string Path, GoSourceFile File)> Files)> ScanGoFiles(MonorepoTree tree,
        HashSet<string> moduleDirs, HashSet<string> brokenDirs, WorkspaceOptions options, LoadProblems problems, CancellationToken cancellationToken)
    {
        var work = new List<GoFileToScan>();
        foreach (var (dir, names) in tree.FilesByDirectory.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var moduleDir = ModuleDirOf(dir, moduleDirs);
            if (moduleDir is null || brokenDirs.Contains(moduleDir)) continue;
            foreach (var name in names)
                if (name.EndsWith(".go", StringComparison.Ordinal)) work.Add(new GoFileToScan(dir, moduleDir, RepoPath.Combine(dir, name)));
        }
        var scanned = new GoSourceFile?[work.Count];
        Parallel.For(0, work.Count, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken }, i =>
        {
            var (dir, moduleDir, path) = work[i];
            try
            {
                scanned[i] = options.Cache is { } cache ? cache.Scan(tree.ReadablePath(path), path, out _) : GoFileScanner.ScanFile(tree.ReadablePath(path), path);
                options.Scanned?.Invoke(path);
            }
            catch (WorkspaceException e)
            {
                problems.Add(e, moduleDir, dir);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add(new WorkspaceException($"cannot read: {e.Message}", path), moduleDir, dir);
            }
        });
        // Grouped by folder with a loop, not LINQ over tuples (JIT-compiled in every run; BENCHMARKS.md, "JIT-compiled
        // methods by call site"): the work list holds each folder's files together, folders in order.
        var folders = new List<(string Dir, IReadOnlyList<(string Path, GoSourceFile File)> Files)>();
        List<(string Path, GoSourceFile File)>? files = null;
        for (var i = 0; i < work.Count; i++)
        {
            if (scanned[i] is not { } file) continue;
            if (files is null || folders[^1].Dir != work[i].Dir)
            {
                files = [];
                folders.Add((work[i].Dir, files));
            }
            files.Add((work[i].Path, file));
        }
        return folders;
    }

    /// <summary>A .go file to scan, with its folder and the module folder its problems are charged to.</summary>
    private sealed record GoFileToScan(string Dir, string ModuleDir, string Path);

    private static string? ModuleDirOf(string dir, HashSet<string> moduleDirs)
    {
        for (var current = dir; ; current = RepoPath.Parent(current))
        {
            if (moduleDirs.Contains(current)) return current;
            if (current == ".") return null;
        }
    }
}
