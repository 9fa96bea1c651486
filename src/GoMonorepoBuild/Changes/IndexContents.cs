using System.Security.Cryptography;
using System.Text;
using GoMonorepoBuild.Workspace;
using GoMonorepoBuild.Workspace.Cache;

namespace GoMonorepoBuild.Changes;

/// <summary>
/// The files of a monorepo folder as git's index lists them (<see cref="IndexListing"/>, what <c>git ls-files --stage</c> lists): each regular file's blob id and
/// each folder's entries, for the parse cache (<see cref="ParseCache"/>) to find what it read before without reading it
/// again. The index describes the working tree only when the checkout is clean (<see cref="CleanCheckout"/>); a model
/// loaded with these keys is used only then, and the cache itself never trusts them (it keys what it keeps by the blob
/// id of the bytes it read, <see cref="IdOf"/>).
/// </summary>
internal sealed class IndexContents : IContentKeys
{
    readonly Dictionary<string, string> files;
    readonly Dictionary<string, List<ContentEntry>> folders;
    // The listing and prefix these keys were read from, for digests of folders (none for keys of written files).
    readonly (IndexListing Listing, string Prefix)? source;
    readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?> treeDigests = new(StringComparer.Ordinal);
    // Each folder's child folders, made from the listed folders when first asked (only an embedding package read from disk asks).
    Dictionary<string, HashSet<string>>? children;

    IndexContents(Dictionary<string, string> files, Dictionary<string, List<ContentEntry>> folders, (IndexListing, string)? source = null)
    {
        this.files = files;
        this.folders = folders;
        this.source = source;
    }

    /// <summary>An index that knows nothing (git failed): every file is read.</summary>
    public static readonly IndexContents Empty = new(new(StringComparer.Ordinal), new(StringComparer.Ordinal));

    /// <summary>
    /// The index entries under <paramref name="prefix"/> (relative to the repository root, "." for all), keyed relative to
    /// it: from the run's one listing of the index (<see cref="RunRepository.Index"/>), shared with <see cref="CleanCheckout"/>.
    /// </summary>
    public static async Task<IndexContents> ReadAsync(RunRepository repository, string prefix, CancellationToken cancellationToken) =>
        await repository.Index(cancellationToken) is { } listing ? Of(listing, prefix) : Empty;

