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
        var locals = localPackages.OrderBy(p => p.ImportPath, StringComparer.Ordinal).ToList();
        Prefetch(vendor, locals.SelectMany(l => l.ExternalImports.Concat(l.LocalImports)), packages);
        foreach (var local in locals)
            foreach (var import in local.ExternalImports.Concat(local.LocalImports).Order(StringComparer.Ordinal))
                Visit(import, new Parent(local.ImportPath, false));
        while (pending.Count > 0)
        {
            // One level of the walk at a time: its packages are read in parallel first, then visited in the same order as
            // before, so the closure and who-imported-whom do not depend on timing.
            Prefetch(vendor, pending.SelectMany(p => p.ExternalImports), packages);
            cancellationToken.ThrowIfCancellationRequested();
            for (var n = pending.Count; n > 0; n--)
            {
                var package = pending.Dequeue();
                foreach (var import in package.ExternalImports)
                    Visit(import, new Parent(package.ImportPath, true));
            }
        }
        return new VendorClosure(packages, parents);
    }

    /// <summary>
    /// Reads the vendored packages <paramref name="imports"/> name (those not yet visited) on every core: a vendoring
    /// service reaches hundreds of them (moby's dockerd some 1,800), each a folder listing and a few file headers.
    /// </summary>
    static void Prefetch(VendorTree vendor, IEnumerable<string> imports, Dictionary<string, GoPackage> visited)
    {
        var wanted = imports.Where(i => !visited.ContainsKey(i)).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count > 1) Parallel.ForEach(wanted, import => vendor.Package(import));
    }
}
