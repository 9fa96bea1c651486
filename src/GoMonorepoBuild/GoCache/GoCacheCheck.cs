namespace GoMonorepoBuild.GoCache;

/// <summary>
/// Whether a carried Go cache folder can seed this run: <see cref="Manifest"/> when it can, otherwise
/// <see cref="Why"/> not, naming the file, for the log. A folder that cannot seed is never an error.
/// </summary>
public sealed record GoCacheCheck(GoCacheManifest? Manifest, string Why)
{
    public bool Usable => Manifest is not null;

    /// <summary>Nothing was carried yet (a first run, a new cache key): expected, so not worth a warning.</summary>
    public bool Empty { get; init; }

    public static GoCacheCheck Use(GoCacheManifest manifest, string why) => new(manifest, why);

    public static GoCacheCheck Skip(string why) => new(null, why);

    public static GoCacheCheck Nothing(string why) => new(null, why) { Empty = true };
}
