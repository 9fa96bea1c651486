using System.Collections.Concurrent;
using GoMonorepoBuild.Workspace.Cache;
using GoMonorepoBuild.Workspace.GoMod;
using GoMonorepoBuild.Workspace.Modules;
using GoMonorepoBuild.Workspace.Packages;

namespace GoMonorepoBuild.Workspace.Vendor;

/// <summary>
/// Which vendor folder, if any, the go command builds a module from (-mod=vendor is its default then): the module's own
/// vendor/ when it holds modules.txt and go.mod's <c>go</c> line is 1.14 or later; in workspace mode the one beside
/// go.work, made by <c>go work vendor</c> (modules.txt starting <c>## workspace</c>). A vendor folder without modules.txt
/// is not used (the go command would stop at "inconsistent vendoring" for a module with requirements).
/// </summary>
internal sealed class VendorTrees(Lazy<MonorepoTree> lazyTree, GoWorkFile? work, IReadOnlyList<TargetPlatform> platforms, LoadProblems problems,
    Lazy<ModelCache?> lazyCache)
{
    readonly ConcurrentDictionary<string, Lazy<VendorTree?>> trees = new(StringComparer.Ordinal);

    public VendorTrees(MonorepoTree tree, GoWorkFile? work, IReadOnlyList<TargetPlatform> platforms, LoadProblems problems, ModelCache? cache = null)
        : this(new Lazy<MonorepoTree>(tree), work, platforms, problems, new Lazy<ModelCache?>(cache))
    {
    }

    /// <summary>The vendor folder <paramref name="module"/> builds from, or null.</summary>
    public VendorTree? For(GoModule module)
    {
        var workspace = work is not null && module.InWorkspace;
        var dir = workspace ? GoInputFiles.VendorFolder : RepoPath.Combine(module.Dir, GoInputFiles.VendorFolder);
        var vendor = trees.GetOrAdd(dir, d => new Lazy<VendorTree?>(() => Read(d, module))).Value;
        if (vendor is null || vendor.Manifest.IsWorkspace != workspace) return null;
        if (!workspace && !AtLeastGo114(module.GoVersion)) return null;
        return vendor;
    }

    VendorTree? Read(string dir, GoModule module)
    {
        // A model read back from its saved form (SavedModel) has no tree walk until a vendored package is asked for.
        var tree = lazyTree.Value;
        var manifest = RepoPath.Combine(dir, GoInputFiles.VendorManifestName);
        if (!tree.IsRealFolder(dir) || tree.Files.KindOf(manifest) != EntryKind.File) return null;
        try
        {
            return new VendorTree(dir, module.Path, RepoPath.Parent(dir), VendorManifest.Parse(tree.Files.ReadAllText(manifest)), tree, platforms, problems, lazyCache.Value);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(new WorkspaceException($"cannot read: {e.Message}", manifest), module.Dir);
            return null;
        }
    }

    static bool AtLeastGo114(string? version)
    {
        var parts = version?.Split('.') ?? [];
        if (parts.Length < 2 || !int.TryParse(parts[0], out var major)) return false;
        var minor = new string(parts[1].TakeWhile(char.IsDigit).ToArray());
        return major > 1 || int.TryParse(minor, out var m) && m >= 14;
    }
}
