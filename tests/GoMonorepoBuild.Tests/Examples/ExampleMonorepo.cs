using System.Text.RegularExpressions;

namespace GoMonorepoBuild.Tests.Examples;

/// <summary>
/// The checked-in example monorepo (examples/monorepo), read straight from the file tree so its
/// structural promises can be checked without Go installed.
/// </summary>
public static partial class ExampleMonorepo
{
    public static string RepositoryRoot => GoMonorepoBuild.Tests.Support.RealBuild.RepositoryRoot;

    public static string Root { get; } = Path.Combine(RepositoryRoot, "examples", "monorepo");

    /// <summary>Every module directory, relative to <see cref="Root"/> with '/' separators, e.g. "services/orders".</summary>
    public static IReadOnlyList<string> Modules { get; } =
        Directory.EnumerateFiles(Root, "go.mod", SearchOption.AllDirectories)
            .Select(goMod => Path.GetRelativePath(Root, Path.GetDirectoryName(goMod)!).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();

    public static IEnumerable<string> ServiceModules => Modules.Where(m => m.StartsWith("services/", StringComparison.Ordinal));

    public static IEnumerable<string> LibModules => Modules.Where(m => m.StartsWith("libs/", StringComparison.Ordinal));

    public static string PathOf(string module) => Path.Combine(Root, module);

    public static string GoModOf(string module) => File.ReadAllText(Path.Combine(PathOf(module), "go.mod"));

    /// <summary>Directories (relative to the module, "." for its root) holding a non-test file of package main.</summary>
    public static IReadOnlyList<string> MainPackages(string module)
    {
        var moduleDir = PathOf(module);
        return Directory.EnumerateFiles(moduleDir, "*.go", SearchOption.AllDirectories)
            .Where(file => !file.EndsWith("_test.go", StringComparison.Ordinal))
            .Where(file => PackageClause().Match(File.ReadAllText(file)).Groups[1].Value == "main")
            .Select(file => Path.GetRelativePath(moduleDir, Path.GetDirectoryName(file)!).Replace('\\', '/'))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    [GeneratedRegex(@"^package\s+(\w+)", RegexOptions.Multiline)]
    private static partial Regex PackageClause();
}
