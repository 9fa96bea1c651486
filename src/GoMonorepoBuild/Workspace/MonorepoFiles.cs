namespace GoMonorepoBuild.Workspace;

/// <summary>
/// The one way the build reads, lists and resolves files under the monorepo root, with the symbolic-link rule:
/// a link is followed only while it stays inside the monorepo (the go command follows a linked .go file; a container
/// build sees only what is inside the context, and BuildKit sends a link, never its target). A link leading out is
/// an <see cref="OutsideMonorepoException"/> naming the file and the link, and nothing beyond it is ever opened or
/// listed, so a link to "/" cannot make the build walk this machine's file system. Listings never follow links at all.
/// Paths are relative to <see cref="Root"/> with forward slashes.
/// </summary>
public sealed class MonorepoFiles
{
    private const int MaxLinkHops = 40; // as Linux's ELOOP limit

    public MonorepoFiles(string root)
    {
        Root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        RealRoot = RealPath.Of(Root); // the root itself may sit below a linked folder
    }

    /// <summary>The monorepo root as given, absolute.</summary>
    public string Root { get; }

    /// <summary>The root with its own links resolved (a checkout reached through a link is still the same monorepo).</summary>
    private string RealRoot { get; }

    /// <summary>The absolute path of <paramref name="relative"/> as written, without resolving any link.</summary>
    public string FullPath(string relative) => relative == "." ? Root : Path.Combine(Root, relative);

    /// <summary>
    /// The absolute path that holds <paramref name="relative"/>'s content: each link on the way is followed while it
    /// stays inside the monorepo. Throws <see cref="OutsideMonorepoException"/> when one leads out (or
    /// <paramref name="relative"/> itself climbs out with ".."), an <see cref="IOException"/> for a loop of links.
    /// The result may not exist (a dangling link, a missing file).
    /// </summary>
    public string Resolve(string relative) => FullPath(ResolveRelative(relative));

    /// <summary>As <see cref="Resolve"/>, relative to the root: where the content of <paramref name="relative"/> lives.</summary>
    public string ResolveRelative(string relative)
    {
        var start = RepoPath.Resolve(".", relative) ?? throw new OutsideMonorepoException(relative, relative, relative);
        var done = new List<string>();
        var pending = new Queue<string>(start == "." ? [] : start.Split('/'));
        var hops = 0;
        while (pending.TryDequeue(out var name))
        {
            var here = Path.Combine(Root, Path.Combine([.. done, name]));
            var link = new FileInfo(here).LinkTarget;
            if (link is null)
            {
                done.Add(name);
                continue;
            }
            var linkPath = string.Join('/', [.. done, name]);
            if (++hops > MaxLinkHops)
                throw new IOException($"{start}: too many levels of symbolic links (at {linkPath}); a link points back at itself.");
            var within = InsideRoot(Path.GetFullPath(link, Path.GetDirectoryName(here)!))
                         ?? throw new OutsideMonorepoException(start, linkPath, link);
            var rest = pending.ToList();
            done.Clear();
            pending = new Queue<string>(within == "." ? rest : [.. within.Split('/'), .. rest]);
        }
        return done.Count == 0 ? "." : string.Join('/', done);
    }

    /// <summary>What <paramref name="relative"/> is, not following it if it is a link (its folders are resolved).</summary>
    public EntryKind KindOf(string relative)
    {
        var parent = RepoPath.Parent(relative);
        return EntryTypes.Of(Path.Combine(Resolve(parent), RepoPath.FileName(relative)));
    }

    /// <summary>What <paramref name="relative"/> is once links inside the monorepo are followed (a link out throws).</summary>
    public EntryKind KindOfTarget(string relative) => EntryTypes.Of(Resolve(relative));

    /// <summary>The entries of a folder, sorted ordinally, each with its kind; links are reported, not followed.</summary>
    public IReadOnlyList<FolderEntry> List(string relativeDir)
    {
        var dir = Resolve(relativeDir);
        if (EntryTypes.Of(dir) != EntryKind.Directory) return [];
        return Directory.EnumerateFileSystemEntries(dir)
            .Select(entry => new FolderEntry(Path.GetFileName(entry), EntryTypes.Of(entry)))
            .OrderBy(e => e.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The regular files below <paramref name="relativeDir"/> (relative to the root, sorted), never following a link:
    /// links, pipes and devices are left out, and <paramref name="enter"/> (given a folder's relative path) decides
    /// which sub-folders are walked.
    /// </summary>
    public IReadOnlyList<string> EnumerateFiles(string relativeDir, Func<string, bool>? enter = null)
    {
        var files = new List<string>();
        Walk(relativeDir);
        return files;

        void Walk(string dir)
        {
            foreach (var (name, kind) in List(dir))
            {
                var path = RepoPath.Combine(dir, name);
                if (kind == EntryKind.File) files.Add(path);
                else if (kind == EntryKind.Directory && (enter?.Invoke(path) ?? true)) Walk(path);
            }
        }
    }

    /// <summary>Whether <paramref name="relative"/> is a regular file once links inside the monorepo are followed.</summary>
    public bool IsFile(string relative) => KindOfTarget(relative) == EntryKind.File;

    public byte[] ReadAllBytes(string relative) => File.ReadAllBytes(ReadablePath(relative));

    public string ReadAllText(string relative) => File.ReadAllText(ReadablePath(relative));

    /// <summary>The path to open for reading <paramref name="relative"/>: resolved inside the monorepo and a regular file.</summary>
    public string ReadablePath(string relative)
    {
        var path = Resolve(relative);
        return EntryTypes.Of(path) switch
        {
            EntryKind.File => path,
            EntryKind.Missing => throw new FileNotFoundException($"{relative} does not exist under {Root}" +
                                                                 (path != FullPath(relative) ? " (it is a link to a missing file)" : "") + ".", path),
            EntryKind.Directory => throw new IOException($"{relative} under {Root} is a folder, not a file."),
            _ => throw new IOException($"{relative} under {Root} is not a regular file (a pipe, socket or device); it is never read."),
        };
    }

    /// <summary>The path of <paramref name="full"/> relative to the root, or null when it is outside.</summary>
    private string? InsideRoot(string full)
    {
        foreach (var root in new[] { Root, RealRoot })
        {
            if (full == root) return ".";
            if (full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                return full[(root.Length + 1)..].Replace('\\', '/');
        }
        return null;
    }
}
