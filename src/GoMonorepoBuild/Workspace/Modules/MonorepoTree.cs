using System.IO.Enumeration;

namespace GoMonorepoBuild.Workspace.Modules;

/// <summary>
/// The directories of the monorepo the go command looks at, with the files <see cref="GoInputFiles.IsListed"/> names:
/// .go files, the other files go build compiles into a package (assembly, C/C++, .syso), go.mod, go.sum, go.work,
/// go.work.sum and Dockerfile. Like the go command it skips vendor/ (read through vendor/modules.txt instead, see
/// <see cref="Vendor.VendorTree"/>), testdata/ and directories whose name starts with "." or "_", and does not walk
/// into linked folders. A linked file counts, as in the go command, when the
/// link stays inside the monorepo; one leading out is kept in the listing so that reading it (through
/// <see cref="MonorepoFiles"/>) fails naming it, rather than the file silently missing from the build.
/// </summary>
internal sealed class MonorepoTree
{
    private MonorepoTree(MonorepoFiles files, IReadOnlyDictionary<string, IReadOnlyList<string>> byDirectory, IReadOnlySet<string> links)
    {
        Files = files;
        Root = files.Root;
        FilesByDirectory = byDirectory;
        Links = links;
    }

    /// <summary>Reads and resolves files with the symbolic-link rule.</summary>
    public MonorepoFiles Files { get; }

    /// <summary>The listed files (relative paths) that are symbolic links.</summary>
    public IReadOnlySet<string> Links { get; }

    /// <summary>
    /// The absolute path to open to read a listed file: the file itself, or for a link its target inside the monorepo
    /// (throws <see cref="OutsideMonorepoException"/> for a link leading out).
    /// </summary>
    public string ReadablePath(string relative) => Links.Contains(relative) ? Files.ReadablePath(relative) : FullPath(relative);

    public string ReadAllText(string relative) => File.ReadAllText(ReadablePath(relative));

    /// <summary>The monorepo root as an absolute path.</summary>
    public string Root { get; }

    /// <summary>Directory (relative, "." for the root) → the names of its interesting files, sorted ordinally.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> FilesByDirectory { get; }

    public IReadOnlyList<string> FilesIn(string dir) => FilesByDirectory.TryGetValue(dir, out var files) ? files : [];

    public bool HasFile(string dir, string name) => FilesIn(dir).Contains(name, StringComparer.Ordinal);

    public string FullPath(string relative) => relative == "." ? Root : Path.Combine(Root, relative);

    public static bool IsSkippedDirectory(string name) => GoInputFiles.IsSkippedDirectory(name);

    public static MonorepoTree Scan(string root, CancellationToken cancellationToken = default)
    {
        var files = new MonorepoFiles(root);
        root = files.Root;
        if (!Directory.Exists(root))
            throw new WorkspaceException($"the monorepo folder '{root}' does not exist: pass an existing folder (parameter --monorepo)");
        var byDir = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var links = new HashSet<string>(StringComparer.Ordinal);
        Walk(files, root, byDir, links, cancellationToken);
        return new MonorepoTree(files, Sorted(byDir), links);
    }

    /// <summary>
    /// This tree plus the folder <paramref name="dir"/> (one the walk skipped, such as a <c>testdata</c> module that a
    /// replace points at: the go command builds it) and what lies below it, walked by the same rules.
    /// </summary>
    public MonorepoTree WithSubtree(string dir, CancellationToken cancellationToken = default)
    {
        var byDir = FilesByDirectory.ToDictionary(kv => kv.Key, kv => kv.Value.ToList(), StringComparer.Ordinal);
        foreach (var key in byDir.Keys.Where(k => RepoPath.IsUnder(k, dir)).ToList()) byDir.Remove(key);
        var links = new HashSet<string>(Links.Where(l => !RepoPath.IsUnder(l, dir)), StringComparer.Ordinal);
        Walk(Files, FullPath(dir), byDir, links, cancellationToken);
        return new MonorepoTree(Files, Sorted(byDir), links);
    }

    /// <summary>
    /// Whether <paramref name="dir"/> is a real folder of the monorepo reached without a symbolic link (a link could lead
    /// out of the repository, and nothing outside it is ever read).
    /// </summary>
    public bool IsRealFolder(string dir)
    {
        var current = Root;
        foreach (var segment in dir.Split('/'))
        {
            current = Path.Combine(current, segment);
            var info = new DirectoryInfo(current);
            if (!info.Exists || info.Attributes.HasFlag(FileAttributes.ReparsePoint)) return false;
        }
        return true;
    }

    private static void Walk(MonorepoFiles files, string start, Dictionary<string, List<string>> byDir, HashSet<string> links,
        CancellationToken cancellationToken)
    {
        var root = files.Root;
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            AttributesToSkip = 0,
            ReturnSpecialDirectories = false,
        };
        var entries = new FileSystemEnumerable<TreeEntry>(start,
            (ref FileSystemEntry e) => new TreeEntry(e.Directory.ToString(), e.FileName.ToString(), IsLink(ref e)), options)
        {
            ShouldIncludePredicate = (ref FileSystemEntry e) => (IsLink(ref e) || !e.IsDirectory) && IsInteresting(e.FileName),
            ShouldRecursePredicate = (ref FileSystemEntry e) => !IsLink(ref e) && !IsSkippedDirectory(e.FileName.ToString()),
        };
        foreach (var (dir, name, link) in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var relative = dir.Length <= root.Length ? "." : dir[(root.Length + 1)..].Replace('\\', '/');
            if (link && !IsLinkedFile(files, RepoPath.Combine(relative, name))) continue;
            if (link) links.Add(RepoPath.Combine(relative, name));
            if (!byDir.TryGetValue(relative, out var list)) byDir[relative] = list = [];
            list.Add(name);
        }
    }

    /// <summary>
    /// One entry the walk lists. A class rather than a tuple: the framework's file-system enumerator over a reference type is
    /// precompiled, over a tuple it is JIT-compiled in every run (BENCHMARKS.md, "JIT-compiled methods by call site").
    /// </summary>
    private sealed record TreeEntry(string Dir, string Name, bool Link);

    private static Dictionary<string, IReadOnlyList<string>> Sorted(Dictionary<string, List<string>> byDir) =>
        byDir.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value.Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);

    private static bool IsLink(ref FileSystemEntry e) => (e.Attributes & FileAttributes.ReparsePoint) != 0;

    /// <summary>
    /// A link is listed unless it leads to a folder inside the monorepo (the go command skips a linked folder where a
    /// file is expected). One leading out is listed without looking at its target, so reading it fails naming it.
    /// </summary>
    private static bool IsLinkedFile(MonorepoFiles files, string relative)
    {
        try
        {
            return files.KindOfTarget(relative) != EntryKind.Directory;
        }
        catch (Exception e) when (e is OutsideMonorepoException or IOException)
        {
            return true;
        }
    }

    private static bool IsInteresting(ReadOnlySpan<char> name) => GoInputFiles.IsListed(name.ToString());
}
