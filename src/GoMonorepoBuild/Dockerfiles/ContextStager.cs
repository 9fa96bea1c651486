namespace GoMonorepoBuild.Dockerfiles;

/// <summary>
/// Builds a service's build context as a folder holding exactly its inputs (see <see cref="ContextLayout"/>), so
/// nothing else in the monorepo can reach the image or invalidate its cache. Re-staging is incremental: unchanged
/// files are left alone, stale ones removed, and every file keeps its source's modification time, so BuildKit's
/// context transfer (which compares size and mtime) only sends what really changed. An input that is a link inside the
/// monorepo is staged as the file it points to (what the go command reads); one leading out of the monorepo is an
/// <see cref="Workspace.OutsideMonorepoException"/>: nothing outside is ever copied into a context. A cancelled token
/// stops it between files (<see cref="OperationCanceledException"/>); as staging is incremental, the next run copies what
/// this one did not.
/// </summary>
internal static class ContextStager
{
    /// <summary>
    /// Stages <paramref name="input"/>'s files into <paramref name="contextDir"/>; <paramref name="staged"/> is told each
    /// file's destination once it is in place (where a test cancels midway).
    /// </summary>
    public static StagedContext Stage(string monorepoRoot, ServiceBuildInput input, string contextDir, CancellationToken cancellationToken = default,
        Action<string>? staged = null)
    {
        input.Validate();
        var root = Path.GetFullPath(monorepoRoot);
        var context = Path.GetFullPath(contextDir);
        if (Workspace.RepoPath.IsUnder(root.TrimEnd('/'), context.TrimEnd('/')))
            throw new InvalidServiceInputException(input.Name,
                $"the context folder '{context}' contains the monorepo '{root}'; staging would delete its files. " +
                "Stage into a folder of its own, e.g. '.nuke/temp/docker/<service>/context'.");

        var wanted = WantedFiles(root, input, context, cancellationToken);
        Directory.CreateDirectory(context);
        var removed = RemoveStale(context, wanted, cancellationToken);

        int copied = 0, unchanged = 0;
        foreach (var (destination, source) in wanted)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (IsUpToDate(source, destination))
            {
                unchanged++;
                staged?.Invoke(destination);
                continue;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(source, destination, overwrite: true);
            MakeReadable(destination);
            File.SetLastWriteTimeUtc(destination, File.GetLastWriteTimeUtc(source));
            copied++;
            staged?.Invoke(destination);
        }
        return new StagedContext(context, wanted.Count, copied, unchanged, removed);
    }

    /// <summary>Destination path → source path, sorted so staging visits files in a stable order.</summary>
    static SortedDictionary<string, string> WantedFiles(string root, ServiceBuildInput input, string context, CancellationToken cancellationToken)
    {
        var wanted = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var files = new Workspace.MonorepoFiles(root);
        void Add(string folder, string relative, string? target = null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var source = files.Resolve(relative);
            if (!File.Exists(source))
                throw new InvalidServiceInputException(input.Name,
                    $"its input file '{relative}' does not exist in '{root}'" +
                    (Directory.Exists(source) ? " as a file (it is a folder)" : "") +
                    "; the service's inputs are out of date with the file tree: recompute them from the workspace.");
            wanted[Path.Combine(context, folder, target ?? relative)] = files.ReadablePath(relative);
        }
        foreach (var file in input.ModuleFiles) Add(ContextLayout.ModulesFolder, file);
        foreach (var file in input.SourceFiles) Add(ContextLayout.SourcesFolder, file);
        // The vendor folder sits at its monorepo path in the sources tree, where 'go build -mod=vendor' looks for it.
        foreach (var file in input.VendorFiles) Add(ContextLayout.SourcesFolder, file);
        foreach (var file in input.ExtraInputs.Files) Add(ContextLayout.ExtrasFolder, file.Path, file.Target);
        return wanted;
    }

    /// <summary>
    /// Every staged file is readable by anyone: the image's non-root user must read the extra inputs whatever mode the
    /// checkout gave them (a COPY keeps the mode).
    /// </summary>
    static void MakeReadable(string path)
    {
        if (OperatingSystem.IsWindows()) return;
        const UnixFileMode read = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        var mode = File.GetUnixFileMode(path);
        if ((mode & read) != read) File.SetUnixFileMode(path, mode | read);
    }

    /// <summary>
    /// Same size and mtime: up to date. Same size, other mtime (a checkout or touch): compare the bytes and, when
    /// equal, only carry the mtime over. Anything else is copied.
    /// </summary>
    static bool IsUpToDate(string source, string destination)
    {
        var target = new FileInfo(destination);
        if (!target.Exists) return false;
        var origin = new FileInfo(source);
        if (origin.Length != target.Length) return false;
        if (origin.LastWriteTimeUtc == target.LastWriteTimeUtc) return true;
        if (!SameContent(source, destination)) return false;
        File.SetLastWriteTimeUtc(destination, origin.LastWriteTimeUtc);
        return true;
    }

    static bool SameContent(string a, string b)
    {
        const int size = 64 * 1024;
        using var first = File.OpenRead(a);
        using var second = File.OpenRead(b);
        var x = new byte[size];
        var y = new byte[size];
        while (true)
        {
            var read = first.ReadAtLeast(x, size, throwOnEndOfStream: false);
            if (second.ReadAtLeast(y, size, throwOnEndOfStream: false) != read) return false;
            if (read == 0) return true;
            if (!x.AsSpan(0, read).SequenceEqual(y.AsSpan(0, read))) return false;
        }
    }

    /// <summary>Deletes every file, link and folder under the context that no wanted file needs.</summary>
    static int RemoveStale(string context, SortedDictionary<string, string> wanted, CancellationToken cancellationToken)
    {
        var neededFolders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in wanted.Keys)
            for (var dir = Path.GetDirectoryName(file); dir is not null && dir.Length > context.Length; dir = Path.GetDirectoryName(dir))
                if (!neededFolders.Add(dir)) break;

        return new DirectoryInfo(context).EnumerateFileSystemInfos("*", AllEntries)
            .Sum(entry => RemoveStaleEntry(entry, wanted, neededFolders, cancellationToken));
    }

    static int RemoveStaleEntry(FileSystemInfo entry, SortedDictionary<string, string> wanted, HashSet<string> neededFolders,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // A link is always replaced: copying onto it would write through it, possibly into the monorepo.
        if (entry.LinkTarget is not null)
        {
            File.Delete(entry.FullName);
            return 1;
        }
        if (entry is FileInfo)
        {
            if (wanted.ContainsKey(entry.FullName)) return 0;
            entry.Delete();
            return 1;
        }
        var folder = (DirectoryInfo)entry;
        if (neededFolders.Contains(folder.FullName))
            return folder.EnumerateFileSystemInfos("*", AllEntries).Sum(child => RemoveStaleEntry(child, wanted, neededFolders, cancellationToken));
        var files = folder.EnumerateFiles("*", new EnumerationOptions { AttributesToSkip = 0, RecurseSubdirectories = true }).Count();
        folder.Delete(recursive: true);
        return files;
    }

    static readonly EnumerationOptions AllEntries = new() { AttributesToSkip = 0 };
}
