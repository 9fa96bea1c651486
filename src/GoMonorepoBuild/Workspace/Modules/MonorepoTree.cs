using System.IO.Enumeration;

namespace GoMonorepoBuild.Workspace.Modules;

/// <summary>
/// The directories of the monorepo the go command looks at, with the files the model reads: .go files, the other
/// files go build compiles into a package (assembly, C/C++, .syso), go.mod, go.sum, go.work, go.work.sum and Dockerfile. Like the go command it skips vendor/, testdata/ and directories whose name
/// starts with "." or "_", and does not follow symbolic links.
/// </summary>
internal sealed class MonorepoTree
{
    private static readonly HashSet<string> InterestingNames = ["go.mod", "go.sum", "go.work", "go.work.sum", "Dockerfile"];

    private MonorepoTree(string root, IReadOnlyDictionary<string, IReadOnlyList<string>> files)
    {
        Root = root;
        FilesByDirectory = files;
    }

    /// <summary>The monorepo root as an absolute path.</summary>
    public string Root { get; }

    /// <summary>Directory (relative, "." for the root) → the names of its interesting files, sorted ordinally.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> FilesByDirectory { get; }

    public IReadOnlyList<string> FilesIn(string dir) => FilesByDirectory.TryGetValue(dir, out var files) ? files : [];

    public bool HasFile(string dir, string name) => FilesIn(dir).Contains(name, StringComparer.Ordinal);

    public string FullPath(string relative) => relative == "." ? Root : Path.Combine(Root, relative);

    public static bool IsSkippedDirectory(string name) =>
        name is "vendor" or "testdata" || name.StartsWith('.') || name.StartsWith('_');

    public static MonorepoTree Scan(string root)
    {
        root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        if (!Directory.Exists(root))
            throw new WorkspaceException($"the monorepo folder '{root}' does not exist: pass an existing folder (parameter --monorepo)");
        var byDir = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        Walk(root, root, byDir);
        return new MonorepoTree(root, Sorted(byDir));
    }

    /// <summary>
    /// This tree plus the folder <paramref name="dir"/> (one the walk skipped, such as a <c>testdata</c> module that a
    /// replace points at: the go command builds it) and what lies below it, walked by the same rules.
    /// </summary>
    public MonorepoTree WithSubtree(string dir)
    {
        var byDir = FilesByDirectory.ToDictionary(kv => kv.Key, kv => kv.Value.ToList(), StringComparer.Ordinal);
        foreach (var key in byDir.Keys.Where(k => RepoPath.IsUnder(k, dir)).ToList()) byDir.Remove(key);
        Walk(Root, FullPath(dir), byDir);
        return new MonorepoTree(Root, Sorted(byDir));
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

    private static void Walk(string root, string start, Dictionary<string, List<string>> byDir)
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.ReparsePoint,
            ReturnSpecialDirectories = false,
        };
        var entries = new FileSystemEnumerable<(string Dir, string Name)>(start,
            (ref FileSystemEntry e) => (e.Directory.ToString(), e.FileName.ToString()), options)
        {
            ShouldIncludePredicate = (ref FileSystemEntry e) => !e.IsDirectory && IsInteresting(e.FileName),
            ShouldRecursePredicate = (ref FileSystemEntry e) => !IsSkippedDirectory(e.FileName.ToString()),
        };
        foreach (var (dir, name) in entries)
        {
            var relative = dir.Length <= root.Length ? "." : dir[(root.Length + 1)..].Replace('\\', '/');
            Add(byDir, relative, name);
        }
    }

    private static void Add(Dictionary<string, List<string>> byDir, string dir, string name)
    {
        if (!byDir.TryGetValue(dir, out var list)) byDir[dir] = list = [];
        list.Add(name);
    }

    private static Dictionary<string, IReadOnlyList<string>> Sorted(Dictionary<string, List<string>> byDir) =>
        byDir.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value.Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);

    /// <summary>Non-Go files go build compiles or links into a package (go/build's list of package file kinds).</summary>
    private static readonly HashSet<string> OtherSourceExtensions =
        [".s", ".S", ".sx", ".c", ".h", ".cc", ".cpp", ".cxx", ".hh", ".hpp", ".hxx", ".m", ".f", ".F", ".for", ".f90", ".swig", ".swigcxx", ".syso"];

    public static bool IsOtherSource(string name) =>
        !name.StartsWith('.') && !name.StartsWith('_') && OtherSourceExtensions.Contains(Path.GetExtension(name));

    private static bool IsInteresting(ReadOnlySpan<char> name)
    {
        if (name.EndsWith(".go", StringComparison.Ordinal)) return !name.StartsWith('.') && !name.StartsWith('_');
        var dot = name.LastIndexOf('.');
        return InterestingNames.Contains(name.ToString()) || dot > 0 && IsOtherSource(name.ToString());
    }
}
