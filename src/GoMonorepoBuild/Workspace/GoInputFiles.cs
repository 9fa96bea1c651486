namespace GoMonorepoBuild.Workspace;

/// <summary>
/// The one rule for which files matter to Go. The tree walk of the model (<see cref="Modules.MonorepoTree"/>), the
/// revision copy (<c>Changes/TreeSnapshot</c>) and the changed-file mapping (<c>Affected/</c>) all ask it, so a file
/// the working-tree model counts is never missing from the model of a commit. Which of these files are inputs of one
/// service is the model's answer (<see cref="Services.GoService.ImageInputs"/>), from which the input hash and the
/// staged build context follow.
/// </summary>
public static class GoInputFiles
{
    /// <summary>The folder of vendored packages, at a module's root (or beside go.work for <c>go work vendor</c>).</summary>
    public const string VendorFolder = "vendor";

    /// <summary>The file in <see cref="VendorFolder"/> whose presence (go ≥ 1.14) makes the go command build from it.</summary>
    public const string VendorManifestName = "modules.txt";

    public const string Dockerfile = "Dockerfile";

    static readonly HashSet<string> ModuleFileNames = ["go.mod", "go.sum", "go.work", "go.work.sum"];

    /// <summary>Non-Go files go build compiles or links into a package (go/build's list of package file kinds).</summary>
    static readonly HashSet<string> OtherSourceExtensions =
        [".s", ".S", ".sx", ".c", ".h", ".cc", ".cpp", ".cxx", ".hh", ".hpp", ".hxx", ".m", ".f", ".F", ".for", ".f90", ".swig", ".swigcxx", ".syso"];

    /// <summary>go.mod, go.sum, go.work or go.work.sum.</summary>
    public static bool IsModuleFile(string name) => ModuleFileNames.Contains(name);

    /// <summary>A .go file the go command reads (it ignores names starting with '.' or '_').</summary>
    public static bool IsGoSource(string name) =>
        name.EndsWith(".go", StringComparison.Ordinal) && !IsIgnoredName(name);

    /// <summary>An assembly, C/C++/Fortran, SWIG or .syso file go build compiles or links into its folder's package.</summary>
    public static bool IsOtherSource(string name) =>
        !IsIgnoredName(name) && OtherSourceExtensions.Contains(Path.GetExtension(name));

    /// <summary>Folders the go command never walks into for packages (vendor/ is read only through modules.txt).</summary>
    public static bool IsSkippedDirectory(string name) =>
        name is VendorFolder or "testdata" || IsIgnoredName(name);

    /// <summary>Files the model lists when it walks a tree: Go and other sources, module files and Dockerfiles.</summary>
    public static bool IsListed(string name) =>
        IsGoSource(name) || IsOtherSource(name) || IsModuleFile(name) || name == Dockerfile;

    /// <summary>
    /// Files whose content the model reads (the others it only needs to exist): Go sources, module files, Dockerfiles
    /// and vendor/modules.txt. <paramref name="path"/> is relative, with '/'.
    /// </summary>
    public static bool IsReadByModel(string path)
    {
        var name = RepoPath.FileName(path);
        return IsGoSource(name) || IsModuleFile(name) || name == Dockerfile || IsVendorManifest(path);
    }

    /// <summary>Whether <paramref name="path"/> is a vendor/modules.txt.</summary>
    public static bool IsVendorManifest(string path) =>
        RepoPath.FileName(path) == VendorManifestName && RepoPath.FileName(RepoPath.Parent(path)) == VendorFolder;

    /// <summary>The vendor/ folder <paramref name="path"/> lies in (the outermost), or null.</summary>
    public static string? VendorFolderOf(string path)
    {
        var segments = path.Split('/');
        for (var i = 0; i < segments.Length - 1; i++)
            if (segments[i] == VendorFolder) return string.Join('/', segments[..(i + 1)]);
        return null;
    }

    /// <summary>A file or folder name the go command and the tree walk leave out: it starts with '.' or '_'.</summary>
    internal static bool IsIgnoredName(string name) => name.StartsWith('.') || name.StartsWith('_');
}
