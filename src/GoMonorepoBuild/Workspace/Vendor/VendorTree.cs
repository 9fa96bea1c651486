using System.Collections.Concurrent;
using GoMonorepoBuild.Workspace.Cache;
using GoMonorepoBuild.Workspace.Modules;
using GoMonorepoBuild.Workspace.Packages;

namespace GoMonorepoBuild.Workspace.Vendor;

/// <summary>
/// A vendor folder the go command builds from: its modules.txt and the vendored packages, read on demand (a vendor
/// folder may hold thousands of packages; a service needs the few its code reaches). Each package is built by the
/// rules of a local one (<see cref="PackageIndex.Vendored"/>): its non-test Go files that may build for a target
/// platform, its assembly/C/.syso files and its embedded files. Thread-safe.
/// </summary>
internal sealed class VendorTree
{
    readonly MonorepoTree tree;
    readonly IReadOnlyList<TargetPlatform> platforms;
    readonly LoadProblems problems;
    readonly ModelCache? cache;
    readonly ConcurrentDictionary<string, Lazy<GoPackage?>> packages = new(StringComparer.Ordinal);
    // Files of the loaded packages' folders that are regular files in a real folder (no link anywhere on their path).
    readonly ConcurrentDictionary<string, bool> regularFiles = new(StringComparer.Ordinal);
    // Each loaded package's warnings, for a closure kept across runs to give them again (VendorClosures).
    readonly ConcurrentDictionary<string, IReadOnlyList<string>> warningsOf = new(StringComparer.Ordinal);
    // A file that could not be read says nothing lasting about the files: no closure is kept from this tree then.
    volatile bool readFailed;
    // Whether a package was read from a folder that is not as the caller's keys describe it (see DescribedByKeys).
    volatile bool departed;

    public VendorTree(string dir, string vendoringModule, string vendoringModuleDir, VendorManifest manifest, MonorepoTree tree,
        IReadOnlyList<TargetPlatform> platforms, LoadProblems problems, ModelCache? cache = null)
    {
        this.cache = cache;
        Dir = dir;
        VendoringModule = vendoringModule;
        VendoringModuleDir = vendoringModuleDir;
        Manifest = manifest;
        this.tree = tree;
        this.platforms = platforms;
        this.problems = problems;
    }

    /// <summary>The vendor folder, e.g. <c>services/api/vendor</c> (or <c>vendor</c>).</summary>
    public string Dir { get; }

    /// <summary>The module path whose vendor folder this is (for a workspace's, the first module the go.work uses).</summary>
    public string VendoringModule { get; }

    public string VendoringModuleDir { get; }

    public VendorManifest Manifest { get; }

    public string ManifestFile => RepoPath.Combine(Dir, GoInputFiles.VendorManifestName);

    /// <summary>The parse cache and keys the packages are read through, if any.</summary>
    public ModelCache? Cache => cache;

    public IReadOnlyList<TargetPlatform> Platforms => platforms;

    /// <summary>Whether reading some vendored file failed, or a folder gave warnings but no package (then no closure of this tree is kept).</summary>
    public bool ReadFailed => readFailed;

    /// <summary>
    /// Whether every package read so far is the package of the files the caller's keys (git's index) describe: found in
    /// the parse cache under the keys' listing and ids, or read from a folder whose entries are the keys' entries, no
    /// link among them, each Go file's bytes having the id the keys give it, and an embedding package's whole tree on
    /// disk as the keys list it (<see cref="TreeAsDescribed"/>). A closure of such packages is kept without asking
    /// whether the checkout stayed clean while it was read (issue 17 item 5: that second status walk was a fifth of a
    /// first analysis after a vendor/ change on moby).
    /// </summary>
    public bool DescribedByKeys => cache is not null && !departed && !readFailed;

