using GoMonorepoBuild.Workspace;
using GoMonorepoBuild.Workspace.Packages;
using GoMonorepoBuild.Workspace.Services;

namespace GoMonorepoBuild.Affected;

/// <summary>
/// Non-Go files the go command compiles into their folder's package (<see cref="GoInputFiles.IsOtherSource"/>). A new
/// one is not yet in the head model's package (a deleted one no longer is), so a change to one is also mapped through
/// the package of its folder: missing such a rebuild would be worse than one extra.
/// </summary>
internal static class CompiledSources
{
    public static bool IsCompiledSource(string path) => GoInputFiles.IsOtherSource(RepoPath.FileName(path));

    /// <summary>The package built from the file's folder, with the services whose closure holds it.</summary>
    public static (GoPackage Package, IReadOnlyList<GoService> Services)? Users(GoWorkspace model, string path)
    {
        if (!IsCompiledSource(path)) return null;
        var dir = RepoPath.Parent(path);
        var package = model.Packages.Values.FirstOrDefault(p => p.Dir == dir && p.Files.Count > 0);
        if (package is null) return null;
        return (package, model.Services.Where(s => s.Packages.Contains(package.ImportPath)).ToList());
    }
}
