namespace GoMonorepoBuild.Workspace.Services;

/// <summary>
/// A binary the build makes an image of, or a library module analysed as one (see <see cref="ServiceDiscovery"/>).
/// A matched module with at most one main package is one service at the module folder, named by the folder's last
/// segment (a major-version folder with its parent's: libs/ec2/v2 → ec2-v2); when two such services share that name, each
/// is named by its whole path with '/' replaced by '-' (services/a/api → services-a-api). A matched module with several
/// main packages, and a matched main-package folder, give one service per main package at that package's folder, named
/// by its last segment likewise (services/docker/cmd/dockerd → dockerd). <see cref="Path"/> is the service's folder,
/// <see cref="ModuleDir"/> its module's.
/// All paths are relative to the monorepo root with forward slashes; every list is sorted ordinally.
/// <see cref="ImageInputs"/> = <see cref="ModuleFiles"/> (go.mod/go.sum of every involved module, go.work/go.work.sum for a
/// workspace module) + <see cref="SourceFiles"/> (non-test Go files, assembly/C/.syso files and embedded files of the
/// closure packages) + <see cref="VendorFiles"/> (modules.txt and the vendored packages it imports) + the service's own Dockerfile
/// + the files of its <see cref="ExtraInputs"/>.
/// </summary>
public sealed record GoService(
    string Name,
    string Path,
    string Module,
    string? GoVersion,
    IReadOnlyList<string> MainPackages,
    IReadOnlyList<string> Packages,
    IReadOnlyList<string> Modules,
    IReadOnlyList<string> ImageInputs,
    IReadOnlyList<string> ModuleFiles,
    IReadOnlyList<string> SourceFiles,
    IReadOnlyList<string> StdImports,
    IReadOnlyList<string> ExternalImports,
    bool HasOwnDockerfile)
{
    /// <summary>
    /// When the service's module builds from a vendor folder: its modules.txt and the files of the vendored packages the
    /// closure imports (directly or through other vendored packages); also in <see cref="ImageInputs"/>.
    /// </summary>
    public IReadOnlyList<string> VendorFiles { get; init; } = [];

    /// <summary>The import paths of the vendored packages the service's build reads, sorted.</summary>
    public IReadOnlyList<string> VendoredPackages { get; init; } = [];

    /// <summary>Files the binary reads at run time (gomonorepobuild.json's "extraInputs"); their files are also in <see cref="ImageInputs"/>.</summary>
    public ExtraInputs ExtraInputs { get; init; } = ExtraInputs.None;

    /// <summary>Whether <paramref name="path"/> is an input only because an extra-input glob matches it (not as Go source, module file or Dockerfile).</summary>
    public bool IsOnlyExtraInput(string path) =>
        ExtraInputs.GlobMatching(path) is not null && path != Dockerfile
        && ModuleFiles.BinarySearch(path) < 0 && SourceFiles.BinarySearch(path) < 0 && VendorFiles.BinarySearch(path) < 0;

    /// <summary>The folder of the service's module: <see cref="Path"/> itself for a module service, above it for a binary of a module.</summary>
    public string ModuleDir { get => moduleDir ?? Path; init => moduleDir = value; }

    private readonly string? moduleDir;

    /// <summary>Only services with a main package produce an image.</summary>
    public bool IsBuildable => MainPackages.Count > 0;

    /// <summary>The service's own Dockerfile (the escape hatch), when it has one.</summary>
    public string? Dockerfile => HasOwnDockerfile ? RepoPath.Combine(Path, "Dockerfile") : null;

    /// <summary>Throws the user-facing error for building a service that has no main package.</summary>
    public GoService RequireBuildable()
    {
        if (!IsBuildable)
            throw new WorkspaceException(
                $"service {Name} ({Path}) has no main package, so there is nothing to build: add a 'package main' at the module root or " +
                "under cmd/<name>/, or leave it out of --services (it can still be analysed)",
                RepoPath.Combine(ModuleDir, "go.mod"), blockedServices: [Name]);
        return this;
    }
}
