using GoMonorepoBuild.Workspace.GoMod;
using GoMonorepoBuild.Workspace.Modules;
using GoMonorepoBuild.Workspace.Packages;
using GoMonorepoBuild.Workspace.Services;
using GoMonorepoBuild.Workspace.Vendor;

namespace GoMonorepoBuild.Workspace;

/// <summary>
/// The Go monorepo as the build sees it: modules, packages, services and what each service's image is built from.
/// Every path is relative to <see cref="Root"/> with forward slashes. Load it with <see cref="Load(string, IReadOnlyList{string}?, CancellationToken)"/>.
/// </summary>
public sealed class GoWorkspace
{
    private readonly Dictionary<string, GoModule> _modulesByPath;
    private readonly Dictionary<string, GoModule> _modulesByDir;
    // Reverse indexes are built on first use: loading must stay fast, and many runs never ask.
    private readonly Lazy<ReverseIndex> _reverse;
    private readonly Lazy<ILookup<string, GoPackage>> _packagesByModule;
    private readonly Lazy<IReadOnlyList<IReadOnlyList<string>>> _cycles;
    private readonly VendorTrees _vendors;

    internal GoWorkspace(string root, GoWorkFile? work, IReadOnlyList<GoModule> modules, IReadOnlyDictionary<string, GoPackage> packages,
        IReadOnlyList<GoService> services, IReadOnlyList<string> warnings, IReadOnlyList<TargetPlatform> platforms, VendorTrees vendors)
    {
        _vendors = vendors;
        Root = root;
        Work = work;
        Modules = modules;
        Packages = packages;
        Services = services;
        Warnings = warnings;
        Platforms = platforms;
        _modulesByPath = modules.GroupBy(m => m.Path).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _modulesByDir = modules.ToDictionary(m => m.Dir, StringComparer.Ordinal);
        _packagesByModule = new(() => packages.Values.ToLookup(p => p.ModulePath, StringComparer.Ordinal));
        _reverse = new(() => new ReverseIndex(modules, packages));
        _cycles = new(() => ModuleCycleFinder.Find(modules));
    }

    /// <summary>The monorepo root, absolute.</summary>
    public string Root { get; }

    /// <summary>The go.work at the monorepo root, when there is one.</summary>
    public GoWorkFile? Work { get; }

    /// <summary>Every module of the monorepo, sorted by folder.</summary>
    public IReadOnlyList<GoModule> Modules { get; }

    /// <summary>Import path → package, for every package of every module.</summary>
    public IReadOnlyDictionary<string, GoPackage> Packages { get; }

    /// <summary>
    /// Modules that require each other in a circle (legal in Go), each as its sorted module paths: the strongly connected
    /// components of the module graph with more than one member.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> ModuleCycles => _cycles.Value;

    /// <summary>The module cycle <paramref name="modulePath"/> belongs to, or null.</summary>
    public IReadOnlyList<string>? ModuleCycleOf(string modulePath) => ModuleCycles.FirstOrDefault(c => c.Contains(modulePath, StringComparer.Ordinal));

    /// <summary>The services the globs name (binaries, or library modules analysed as one), sorted by path.</summary>
    public IReadOnlyList<GoService> Services { get; }

    /// <summary>
    /// Things that are legal but probably not meant (a replace without require, a local module taken from a proxy), and
    /// problems that no selected service reaches.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>
    /// Selected services that cannot be analysed or built until a problem they reach is fixed (a broken go.mod, a replace
    /// resolving nowhere, a package that does not parse, an import cycle, a name clash); sorted by path. They are not in
    /// <see cref="Services"/>.
    /// </summary>
    public IReadOnlyList<BlockedService> BlockedServices { get; init; } = [];

    /// <summary>Every problem found while loading, each naming the services it blocks (none: it is also a warning).</summary>
    public IReadOnlyList<WorkspaceException> Problems { get; init; } = [];

