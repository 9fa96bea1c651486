namespace GoMonorepoBuild.Workspace.Packages;

/// <summary>
/// A Go package of the monorepo (one folder of a module). Paths are relative to the monorepo root with forward slashes.
/// <see cref="Files"/> are the non-test files that may build for a target platform; <see cref="ExcludedFiles"/> can
/// never build for one (a file-name suffix or //go:build rules them out). Import lists are sorted and distinct and
/// exclude test files' imports, which are in <see cref="TestImports"/>. <see cref="OtherSourceFiles"/> are the
/// assembly, C/C++ and .syso files of the folder, which go build also compiles or links (kept whatever their suffix).
/// </summary>
public sealed record GoPackage(
    string ImportPath,
    string Name,
    string Dir,
    string ModulePath,
    IReadOnlyList<string> Files,
    IReadOnlyList<string> ExcludedFiles,
    IReadOnlyList<string> TestFiles,
    IReadOnlyList<string> Imports,
    IReadOnlyList<string> LocalImports,
    IReadOnlyList<string> StdImports,
    IReadOnlyList<string> ExternalImports,
    IReadOnlyList<string> TestImports,
    IReadOnlyList<string> EmbedFiles,
    IReadOnlyList<string> OtherSourceFiles,
    IReadOnlyDictionary<string, string> BuildConstraints)
{
    public bool IsMain => Name == "main";

    /// <summary>A folder with only _test.go files: nothing of it goes into a binary.</summary>
    public bool IsTestOnly => Files.Count == 0 && TestFiles.Count > 0;
}
