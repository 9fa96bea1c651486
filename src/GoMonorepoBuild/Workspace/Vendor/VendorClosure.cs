using GoMonorepoBuild.Workspace.Packages;

namespace GoMonorepoBuild.Workspace.Vendor;

/// <summary>
/// The vendored packages a service's build reads: those its local packages import, and what those import in turn,
/// from the vendor folder its module builds from. A local import that also has a vendored copy (a module replaced by a
/// monorepo folder and vendored, as moby does with ./api) takes the copy too: that copy is what the go command compiles.
/// </summary>
internal sealed class VendorClosure
{
    /// <summary>Who first imported a vendored package: a local package, or another vendored one.</summary>
    public sealed record Parent(string ImportPath, bool IsVendored);

    VendorClosure(IReadOnlyDictionary<string, GoPackage> packages, IReadOnlyDictionary<string, Parent> parents)
    {
        Packages = packages;
        Parents = parents;
    }

    public static readonly VendorClosure Empty = new(new Dictionary<string, GoPackage>(), new Dictionary<string, Parent>());

    /// <summary>Import path → vendored package.</summary>
    public IReadOnlyDictionary<string, GoPackage> Packages { get; }

    public IReadOnlyDictionary<string, Parent> Parents { get; }

    /// <summary>The vendored files of the closure's packages: Go, assembly/C/.syso and embedded files, sorted.</summary>
    public IReadOnlyList<string> Files => Packages.Values.SelectMany(p => p.Files.Concat(p.OtherSourceFiles).Concat(p.EmbedFiles))
        .Distinct().Order(StringComparer.Ordinal).ToList();

    public static VendorClosure Compute(VendorTree vendor, IEnumerable<GoPackage> localPackages, CancellationToken cancellationToken = default)
    {
        var packages = new Dictionary<string, GoPackage>(StringComparer.Ordinal);
        var parents = new Dictionary<string, Parent>(StringComparer.Ordinal);
        var pending = new Queue<GoPackage>();
        void Visit(string import, Parent parent)
        {
            if (packages.ContainsKey(import) || vendor.Package(import) is not { } package) return;
            packages[import] = package;
            parents[import] = parent;
            pending.Enqueue(package);
        }
        foreach (var local in localPackages.OrderBy(p => p.ImportPath, StringComparer.Ordinal))
            foreach (var import in local.ExternalImports.Concat(local.LocalImports).Order(StringComparer.Ordinal))
                Visit(import, new Parent(local.ImportPath, false));
        // Each vendored package is read on first visit (a large vendor folder is thousands of files): check between them.
        while (pending.TryDequeue(out var package) && !cancellationToken.IsCancellationRequested)
            foreach (var import in package.ExternalImports)
                Visit(import, new Parent(package.ImportPath, true));
        cancellationToken.ThrowIfCancellationRequested();
        return new VendorClosure(packages, parents);
    }
}