    /// <summary>Every module folder, those whose go.mod did not load included.</summary>
    internal IReadOnlySet<string> AllModuleDirs { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The blocked service named <paramref name="name"/> (case-insensitively), or null.</summary>
    public BlockedService? Blocked(string name) =>
        BlockedServices.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The blocked services a change to <paramref name="path"/> may affect: those whose module reaches the module holding
    /// it (their package closure is unknown, so this is module granularity), and those whose problem sits in that file.
    /// </summary>
    public IReadOnlyList<BlockedService> BlockedServicesReaching(string path)
    {
        if (BlockedServices.Count == 0) return [];
        string? owner = null;
        for (var dir = RepoPath.Parent(path); owner is null; dir = RepoPath.Parent(dir))
        {
            if (AllModuleDirs.Contains(dir)) owner = dir;
            else if (dir == ".") break;
        }
        return BlockedServices.Where(b => owner is not null && b.ModuleDirs.Contains(owner) || b.Problems.Any(p => p.File == path)).ToList();
    }

    /// <summary>Throws the first problem (with the others in <see cref="WorkspaceException.OtherProblems"/>) when there is any: for callers that want the whole tree sound.</summary>
    public GoWorkspace ThrowIfProblems() =>
        Problems.Count == 0 ? this : throw Problems[0].WithOtherProblems(Problems.Skip(1).ToList());

    public IReadOnlyList<TargetPlatform> Platforms { get; }

    /// <summary>Loads the model (see <see cref="WorkspaceLoader"/>); a cancelled token stops it between files with an <see cref="OperationCanceledException"/>.</summary>
    public static GoWorkspace Load(string monorepoRoot, IReadOnlyList<string>? serviceGlobs = null, CancellationToken cancellationToken = default) =>
        WorkspaceLoader.Load(monorepoRoot, serviceGlobs is null ? WorkspaceOptions.Default : WorkspaceOptions.Default.WithServiceGlobs(serviceGlobs), cancellationToken);

    /// <inheritdoc cref="Load(string, IReadOnlyList{string}?, CancellationToken)"/>
    public static GoWorkspace Load(string monorepoRoot, WorkspaceOptions options, CancellationToken cancellationToken = default) =>
        WorkspaceLoader.Load(monorepoRoot, options, cancellationToken);

    public GoModule? ModuleByPath(string modulePath) => _modulesByPath.GetValueOrDefault(modulePath);

    public GoModule? ModuleAt(string dir) => _modulesByDir.GetValueOrDefault(dir);

    /// <summary>The module owning a file or folder: the nearest module folder at or above it.</summary>
    public GoModule? ModuleContaining(string path)
    {
        for (var dir = path; ; dir = RepoPath.Parent(dir))
        {
            if (_modulesByDir.TryGetValue(dir, out var module)) return module;
            if (dir == ".") return null;
        }
    }

    public GoService? Service(string name) => Services.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    public IEnumerable<GoPackage> PackagesOfModule(string modulePath) => _packagesByModule.Value[modulePath];

    /// <summary>The packages a file belongs to: as a Go, test, excluded or assembly/C file of its folder, or as an embedded file.</summary>
    public IReadOnlyList<GoPackage> PackagesOfFile(string path) => _reverse.Value.PackagesByFile.TryGetValue(path, out var list) ? list : [];

    /// <summary>The package in a folder; for a deleted or new file, the package of its folder is what it belonged to.</summary>
    public GoPackage? PackageAt(string dir) => _reverse.Value.PackagesByDir.GetValueOrDefault(dir);

    /// <summary>Local packages whose non-test files import <paramref name="importPath"/>.</summary>
    public IReadOnlyList<GoPackage> ImportersOf(string importPath) => _reverse.Value.Importers.TryGetValue(importPath, out var list) ? list : [];

    /// <summary>Local packages whose test files import <paramref name="importPath"/>.</summary>
    public IReadOnlyList<GoPackage> TestImportersOf(string importPath) => _reverse.Value.TestImporters.TryGetValue(importPath, out var list) ? list : [];

    /// <summary>Modules depending directly on <paramref name="modulePath"/> (see <see cref="GoModule.LocalDependencies"/>).</summary>
    public IReadOnlyList<GoModule> DependentsOf(string modulePath) => _reverse.Value.Dependents.TryGetValue(modulePath, out var list) ? list : [];

    /// <summary>Services whose image is built from <paramref name="path"/>.</summary>
    public IReadOnlyList<GoService> ServicesWithInput(string path) =>
        Services.Where(s => s.ImageInputs.BinarySearch(path) >= 0).ToList();

    /// <summary>
    /// Why <paramref name="path"/> is an input of <paramref name="service"/>, as a chain from the file to the service, e.g.
    /// libs/auth/token.go → package example.com/libs/auth → imported by example.com/services/orders/internal/api →
    /// imported by example.com/services/orders/cmd/orders (main) → service orders. Null when it is not an input.
    /// </summary>
    public IReadOnlyList<string>? Explain(string path, GoService service)
    {
        if (service.ImageInputs.BinarySearch(path) < 0) return null;
        var tail = $"service {service.Name}";
        if (path == service.Dockerfile) return [path, $"the Dockerfile of {tail}"];
        if (service.IsOnlyExtraInput(path)) return ExplainExtraInput(path, service)!;
        var module = ModuleAt(service.ModuleDir)!;
        if (Work is not null && (path == Work.File || path == "go.work.sum")) return [path, "the go.work of the workspace", tail];
        var owner = Modules.FirstOrDefault(m => m.ModuleFiles.Contains(path));
        if (owner is not null) return ModuleChain(path, owner, module, tail);

        var roots = ServiceBuilder.Roots(service, PackagesOfModule(module.Path));
        var closure = ServiceClosure.Compute(module, _modulesByPath, Packages, roots);
        if (service.VendorFiles.BinarySearch(path) >= 0) return VendorChain(path, service, module, closure, tail);
        var package = PackagesOfFile(path).FirstOrDefault(p => closure.Parents.ContainsKey(p.ImportPath));
        if (package is null) return null;
        var embedded = package.EmbedFiles.BinarySearch(path) >= 0;
        var chain = new List<string> { path, embedded ? $"embedded by package {package.ImportPath}" : $"package {package.ImportPath}" };
        AddImporters(chain, closure, closure.Parents[package.ImportPath]);
        chain.Add(tail);
        return chain;
    }

    /// <summary>Whether <paramref name="path"/> lies in the vendor folder a module builds from (see <see cref="GoService.VendorFiles"/>).</summary>
    public bool IsInUsedVendorFolder(string path) => VendoredImportPathOf(path) is not null;

    /// <summary>
    /// For a file in the vendor folder a module builds from, the import path of the vendored package its folder would be
    /// (<c>vendor/github.com/x/y/y.go</c> → <c>github.com/x/y</c>); null for any other file.
    /// </summary>
    public string? VendoredImportPathOf(string path)
    {
        if (GoInputFiles.VendorFolderOf(path) is not { } folder || RepoPath.Parent(path) == folder) return null;
        var owner = folder == GoInputFiles.VendorFolder && Work is not null ? Modules.FirstOrDefault(m => m.InWorkspace) : ModuleAt(RepoPath.Parent(folder));
        if (owner is null || _vendors.For(owner) is not { } vendor || vendor.Dir != folder) return null;
        return RepoPath.Parent(path)[(folder.Length + 1)..];
    }

    /// <summary>
    /// vendor/modules.txt → the module building from it; a vendored package's file → that package → the vendored packages
    /// and then the local packages importing it → the service.
    /// </summary>
    private List<string>? VendorChain(string path, GoService service, GoModule module, ServiceClosure closure, string tail)
    {
        var vendor = _vendors.For(module);
        var owner = vendor?.Manifest.IsWorkspace == true ? "the go.work" : $"module {module.Path}";
        if (vendor is null || path == vendor.ManifestFile) return [path, $"vendored by {owner} ({GoInputFiles.VendorFolder}/{GoInputFiles.VendorManifestName})", tail];
        var vendored = VendorClosure.Compute(vendor, closure.Parents.Keys.Select(k => Packages[k]));
        var package = vendored.Packages.Values.FirstOrDefault(p => p.Files.Concat(p.OtherSourceFiles).Concat(p.EmbedFiles).Contains(path, StringComparer.Ordinal))
                      ?? vendored.Packages.Values.FirstOrDefault(p => p.Dir == RepoPath.Parent(path));
        if (package is null) return [path, $"vendored by {owner} ({vendor.Dir})", tail];
        var version = vendor.Manifest.ModuleOf(package.ImportPath) is { } listed ? $"module {listed}, " : "";
        var chain = new List<string>
        {
            path,
            package.EmbedFiles.Contains(path, StringComparer.Ordinal) ? $"embedded by vendored package {package.ImportPath}" : $"vendored package {package.ImportPath} ({version}{vendor.Dir})",
        };
        var parent = vendored.Parents[package.ImportPath];
        for (; parent.IsVendored; parent = vendored.Parents[parent.ImportPath]) chain.Add($"imported by vendored package {parent.ImportPath}");
        AddImporters(chain, closure, parent.ImportPath);
        chain.Add(tail);
        return chain;
    }

    /// <summary>"imported by …" from <paramref name="importer"/> up to the closure's root (a main package, marked).</summary>
    private void AddImporters(List<string> chain, ServiceClosure closure, string? importer)
    {
        for (var parent = importer; parent is not null; parent = closure.Parents[parent])
            chain.Add($"imported by {parent}{(closure.Parents[parent] is null && Packages[parent].IsMain ? " (main)" : "")}");
    }

    /// <summary>
    /// The chain for a file matching one of the service's extra-input globs, by pattern (it may be gone from the tree):
    /// src/frontend/templates/home.html → extra input of frontend (templates/**). Null when no glob matches.
    /// </summary>
    public static IReadOnlyList<string>? ExplainExtraInput(string path, GoService service) =>
        service.ExtraInputs.GlobMatching(path) is { } glob ? [path, $"extra input of {service.Name} ({glob.Text})"] : null;

    private List<string> ModuleChain(string path, GoModule owner, GoModule serviceModule, string tail)
    {
        var chain = new List<string> { path, $"module {owner.Path}" };
        var parents = new Dictionary<string, string?>(StringComparer.Ordinal) { [serviceModule.Path] = null };
        var queue = new Queue<string>([serviceModule.Path]);
        while (queue.TryDequeue(out var current) && !parents.ContainsKey(owner.Path))
            foreach (var dependency in _modulesByPath[current].LocalDependencies)
                if (parents.TryAdd(dependency, current)) queue.Enqueue(dependency);
        for (var parent = parents.GetValueOrDefault(owner.Path); parent is not null; parent = parents[parent])
            chain.Add($"required by {_modulesByPath[parent].Dir} (module {parent})");
        chain.Add(tail);
        return chain;
    }
}