    /// <summary>The warnings loading <paramref name="importPaths"/> gave, sorted and distinct.</summary>
    public IReadOnlyList<string> WarningsOf(IEnumerable<string> importPaths) =>
        importPaths.SelectMany(p => warningsOf.GetValueOrDefault(p) ?? []).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Takes a closure kept from an earlier run over the same files (<see cref="VendorClosures"/>): its files were regular
    /// files then, and are now (the key describes them), and its packages' warnings are given again.
    /// </summary>
    public void Adopt(VendorClosures.Entry closure)
    {
        foreach (var file in closure.Files) regularFiles.TryAdd(file, true);
        foreach (var warning in closure.Warnings) problems.Warn(warning);
    }

    /// <summary>
    /// Whether <paramref name="path"/> is known to be a regular file reached without a link: listed so in the folder of a
    /// package already loaded. False means unknown, not a link.
    /// </summary>
    public bool IsKnownRegularFile(string path) => regularFiles.ContainsKey(path);

    /// <summary>The vendored package <paramref name="importPath"/>, or null when the folder holds no Go files for it.</summary>
    public GoPackage? Package(string importPath) =>
        packages.GetOrAdd(importPath, path => new Lazy<GoPackage?>(() => Load(path))).Value;

    GoPackage? Load(string importPath)
    {
        if (importPath.Split('/').Any(e => e is "" or "." or ".." || e.Contains('\\'))) return null;
        var dir = RepoPath.Combine(Dir, importPath);
        var module = Manifest.ModuleOf(importPath) is { } listed ? listed.Split(' ')[0] : importPath;
        // A folder the caller knows entry by entry (a clean checkout's index) whose package was read before is not read again.
        if (cache?.Keys.Listing(dir) is { } known && known.All(e => !e.IsLink)
            && cache.Store.TryPackage(Key(importPath, module, dir, known), out var hit))
        {
            foreach (var name in hit.RegularFiles) regularFiles.TryAdd(RepoPath.Combine(dir, name), true);
            foreach (var warning in hit.Warnings) problems.Warn(warning);
            warningsOf[importPath] = hit.Warnings;
            return hit.Package;
        }
        var described = cache?.Keys.Listing(dir);
        if (!tree.IsRealFolder(dir))
        {
            // The keys would have given no package either only when they list no Go file there.
            if (described is not null && described.Any(e => GoInputFiles.IsGoSource(e.Name))) departed = true;
            return null;
        }
        var listing = tree.Files.List(dir).Where(e => e.Kind is EntryKind.File or EntryKind.Link).ToList();
        foreach (var (name, _) in listing.Where(e => e.Kind == EntryKind.File)) regularFiles.TryAdd(RepoPath.Combine(dir, name), true);
        var entries = listing.Select(e => e.Name).ToList();
        var files = new List<(string Path, GoSourceFile File)>();
        // Only a package read from regular files alone, each scanned from its bytes, is kept: links lead elsewhere.
        var cacheable = cache is not null && listing.All(e => e.Kind == EntryKind.File);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var unreadable = new List<string>();
        foreach (var (name, kind) in listing.Where(e => GoInputFiles.IsGoSource(e.Name)))
        {
            var path = RepoPath.Combine(dir, name);
            try
            {
                // A regular file in a real folder (no link on the way, checked above) is read where it is; only a link
                // needs resolving, by the monorepo's link rule. A vendor folder holds thousands of files: this spares
                // a readlink per path segment for each.
                if (kind == EntryKind.File)
                {
                    if (cache is null)
                    {
                        files.Add((path, GoFileScanner.ScanFile(tree.FullPath(path), path)));
                        continue;
                    }
                    files.Add((path, cache.Scan(tree.FullPath(path), path, out var id)));
                    ids[name] = id;
                    continue;
                }
                if (tree.Files.KindOfTarget(path) != EntryKind.File) continue;
                files.Add((path, GoFileScanner.ScanFile(tree.Files.ReadablePath(path), path)));
            }
            catch (WorkspaceException e)
            {
                cacheable = false;
                unreadable.Add($"vendored package {importPath}: {e.Message}");
                problems.Warn(unreadable[^1]);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or OutsideMonorepoException)
            {
                cacheable = false;
                readFailed = true;
                problems.Warn($"vendored package {importPath}: cannot read {path}: {e.Message}");
            }
        }
        if (!departed && (!AsDescribed(described, listing, ids) || (files.Any(f => f.File.EmbedPatterns.Count > 0) && !TreeAsDescribed(dir))))
            departed = true;
        if (files.Count == 0)
        {
            // Warnings of a folder that is no package belong to no closure, so a kept closure could not give them again.
            if (unreadable.Count > 0) readFailed = true;
            return null;
        }
        var others = entries.Where(GoInputFiles.IsOtherSource).Select(n => RepoPath.Combine(dir, n)).ToList();
        // Third-party code is not the user's to fix, and the go command judges it with the real build tags (a generator
        // file of another package behind a custom tag is common): its problems are warnings, and the file in question
        // is left out as for a local package.
        // Files without a build constraint go first, so they name the package and a tagged odd one is the one left out.
        var ordered = files.OrderBy(f => f.File.Constraint is null ? 0 : 1).ThenBy(f => f.Path, StringComparer.Ordinal).ToList();
        var own = new LoadProblems();
        var package = PackageIndex.Vendored(tree, importPath, module, VendoringModuleDir, dir, ordered, others, platforms, own);
        var warnings = own.All.Select(problem => $"vendored package {importPath}: {problem.Error.Message}").ToList();
        foreach (var warning in warnings) problems.Warn(warning);
        warningsOf[importPath] = [.. unreadable, .. warnings];
        // Embedded files lie below the folder, which its listing does not describe: such a package is read each time.
        if (cacheable && files.All(f => f.File.EmbedPatterns.Count == 0))
            cache!.Store.AddPackage(Key(importPath, module, dir, listing.Select(e => new ContentEntry(e.Name, false, ids.GetValueOrDefault(e.Name)))),
                new CachedPackage(package, warnings, entries));
        return package;
    }

