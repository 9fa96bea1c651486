using GoMonorepoBuild.Workspace;
using GoMonorepoBuild.Workspace.Packages;
using GoMonorepoBuild.Workspace.Services;

namespace GoMonorepoBuild.Affected;

/// <summary>
/// Non-Go files the go command compiles into their folder's package (assembly, cgo C/C++/Fortran sources and headers,
/// .syso objects, SWIG). The workspace model lists only .go files, so a change to one of these is mapped through the
/// package of its folder: missing such a rebuild would be worse than one extra.
/// </summary>
internal static class CompiledSources
{
    static readonly HashSet<string> Extensions =
        [".s", ".S", ".sx", ".c", ".h", ".cc", ".cpp", ".cxx", ".hh", ".hpp", ".hxx", ".m", ".f", ".F", ".for", ".f90", ".syso", ".swig", ".swigcxx"];

    public static bool IsCompiledSource(string path) => Extensions.Contains(Path.GetExtension(path));

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
