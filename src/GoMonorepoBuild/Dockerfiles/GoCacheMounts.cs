namespace GoMonorepoBuild.Dockerfiles;

/// <summary>
/// The BuildKit cache mounts that hold Go's module cache (GOMODCACHE) and build cache (GOCACHE). One source for the
/// generated service Dockerfiles and for the steps that seed and export those mounts: an id that differed between
/// them would seed a mount no build reads.
/// </summary>
public static class GoCacheMounts
{
    public const string ModuleCacheId = "gomonorepobuild-gomod";
    public const string ModuleCacheTarget = "/go/pkg/mod";
    public const string BuildCacheId = "gomonorepobuild-gocache";
    public const string BuildCacheTarget = "/root/.cache/go-build";

    /// <summary>The module cache mount without its sharing mode, e.g. for <c>RUN {ModuleCache},sharing=locked</c>.</summary>
    public const string ModuleCache = $"--mount=type=cache,id={ModuleCacheId},target={ModuleCacheTarget}";

    /// <summary>The build cache mount without its sharing mode.</summary>
    public const string BuildCache = $"--mount=type=cache,id={BuildCacheId},target={BuildCacheTarget}";
}