    /// <summary>
    /// Whether a folder read from disk is the one <paramref name="described"/> lists: the same names, no link on either
    /// side, and each Go file read with the id listed for it.
    /// </summary>
    static bool AsDescribed(IReadOnlyList<ContentEntry>? described, List<FolderEntry> listing, Dictionary<string, string> ids)
    {
        if (described is null || described.Count != listing.Count || described.Any(e => e.IsLink) || listing.Any(e => e.Kind != EntryKind.File))
            return false;
        var byName = described.ToDictionary(e => e.Name, e => e.Id, StringComparer.Ordinal);
        return listing.All(e => byName.TryGetValue(e.Name, out var id)
                                && (!GoInputFiles.IsGoSource(e.Name) || (id is not null && ids.GetValueOrDefault(e.Name) == id)));
    }

    /// <summary>
    /// Whether <paramref name="dir"/> and every folder below it hold on disk what the keys list, by name and kind: regular
    /// files and folders alone, no link or other kind on either side. What a //go:embed pattern matches depends on nothing
    /// else (<see cref="Packages.EmbedResolver"/> lists and probes only below the package's folder, through no link).
    /// </summary>
    bool TreeAsDescribed(string dir)
    {
        var keys = cache!.Keys;
        try
        {
            if (keys.Folders(dir) is not { } folders) return false;
            var described = keys.Listing(dir) ?? [];
            var disk = tree.Files.List(dir);
            var files = disk.Where(e => e.Kind == EntryKind.File).Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
            var subfolders = disk.Where(e => e.Kind == EntryKind.Directory).Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
            return files.Count + subfolders.Count == disk.Count && described.All(e => !e.IsLink)
                   && files.SetEquals(described.Select(e => e.Name)) && subfolders.SetEquals(folders)
                   && subfolders.All(name => TreeAsDescribed(RepoPath.Combine(dir, name)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or OutsideMonorepoException)
        {
            return false;
        }
    }

    /// <summary>The package's cache key; a folder's entries count by name, its Go files also by content.</summary>
    string Key(string importPath, string module, string dir, IEnumerable<ContentEntry> entries) =>
        ParseCache.PackageKey(importPath, module, dir, VendoringModuleDir, platforms,
            entries.Select(e => e with { Id = !e.IsLink && GoInputFiles.IsGoSource(e.Name) ? e.Id : null }));
}
