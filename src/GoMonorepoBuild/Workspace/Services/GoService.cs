namespace GoMonorepoBuild.Workspace.Services;

/// <summary>
/// A module the --services globs match. <see cref="Name"/> is its folder's last segment; when two services share that
/// segment, each of them is named by its whole path with '/' replaced by '-' (services/a/api → services-a-api).
/// All paths are relative to the monorepo root with forward slashes; every list is sorted ordinally.
/// <see cref="ImageInputs"/> = <see cref="ModuleFiles"/> (go.mod/go.sum of every involved module, go.work/go.work.sum for a
/// workspace module) + <see cref="SourceFiles"/> (non-test Go files, assembly/C/.syso files and embedded files of the
/// closure packages) + <see cref="VendorFiles"/> + the service's own Dockerfile.
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
    /// <summary>The service module's vendor/ files when it vendors (vendor/modules.txt); also in <see cref="ImageInputs"/>.</summary>
    public IReadOnlyList<string> VendorFiles { get; init; } = [];

    /// <summary>Only modules with a main package (at the root or under cmd/&lt;name&gt;) produce an image.</summary>
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
                RepoPath.Combine(Path, "go.mod"), blockedServices: [Name]);
        return this;
    }
}
