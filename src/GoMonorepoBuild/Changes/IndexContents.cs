using System.Security.Cryptography;
using System.Text;
using GoMonorepoBuild.Processes;
using GoMonorepoBuild.Workspace;
using GoMonorepoBuild.Workspace.Cache;

namespace GoMonorepoBuild.Changes;

/// <summary>
/// The files of a monorepo folder as git's index lists them (<c>git ls-files --stage</c>): each regular file's blob id and
/// each folder's entries, for the parse cache (<see cref="ParseCache"/>) to find what it read before without reading it
/// again. The index describes the working tree only when the checkout is clean (<see cref="CleanCheckout"/>); a model
/// loaded with these keys is used only then, and the cache itself never trusts them (it keys what it keeps by the blob
/// id of the bytes it read, <see cref="IdOf"/>).
/// </summary>
internal sealed class IndexContents : IContentKeys
{
    readonly Dictionary<string, string> files;
    readonly Dictionary<string, List<ContentEntry>> folders;

    IndexContents(Dictionary<string, string> files, Dictionary<string, List<ContentEntry>> folders)
    {
        this.files = files;
        this.folders = folders;
    }

    /// <summary>An index that knows nothing (git failed): every file is read.</summary>
    public static readonly IndexContents Empty = new(new(StringComparer.Ordinal), new(StringComparer.Ordinal));

    /// <summary>The index entries under <paramref name="prefix"/> (relative to the repository root, "." for all), keyed relative to it.</summary>
    public static async Task<IndexContents> ReadAsync(string workingDirectory, string prefix, CancellationToken cancellationToken, Tool? git = null)
    {
        git = (git ?? Tool.Named("git")).WithWorkingDirectory(workingDirectory);
        var result = await git.TryRunAsync(["ls-files", "--stage", "-z", "--", prefix], cancellationToken);
        return result.ExitCode == 0 ? Parse(result.StandardOutput, prefix) : Empty;
    }

    /// <summary>Reads <c>ls-files --stage -z</c> output: "&lt;mode&gt; &lt;object&gt; &lt;stage&gt;\t&lt;path&gt;" entries.</summary>
    internal static IndexContents Parse(string output, string prefix)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var folders = new Dictionary<string, List<ContentEntry>>(StringComparer.Ordinal);
        var start = prefix == "." ? "" : prefix + "/";
        foreach (var entry in output.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var tab = entry.IndexOf('\t');
            var fields = tab > 0 ? entry[..tab].Split(' ') : [];
            if (fields.Length != 3 || !entry.AsSpan(tab + 1).StartsWith(start, StringComparison.Ordinal)) continue;
            var path = entry[(tab + 1 + start.Length)..];
            var dir = RepoPath.Parent(path);
            // Only stage 0: a conflicted file has no one content. A gitlink is a folder on disk, a sparse index's
            // folder entry (040000) a folder left out: neither is a file, and the folder's listing is then unknown.
            if (fields[2] != "0" || fields[0] is "160000" or "040000")
            {
                folders[dir] = null!;
                continue;
            }
            var link = fields[0] == "120000";
            if (!link) files[path] = fields[1];
            if (!folders.TryGetValue(dir, out var list)) folders[dir] = list = [];
            list?.Add(new ContentEntry(RepoPath.FileName(path), link, link ? null : fields[1]));
        }
        return new IndexContents(files, folders);
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

    /// <summary>Git's blob id: SHA-1 of "blob &lt;length&gt;\0" and the content (as Inputs' digests compute it, a stage below).</summary>
    public string IdOf(ReadOnlySpan<byte> content)
    {
        using var sha1 = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        sha1.AppendData(Encoding.ASCII.GetBytes($"blob {content.Length}\0"));
        sha1.AppendData(content);
        return Convert.ToHexStringLower(sha1.GetHashAndReset());
    }
}