    /// <summary>The keys of the <paramref name="listing"/>'s entries under <paramref name="prefix"/>, keyed relative to it.</summary>
    internal static IndexContents Of(IndexListing listing, string prefix)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var folders = new Dictionary<string, List<ContentEntry>>(StringComparer.Ordinal);
        var start = prefix == "." ? "" : prefix + "/";
        foreach (var entry in listing.Entries)
        {
            if (!entry.Path.StartsWith(start, StringComparison.Ordinal)) continue;
            var path = entry.Path[start.Length..];
            var dir = RepoPath.Parent(path);
            // Only stage 0: a conflicted file has no one content. A gitlink is a folder on disk, a sparse index's
            // folder entry (040000) a folder left out: neither is a file, and the folder's listing is then unknown.
            if (entry.Stage != 0 || entry.Mode is IndexListing.GitLink or IndexListing.Folder)
            {
                folders[dir] = null!;
                continue;
            }
            var link = entry.Mode == IndexListing.Link;
            if (!link) files[path] = entry.Id;
            if (!folders.TryGetValue(dir, out var list)) folders[dir] = list = [];
            list?.Add(new ContentEntry(RepoPath.FileName(path), link, link ? null : entry.Id));
        }
        return new IndexContents(files, folders, (listing, prefix));
    }

    /// <summary>
    /// A digest of every entry under <paramref name="prefix"/> (path relative to it, mode, object id, stage): what a model
    /// read from a clean checkout of that folder is made of (<see cref="SavedModel"/>'s key). Null when the index cannot
    /// vouch for the files: listed by git's command (whose listing does not say which entries git compares) or with an
    /// entry git does not compare with its file (assume-unchanged, skip-worktree), which a clean status says nothing of.
    /// </summary>
    internal static string? Digest(IndexListing listing, string prefix)
    {
        if (listing.FromGit) return null;
        var start = prefix == "." ? "" : prefix + "/";
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // "<mode> <id> <stage> <path>\0" per entry, written into one buffer handed to the hash in large pieces: on the path
        // to every first analysis with --head (the kept model's key), where a string per entry cost 15-35 ms on moby.
        var buffer = new byte[64 * 1024];
        var used = 0;
        foreach (var entry in listing.Entries)
        {
            if (!entry.Path.StartsWith(start, StringComparison.Ordinal)) continue;
            if (entry.Uncompared) return null;
            var path = entry.Path.AsSpan(start.Length);
            var longest = 3 * 11 + 4 + entry.Id.Length + Encoding.UTF8.GetMaxByteCount(path.Length);
            if (buffer.Length - used < longest)
            {
                sha.AppendData(buffer, 0, used);
                used = 0;
                if (buffer.Length < longest) buffer = new byte[longest];
            }
            used += Line(buffer.AsSpan(used), entry.Mode, entry.Id, entry.Stage, path);
        }
        sha.AppendData(buffer, 0, used);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>Writes one entry's line for <see cref="Digest"/>; returns its length.</summary>
    static int Line(Span<byte> into, int mode, string id, int stage, ReadOnlySpan<char> path)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        mode.TryFormat(into, out var used, provider: invariant);
        into[used++] = (byte)' ';
        used += Encoding.UTF8.GetBytes(id, into[used..]);
        into[used++] = (byte)' ';
        stage.TryFormat(into[used..], out var written, provider: invariant);
        used += written;
        into[used++] = (byte)' ';
        used += Encoding.UTF8.GetBytes(path, into[used..]);
        into[used++] = 0;
        return used;
    }

    /// <summary>Keys for files written by this process (a revision copy): each regular file with its blob id (null for a placeholder), links as links.</summary>
    internal static IndexContents From(IEnumerable<(string Path, bool Link, string? Id)> written)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var folders = new Dictionary<string, List<ContentEntry>>(StringComparer.Ordinal);
        foreach (var (path, link, id) in written)
        {
            if (id is not null && !link) files[path] = id;
            var dir = RepoPath.Parent(path);
            if (!folders.TryGetValue(dir, out var list)) folders[dir] = list = [];
            list.Add(new ContentEntry(RepoPath.FileName(path), link, link ? null : id));
        }
        return new IndexContents(files, folders);
    }

    public string? FileId(string path) => files.GetValueOrDefault(path);

    public IReadOnlyList<ContentEntry>? Listing(string dir) => folders.GetValueOrDefault(dir);

    public IReadOnlyCollection<string>? Folders(string dir)
    {
        if (folders.TryGetValue(dir, out var listing) && listing is null) return null;
        var map = LazyInitializer.EnsureInitialized(ref children, () => ChildFolders(folders.Keys));
        return map.TryGetValue(dir, out var names) ? names : [];
    }

    static Dictionary<string, HashSet<string>> ChildFolders(IEnumerable<string> listed)
    {
        var map = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var dir in listed)
        {
            // Up to the root, or to a folder already known to be its parent's (then so are all above it).
            for (var child = dir; child != "."; child = RepoPath.Parent(child))
            {
                var parent = RepoPath.Parent(child);
                if (!map.TryGetValue(parent, out var names)) map[parent] = names = new HashSet<string>(StringComparer.Ordinal);
                if (!names.Add(RepoPath.FileName(child))) break;
            }
        }
        return map;
    }

    /// <summary>The <see cref="Digest"/> of the index's entries below <paramref name="dir"/>; null for keys of written files.</summary>
    public string? TreeDigest(string dir) => source is not { } from ? null
        : treeDigests.GetOrAdd(dir, d => Digest(from.Listing, from.Prefix == "." ? d : RepoPath.Combine(from.Prefix, d)));

    /// <summary>Whether <paramref name="now"/> holds the same entries below the prefix as the index these keys were read from.</summary>
    public bool SameEntries(IndexListing now) =>
        source is { } from && Digest(from.Listing, from.Prefix) is { } before && Digest(now, from.Prefix) == before;

    /// <summary>Git's blob id: SHA-1 of "blob &lt;length&gt;\0" and the content (as Inputs' digests compute it, a stage below).</summary>
    public string IdOf(ReadOnlySpan<byte> content)
    {
        using var sha1 = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        sha1.AppendData(Encoding.ASCII.GetBytes($"blob {content.Length}\0"));
        sha1.AppendData(content);
        return Convert.ToHexStringLower(sha1.GetHashAndReset());
    }
}
