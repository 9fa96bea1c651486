using GoMonorepoBuild.Workspace;

namespace GoMonorepoBuild.Affected;

/// <summary>Why a changed file affects no service, in the words a reviewer expects.</summary>
internal static class IgnoreReasons
{
    public static string For(GoWorkspace model, string path, bool deleted)
    {
        var name = RepoPath.FileName(path);
        if (deleted) return "deleted, and it was not an input of any service at the base revision";
        if (name.EndsWith("_test.go", StringComparison.Ordinal)) return "a test file: tests are not built into images";
        if (model.IsInUsedVendorFolder(path))
            return GoInputFiles.IsGoSource(name) || GoInputFiles.IsOtherSource(name)
                ? $"in a vendored package ({RepoPath.Parent(path)}) that no service's closure imports"
                : "in the vendor folder but not a file the go command compiles (a licence or another non-build file)";
        if (path.Split('/').SkipLast(1).Any(GoInputFiles.IsSkippedDirectory))
            return "in a folder the go command skips (testdata, vendor, or a name starting with '.' or '_')";
        var module = model.ModuleContaining(path);
        if (module is null) return "outside every Go module and matched by no global pattern";
        if (Reasons.IsModuleFile(path)) return $"module {module.Path} is not in the module closure of any service";
        var packages = model.PackagesOfFile(path);
        if (name.EndsWith(".go", StringComparison.Ordinal))
        {
            if (packages.Any(p => p.ExcludedFiles.Contains(path)))
                return "excluded by its build constraints or file name for every target platform";
            return packages.Count > 0
                ? $"package {packages[0].ImportPath} is not imported by any service"
                : "not part of any package of the workspace";
        }
        if (name == "Dockerfile") return "a Dockerfile that is not a service's own Dockerfile";
        var folderPackage = model.Packages.Values.FirstOrDefault(p => p.Dir == RepoPath.Parent(path));
        if (folderPackage is not null) return $"not embedded by package {folderPackage.ImportPath}: not an image input";
        return "not an input of any service image (documentation or another non-build file)";
    }
}
