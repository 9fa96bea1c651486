namespace GoMonorepoBuild.Workspace.Cache;

/// <summary>
/// What the caller knows of the monorepo's files without reading them: the content id of each regular file and the
/// entries of each folder, as they are on disk (git's index of a clean checkout knows both). The loader looks cached
/// parse results up by these ids; it never stores one under them. What it stores is keyed by <see cref="IdOf"/> of the
/// bytes it read itself, so a provider that is wrong can only miss or give a model of the files it described, never put
/// a stale entry in the cache.
/// </summary>
internal interface IContentKeys
{
    /// <summary>The content id of the regular file at <paramref name="path"/> (relative to the monorepo root), or null when unknown.</summary>
    string? FileId(string path);

    /// <summary>The regular files and links directly in <paramref name="dir"/> (not its folders), or null when unknown.</summary>
    IReadOnlyList<ContentEntry>? Listing(string dir);

    /// <summary>
    /// The names of the folders directly in <paramref name="dir"/> that hold an entry at some depth (as git, which lists
    /// no empty folder), or null when some entry of <paramref name="dir"/> is unknown.
    /// </summary>
    IReadOnlyCollection<string>? Folders(string dir) => null;

    /// <summary>
    /// A digest of every entry below <paramref name="dir"/> (its files and links at any depth, by path, mode and content
    /// id), or null when unknown. Only what such a digest is taken from decides a result kept under it (a vendored closure,
    /// <see cref="VendorClosures"/>), so a provider gives one only when it knows every entry.
    /// </summary>
    string? TreeDigest(string dir) => null;

    /// <summary>The id of <paramref name="content"/> by the rule <see cref="FileId"/> follows.</summary>
    string IdOf(ReadOnlySpan<byte> content);
}

/// <summary>One entry of a folder: its name, whether it is a symbolic link, and a regular file's content id.</summary>
internal readonly record struct ContentEntry(string Name, bool IsLink, string? Id);
