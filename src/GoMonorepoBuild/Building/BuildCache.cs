namespace GoMonorepoBuild.Building;

/// <summary>
/// The cache import and export arguments of each service's build. Every service gets a cache of its own (a folder,
/// a registry reference, a gha scope), because services sharing one overwrite each other's cache on every export
/// (gha's default scope is shared by every build of a repository). Exports use <c>mode=max</c> wherever the backend
/// supports it, so the builder stage's layers (module download, compile) are cached too, not only the final image.
/// </summary>
/// <param name="Backend">Where the cache lives.</param>
/// <param name="Folder">Local: the folder holding one sub-folder per service.</param>
/// <param name="Reference">
/// Registry: the repository prefix (each service's cache is <c>&lt;prefix&gt;/&lt;image&gt;:buildcache</c>);
/// gha: the scope prefix (scope <c>&lt;prefix&gt;-&lt;image&gt;</c>).
/// </param>
public sealed record BuildCache(CacheBackend Backend, string? Folder = null, string? Reference = null)
{
    public const string RegistryCacheTag = "buildcache";
    public const string DefaultGhaScopePrefix = "gomonorepobuild";

    public static BuildCache None { get; } = new(CacheBackend.None);

    /// <summary>The backend as --cache spells it when builds export a cache to it (not inline: the image carries that one), else null.</summary>
    public string? ExportedBackend => Backend is CacheBackend.Local or CacheBackend.Registry or CacheBackend.Gha ? Backend.ToString().ToLowerInvariant() : null;

    public BuildCache WithFolder(string? folder) => this with { Folder = folder };
    public BuildCache WithReference(string? reference) => this with { Reference = reference };

    /// <summary>
    /// The <c>--cache-from</c> and <c>--cache-to</c> values for one service. <paramref name="imageRepository"/> is the
    /// service's image without tag (inline cache is read back from the pushed image's latest tag).
    /// </summary>
    public (IReadOnlyList<string> From, IReadOnlyList<string> To) For(string imageName, string imageRepository) => Backend switch
    {
        CacheBackend.None => ([], []),
        CacheBackend.Local => LocalFor(imageName),
        CacheBackend.Registry => RegistryFor(imageName),
        CacheBackend.Gha => GhaFor(imageName),
        CacheBackend.Inline => ([$"type=registry,ref={imageRepository}:latest"], ["type=inline"]),
        _ => throw new ArgumentOutOfRangeException(nameof(Backend), Backend, null),
    };

    /// <summary>A service's cache folder (local backend).</summary>
    public string LocalFolder(string imageName) =>
        Path.Combine(Folder ?? throw new InvalidOperationException("--cache local needs a cache folder (--cache-dir)."), imageName);

    (IReadOnlyList<string>, IReadOnlyList<string>) LocalFor(string imageName)
    {
        var folder = LocalFolder(imageName);
        // A source without an index yet only earns a warning in every first build's log (buildx 0.13), so the first run only exports.
        IReadOnlyList<string> from = File.Exists(Path.Combine(folder, "index.json")) ? [$"type=local,src={folder}"] : [];
        return (from, [$"type=local,dest={folder},mode=max"]);
    }

    (IReadOnlyList<string>, IReadOnlyList<string>) RegistryFor(string imageName)
    {
        var prefix = Reference?.TrimEnd('/') is { Length: > 0 } r
            ? r
            : throw new InvalidOperationException("--cache registry needs a registry to keep the cache in: pass --cache-ref <registry/prefix> (or --registry).");
        var reference = $"{prefix}/{imageName}:{RegistryCacheTag}";
        return ([$"type=registry,ref={reference}"], [$"type=registry,ref={reference},mode=max"]);
    }

    (IReadOnlyList<string>, IReadOnlyList<string>) GhaFor(string imageName)
    {
        var scope = $"{(Reference is { Length: > 0 } r ? r : DefaultGhaScopePrefix)}-{imageName}";
        return ([$"type=gha,scope={scope}"], [$"type=gha,scope={scope},mode=max"]);
    }
}
