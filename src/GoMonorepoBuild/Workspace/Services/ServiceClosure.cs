using GoMonorepoBuild.Workspace.Modules;
using GoMonorepoBuild.Workspace.Packages;

namespace GoMonorepoBuild.Workspace.Services;

/// <summary>
/// What one service's build reads: the modules reachable from its module through the module graph, and the local
/// packages its main packages (or, for a library module, all its packages) import transitively within those modules.
/// </summary>
internal sealed class ServiceClosure
{
    private ServiceClosure(IReadOnlyList<GoModule> modules, IReadOnlyList<GoPackage> roots, IReadOnlyDictionary<string, string?> parents)
    {
        Modules = modules;
        Roots = roots;
        Parents = parents;
    }

    public IReadOnlyList<GoModule> Modules { get; }

    public IReadOnlyList<GoPackage> Roots { get; }

    /// <summary>Every package of the closure → the package that first imported it (null for roots); explains chains.</summary>
    public IReadOnlyDictionary<string, string?> Parents { get; }

    public static ServiceClosure Compute(GoModule module, IReadOnlyDictionary<string, GoModule> modulesByPath,
        IReadOnlyDictionary<string, GoPackage> packages, IReadOnlyList<GoPackage> roots, Action<string>? warn = null)
    {
        var visible = new Dictionary<string, GoModule>(StringComparer.Ordinal) { [module.Path] = module };
        var queue = new Queue<GoModule>([module]);
        while (queue.TryDequeue(out var current))
            foreach (var dependency in current.LocalDependencies)
                if (!visible.ContainsKey(dependency) && modulesByPath.TryGetValue(dependency, out var next))
                {
                    visible[dependency] = next;
                    queue.Enqueue(next);
                }

        var parents = new Dictionary<string, string?>(StringComparer.Ordinal);
        var pending = new Queue<GoPackage>();
        foreach (var root in roots)
            if (parents.TryAdd(root.ImportPath, null)) pending.Enqueue(root);
        while (pending.TryDequeue(out var package))
            foreach (var import in package.LocalImports)
            {
                if (parents.ContainsKey(import) || !packages.TryGetValue(import, out var target)) continue;
                if (!visible.ContainsKey(target.ModulePath))
                {
                    warn?.Invoke($"{package.Dir} imports {import} from the monorepo module {modulesByPath[target.ModulePath].Dir}, but " +
                        $"{module.GoModFile} has no local replace for it (nor a go.work using both): the build takes that module from a module proxy");
                    continue;
                }
                parents[import] = package.ImportPath;
                pending.Enqueue(target);
            }
        return new ServiceClosure(visible.Values.OrderBy(m => m.Dir, StringComparer.Ordinal).ToList(), roots, parents);
    }
}
