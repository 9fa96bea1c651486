using GoMonorepoBuild.Workspace.GoMod;
using GoMonorepoBuild.Workspace.Modules;
using GoMonorepoBuild.Workspace.Packages;

namespace GoMonorepoBuild.Workspace.Services;

/// <summary>Turns a matched module folder into a <see cref="GoService"/> with its packages and image inputs.</summary>
internal static class ServiceBuilder
{
    public static GoService Build(string name, GoModule module, IReadOnlyDictionary<string, GoModule> modulesByPath,
        IReadOnlyDictionary<string, GoPackage> packages, IEnumerable<GoPackage> modulePackages, MonorepoTree tree, GoWorkFile? work,
        Action<string>? warn)
    {
        var roots = Roots(module, modulePackages, out var mains);
        var closure = ServiceClosure.Compute(module, modulesByPath, packages, roots, warn);
        var closurePackages = closure.Parents.Keys.Select(k => packages[k]).ToList();

        var moduleFiles = new SortedSet<string>(closure.Modules.SelectMany(m => m.ModuleFiles), StringComparer.Ordinal);
        if (work is not null && module.InWorkspace)
        {
            // In workspace mode the go command reads every used module's go.mod to build one module graph.
            moduleFiles.UnionWith(modulesByPath.Values.Where(m => m.InWorkspace).SelectMany(m => m.ModuleFiles));
            moduleFiles.Add(work.File);
            if (tree.HasFile(".", "go.work.sum")) moduleFiles.Add("go.work.sum");
        }
        var sourceFiles = new SortedSet<string>(closurePackages.SelectMany(p => p.Files.Concat(p.EmbedFiles).Concat(p.OtherSourceFiles)),
            StringComparer.Ordinal);
        // A linked file is read through its link; the file it points to (inside the monorepo) is an input too, so a change to it
        // affects the service.
        sourceFiles.UnionWith(LinkTargets(tree, sourceFiles));
        moduleFiles.UnionWith(LinkTargets(tree, moduleFiles));
        var vendorFiles = VendorFiles(tree, module);
        var hasDockerfile = tree.HasFile(module.Dir, "Dockerfile");
        var inputs = new SortedSet<string>(moduleFiles.Concat(sourceFiles).Concat(vendorFiles), StringComparer.Ordinal);
        if (hasDockerfile) inputs.Add(RepoPath.Combine(module.Dir, "Dockerfile"));

        return new GoService(
            name,
            module.Dir,
            module.Path,
            module.GoVersion,
            mains.Select(p => p.Dir).Order(StringComparer.Ordinal).ToList(),
            closure.Parents.Keys.Order(StringComparer.Ordinal).ToList(),
            closure.Modules.Select(m => m.Path).Order(StringComparer.Ordinal).ToList(),
            inputs.ToList(),
            moduleFiles.ToList(),
            sourceFiles.ToList(),
            closurePackages.SelectMany(p => p.StdImports).Distinct().Order(StringComparer.Ordinal).ToList(),
            closurePackages.SelectMany(p => p.ExternalImports).Distinct().Order(StringComparer.Ordinal).ToList(),
            hasDockerfile)
        {
            VendorFiles = vendorFiles,
        };
    }

    /// <summary>
    /// With vendor/modules.txt the go command builds from the main module's vendor folder (-mod=vendor is the default),
    /// so its files are inputs; the tree walk skips vendor/, hence the separate listing.
    /// </summary>
    private static IReadOnlyList<string> VendorFiles(MonorepoTree tree, GoModule module)
    {
        var vendor = RepoPath.Combine(module.Dir, "vendor");
        if (tree.Files.KindOf(RepoPath.Combine(vendor, "modules.txt")) != EntryKind.File) return [];
        return tree.Files.EnumerateFiles(vendor).Order(StringComparer.Ordinal).ToList();
    }

    private static List<string> LinkTargets(MonorepoTree tree, IEnumerable<string> files)
    {
        var targets = new List<string>();
        foreach (var link in files.Where(tree.Links.Contains))
        {
            try { targets.Add(tree.Files.ResolveRelative(link)); }
            catch (Exception e) when (e is OutsideMonorepoException or IOException) { } // reading it has already failed, naming it
        }
        return targets;
    }

    /// <summary>The main package at the module root and those directly under cmd/.</summary>
    public static IReadOnlyList<GoPackage> MainPackages(GoModule module, IEnumerable<GoPackage> own)
    {
        var cmd = RepoPath.Combine(module.Dir, "cmd");
        return own.Where(p => p.IsMain && (p.Dir == module.Dir || RepoPath.Parent(p.Dir) == cmd))
            .OrderBy(p => p.Dir, StringComparer.Ordinal).ToList();
    }

    /// <summary>A service's main packages; for a library module without one, all its non-test packages.</summary>
    public static IReadOnlyList<GoPackage> Roots(GoModule module, IEnumerable<GoPackage> modulePackages, out IReadOnlyList<GoPackage> mains)
    {
        var own = modulePackages.Where(p => p.Files.Count > 0).ToList();
        mains = MainPackages(module, own);
        return mains.Count > 0 ? mains : own.Where(p => !p.IsMain).ToList();
    }
}
