using GoMonorepoBuild.Workspace.Cache;
using GoMonorepoBuild.Workspace.GoMod;
using GoMonorepoBuild.Workspace.Modules;
using GoMonorepoBuild.Workspace.Packages;
using GoMonorepoBuild.Workspace.Vendor;

namespace GoMonorepoBuild.Workspace.Services;

/// <summary>
/// Turns a discovered service into a <see cref="GoService"/> with its packages and image inputs. The closure starts at
/// the service's own main package, so binaries of one module share only what they both import.
/// </summary>
internal static class ServiceBuilder
{
    public static GoService Build(ServiceDiscovery.Spec spec, IReadOnlyDictionary<string, GoModule> modulesByPath,
        IReadOnlyDictionary<string, GoPackage> packages, IEnumerable<GoPackage> modulePackages, MonorepoTree tree, GoWorkFile? work,
        VendorTrees vendors, Action<string>? warn, CancellationToken cancellationToken = default)
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
        // A linked file is read through its link; the file it points to (inside the monorepo) is an input too, so a change to it
        // affects the service.
        sourceFiles.UnionWith(LinkTargets(tree, sourceFiles));
        moduleFiles.UnionWith(LinkTargets(tree, moduleFiles));
        var vendor = vendors.For(module);
        var (vendorFiles, vendoredPackages) = Vendored(tree, vendor, module, work, closurePackages, cancellationToken);
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
            VendoredPackages = vendoredPackages,
            ModuleDir = module.Dir,
        };
    }

    /// <summary>
    /// The service's vendor files and vendored packages: kept from an earlier run over the same files when the key of all
    /// they depend on matches (<see cref="VendorClosures"/>), else computed, and proposed for keeping when every file of
    /// it is a known regular file (no link read through; proposals are kept only when the keys describe the files) and no
    /// vendored file failed to read.
    /// </summary>
    private static (IReadOnlyList<string> Files, IReadOnlyList<string> Packages) Vendored(MonorepoTree tree, VendorTree? vendor, GoModule module,
        GoWorkFile? work, List<GoPackage> closurePackages, CancellationToken cancellationToken)
    {
        if (vendor is null) return ([], []);
        var closures = vendor.Cache?.Closures;
        var key = closures is null ? null : VendorClosureKey.Of(vendor, module, work, closurePackages.SelectMany(p => p.ExternalImports.Concat(p.LocalImports)));
        if (key is not null && closures!.TryGet(key, out var kept))
        {
            vendor.Adopt(kept);
            return (VendorFiles(tree, vendor, kept.Files), kept.Packages);
        }
        var vendored = VendorClosure.Compute(vendor, closurePackages, cancellationToken);
        var files = vendored.Files;
        var packages = vendored.Packages.Keys.Order(StringComparer.Ordinal).ToList();
        // An embedded file below the package's folder is not in its listing: the keys (git's index, which lists no path
        // through a link) say it is a regular file then.
        if (key is not null && !vendor.ReadFailed && files.All(f => vendor.IsKnownRegularFile(f) || vendor.Cache!.Keys.FileId(f) is not null))
            closures!.Propose(key, new VendorClosures.Entry(packages, files, vendor.WarningsOf(packages)),
                vendor.DescribedByKeys && AsKeysSay(tree, vendor.Cache!.Keys, [vendor.ManifestFile, module.GoModFile, .. work is null ? Array.Empty<string>() : [work.File]]));
        return (VendorFiles(tree, vendor, files), packages);
    }

    /// <summary>
    /// Whether each of <paramref name="paths"/> (modules.txt, go.mod, go.work: read when the model started) is now a regular
    /// file with the content id the keys give it, as a status walk would find it.
    /// </summary>
    private static bool AsKeysSay(MonorepoTree tree, IContentKeys keys, IEnumerable<string> paths)
    {
        try
        {
            return paths.All(path => keys.FileId(path) is { } id && tree.Files.KindOf(path) == EntryKind.File
                                     && keys.IdOf(File.ReadAllBytes(tree.FullPath(path))) == id);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or OutsideMonorepoException)
        {
            return false;
        }
    }

    /// <summary>
    /// With a vendor folder the go command builds from it (see <see cref="VendorTrees"/>): its modules.txt and the files of
    /// the vendored packages the closure reaches are inputs (a linked one with the file it points to); the rest of
    /// vendor/ (other packages, licences) is not.
    /// </summary>
    private static IReadOnlyList<string> VendorFiles(MonorepoTree tree, VendorTree vendor, IReadOnlyList<string> closureFiles)
    {
        var files = new SortedSet<string>(closureFiles, StringComparer.Ordinal) { vendor.ManifestFile };
        foreach (var file in files.ToList())
        {
            // Most are known regular files (the package's folder listing said so): that spares resolving each path.
            if (vendor.IsKnownRegularFile(file)) continue;
            try
            {
                if (tree.Files.KindOf(file) == EntryKind.Link) files.Add(tree.Files.ResolveRelative(file));
            }
            catch (Exception e) when (e is OutsideMonorepoException or IOException) { } // reading it has already failed, naming it
        }
        return files.ToList();
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
