using GoMonorepoBuild.Workspace.GoMod;
using GoMonorepoBuild.Workspace.Modules;
using GoMonorepoBuild.Workspace.Packages;

namespace GoMonorepoBuild.Workspace.Services;

/// <summary>
/// Turns a discovered service into a <see cref="GoService"/> with its packages and image inputs. The closure starts at
/// the service's own main package, so binaries of one module share only what they both import.
/// </summary>
internal static class ServiceBuilder
{
    public static GoService Build(ServiceDiscovery.Spec spec, IReadOnlyDictionary<string, GoModule> modulesByPath,
        IReadOnlyDictionary<string, GoPackage> packages, IEnumerable<GoPackage> modulePackages, MonorepoTree tree, GoWorkFile? work,
        Action<string>? warn)
    {
        var (name, module, mains) = (spec.Name, spec.Module, spec.Mains);
        var roots = mains.Count > 0 ? mains : LibraryRoots(modulePackages);
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
        var vendorFiles = VendorFiles(tree, module);
        var hasDockerfile = tree.HasFile(spec.Dir, "Dockerfile");
        var inputs = new SortedSet<string>(moduleFiles.Concat(sourceFiles).Concat(vendorFiles), StringComparer.Ordinal);
        if (hasDockerfile) inputs.Add(RepoPath.Combine(spec.Dir, "Dockerfile"));

        return new GoService(
            name,
            spec.Dir,
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
            ModuleDir = module.Dir,
        };
    }

    /// <summary>
    /// With vendor/modules.txt the go command builds from the main module's vendor folder (-mod=vendor is the default),
    /// so its files are inputs; the tree walk skips vendor/, hence the separate listing.
    /// </summary>
    private static IReadOnlyList<string> VendorFiles(MonorepoTree tree, GoModule module)
    {
        var vendor = tree.FullPath(RepoPath.Combine(module.Dir, "vendor"));
        if (!File.Exists(Path.Combine(vendor, "modules.txt"))) return [];
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        return Directory.EnumerateFiles(vendor, "*", options).Select(f => RepoPath.FromSystem(tree.Root, f)).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The main package at the module root and those directly under cmd/.</summary>
    public static IReadOnlyList<GoPackage> MainPackages(GoModule module, IEnumerable<GoPackage> own)
    {
        var cmd = RepoPath.Combine(module.Dir, "cmd");
        return own.Where(p => p.IsMain && (p.Dir == module.Dir || RepoPath.Parent(p.Dir) == cmd))
            .OrderBy(p => p.Dir, StringComparer.Ordinal).ToList();
    }

    /// <summary>What a library service (no main package) is analysed as: its module's non-test, non-main packages.</summary>
    public static IReadOnlyList<GoPackage> LibraryRoots(IEnumerable<GoPackage> modulePackages) =>
        modulePackages.Where(p => p.Files.Count > 0 && !p.IsMain).ToList();

    /// <summary>Where a built service's closure starts: its main package; for a library, all its module's packages.</summary>
    public static IReadOnlyList<GoPackage> Roots(GoService service, IEnumerable<GoPackage> modulePackages)
    {
        if (service.MainPackages.Count == 0) return LibraryRoots(modulePackages);
        var dirs = service.MainPackages.ToHashSet(StringComparer.Ordinal);
        return modulePackages.Where(p => dirs.Contains(p.Dir)).ToList();
    }
}
