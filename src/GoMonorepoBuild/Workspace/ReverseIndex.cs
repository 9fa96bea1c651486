using GoMonorepoBuild.Workspace.Modules;
using GoMonorepoBuild.Workspace.Packages;

namespace GoMonorepoBuild.Workspace;

/// <summary>The model read backwards: file → packages, package → importers, module → dependents.</summary>
internal sealed class ReverseIndex
{
    public ReverseIndex(IReadOnlyList<GoModule> modules, IReadOnlyDictionary<string, GoPackage> packages)
    {
        foreach (var package in packages.Values.OrderBy(p => p.ImportPath, StringComparer.Ordinal))
        {
            PackagesByDir[package.Dir] = package;
            foreach (var file in package.Files.Concat(package.ExcludedFiles).Concat(package.TestFiles).Concat(package.EmbedFiles).Concat(package.OtherSourceFiles))
                Add(PackagesByFile, file, package);
            foreach (var import in package.LocalImports) Add(Importers, import, package);
            foreach (var import in package.TestImports.Where(packages.ContainsKey)) Add(TestImporters, import, package);
        }
        foreach (var module in modules)
            foreach (var dependency in module.LocalDependencies)
                Add(Dependents, dependency, module);
    }

    public Dictionary<string, List<GoPackage>> PackagesByFile { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, GoPackage> PackagesByDir { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<GoPackage>> Importers { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<GoPackage>> TestImporters { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<GoModule>> Dependents { get; } = new(StringComparer.Ordinal);

    private static void Add<T>(Dictionary<string, List<T>> index, string key, T value)
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
        list.Add(value);
    }
}
