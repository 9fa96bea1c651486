using GoMonorepoBuild.Workspace;
using GoMonorepoBuild.Workspace.Cache;
using System.IO.Enumeration;
using LibGit2Sharp;

namespace GoMonorepoBuild.Changes;

/// <summary>
/// A folder of a commit written to disk so the workspace model (which reads files, not git) can be loaded at that
/// revision, by the model's own rule (<see cref="GoInputFiles"/>): what the model reads gets its content (Go files,
/// module files, Dockerfiles, vendor/modules.txt, vendored Go files included); the other files it lists (assembly,
/// C, .syso) are empty placeholders, and so is every other file below a folder whose Go files embed, enough for
/// //go:embed patterns to match. Input hashes at a revision come from the commit's blob ids, never from this copy. A symbolic link (git stores the link, not
/// its target) is written as a link, so the model treats it as it treats one in the working tree (see
/// <see cref="Workspace.MonorepoFiles"/>): followed only while it stays inside, never out. Deleted with the snapshot
/// (deleting removes links, never what they point to).
/// </summary>
public sealed class TreeSnapshot : IDisposable
{
    readonly string root;

    TreeSnapshot(string root, string? folder, IndexContents? keys = null)
    {
        this.root = root;
        Folder = folder;
        Keys = keys;
    }

    /// <summary>
    /// With a parse cache: the blob id of every file written and the folders' listings, for the model to find in the
    /// cache the Go files this copy holds only as placeholders (their content was not read out of git).
    /// </summary>
    internal IContentKeys? Keys { get; }

    /// <summary>The snapshot of the requested folder; null when the commit has no such folder.</summary>
    public string? Folder { get; }

    /// <summary>
    /// Writes <paramref name="folder"/> (relative to the repository root, "." for all) of commit <paramref name="sha"/>.
    /// Module files (go.mod, go.sum, go.work, go.work.sum) are always written; other files only in the sub-folders
    /// (relative to <paramref name="folder"/>) that <paramref name="include"/> accepts, all of them when it is null.
    /// A cancelled token stops the writing between folders and files with an <see cref="OperationCanceledException"/>;
    /// what was written is deleted, as on any failure.
    /// </summary>
    public static TreeSnapshot Write(string workingDirectory, string sha, string folder, Func<string, bool>? include = null,
        PartialClone? partial = null, CancellationToken cancellationToken = default) =>
        Write(workingDirectory, sha, folder, include, partial, cache: null, cancellationToken);

    /// <summary>
    /// As <see cref="Write(string, string, string, Func{string, bool}?, PartialClone?, CancellationToken)"/>; a Go file
    /// whose blob <paramref name="cache"/> holds is written as an empty placeholder (its content is neither read from git
    /// nor written), and <see cref="Keys"/> lets the model find it there. Not in a tree with a link that may be read as
    /// a Go file: it would reach a placeholder.
    /// </summary>
    internal static TreeSnapshot Write(string workingDirectory, string sha, string folder, Func<string, bool>? include,
        PartialClone? partial, ParseCache? cache, CancellationToken cancellationToken)
    {
        using var repository = RunRepository.At(workingDirectory);
        return Write(repository, sha, folder, include, partial, cache, cancellationToken);
    }

    /// <summary>Writes the snapshot from the run's <paramref name="repository"/> (see the other overload).</summary>
    public static TreeSnapshot Write(RunRepository repository, string sha, string folder, Func<string, bool>? include = null,
        PartialClone? partial = null, CancellationToken cancellationToken = default) =>
        Write(repository, sha, folder, include, partial, cache: null, cancellationToken);

    /// <summary>As the overload with a cache and a working folder, from the run's <paramref name="repository"/>.</summary>
    internal static TreeSnapshot Write(RunRepository repository, string sha, string folder, Func<string, bool>? include,
        PartialClone? partial, ParseCache? cache, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var workingDirectory = repository.WorkingDirectory ?? throw new InvalidOperationException("A revision is written from a git repository with a working tree.");
        var root = CreateRoot();
        try
        {
            return repository.Use(repo =>
            {
                var commit = repo.Lookup<Commit>(sha) ?? throw new InvalidOperationException($"commit {sha} is not in {workingDirectory}");
                partial ??= PartialClone.None(workingDirectory);
                partial.EnsureTrees(repo, commit.Tree.Id, $"commit {sha}");
                var tree = folder == "." ? commit.Tree : commit[folder]?.Target as Tree;
                if (tree is null) return new TreeSnapshot(root, null);
                var keys = WriteTree(repo, tree, root, RepoPathOf(".", folder), sha, include ?? (_ => true), partial, cache, cancellationToken);
                return new TreeSnapshot(root, root, keys);
            });
        }
        catch
        {
            // Nobody holds the snapshot yet, so nobody else would delete it (it may sit in /dev/shm, i.e. memory).
            new TreeSnapshot(root, null).Dispose();
            throw;
        }
    }

    /// <summary>
    /// Files the model reads get their content; files it only lists are empty placeholders; any other file is a
    /// placeholder too, but only below folders whose Go files embed something (//go:embed can reach no further), which
    /// keeps a large tree's snapshot to roughly its Go files. The
    /// walk reads trees only; the contents it needs (model files and link texts) are fetched in one go when a partial
    /// clone lacks some.
    /// </summary>
    static IndexContents? WriteTree(Repository repo, Tree tree, string root, string folder, string sha, Func<string, bool> include,
        PartialClone partial, ParseCache? cache, CancellationToken cancellationToken)
    {
        var others = new List<string>();
        var contents = new List<(string Path, TreeEntry Entry)>();
        var links = new List<(string Path, TreeEntry Entry)>();
        Walk(tree, root, ".", include, others, contents, links, cancellationToken);
        if (cache is not null && links.Count > 0 && !LinksReadNoGoFile(repo, root, folder, sha, links, partial)) cache = null;
        var embedding = new List<string>();
        // Cached Go files: a placeholder each, and their folders embed when their cached header has embed patterns.
        var cached = new List<(string Path, TreeEntry Entry)>();
        if (cache is not null)
        {
            foreach (var (path, entry) in contents)
            {
                if (!GoInputFiles.IsGoSource(entry.Name) || !cache.TryFile(entry.Target.Id.Sha, entry.Name, out var file)) continue;
                cached.Add((path, entry));
                if (file.EmbedPatterns.Count > 0) embedding.Add(Path.GetDirectoryName(path) + Path.DirectorySeparatorChar);
            }
            var skipped = cached.Select(c => c.Path).ToHashSet(StringComparer.Ordinal);
            contents = contents.Where(c => !skipped.Contains(c.Path)).ToList();
        }
        foreach (var (path, _) in cached)
        {
            cancellationToken.ThrowIfCancellationRequested();
            File.Create(path).Dispose();
        }
        foreach (var listed in others.Where(p => GoInputFiles.IsListed(Path.GetFileName(p))))
        {
            cancellationToken.ThrowIfCancellationRequested();
            File.Create(listed).Dispose();
        }
        partial.Fetch(repo, contents.Concat(links).GroupBy(c => c.Entry.Target.Id).ToDictionary(g => g.Key,
            g => Described(root, folder, sha, g.First().Path)), required: true);

        foreach (var (path, entry) in contents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var bytes = WriteBlob(repo, (Blob)entry.Target, path, () => Described(root, folder, sha, path));
            if (entry.Name.EndsWith(".go", StringComparison.Ordinal) && bytes.AsSpan().IndexOf(EmbedDirective) >= 0)
                embedding.Add(Path.GetDirectoryName(path) + Path.DirectorySeparatorChar);
        }
        var written = new List<string>();
        foreach (var (path, entry) in links)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var target = BlobContent.Text((Blob)entry.Target, repo.Info.WorkingDirectory, () => Described(root, folder, sha, path));
            if (target.Length == 0 || target.Contains('\0')) continue;
            File.CreateSymbolicLink(path, target);
            written.Add(path);
        }
        foreach (var path in others)
            if (!GoInputFiles.IsListed(Path.GetFileName(path)) && embedding.Any(dir => path.StartsWith(dir, StringComparison.Ordinal)))
            {
                cancellationToken.ThrowIfCancellationRequested();
                File.Create(path).Dispose();
            }
        foreach (var link in written)
        {
            cancellationToken.ThrowIfCancellationRequested();
            WriteLinkTarget(repo, tree, root, folder, sha, link, partial);
        }
        if (cache is null) return null;
        // What the folder holds now, as the model will list it: blob ids for content written or cached, none for placeholders.
        var ids = contents.Concat(cached).ToDictionary(c => c.Path, c => c.Entry.Target.Id.Sha, StringComparer.Ordinal);
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, ReturnSpecialDirectories = false };
        var onDisk = new FileSystemEnumerable<(string Path, bool Link)>(root,
            (ref FileSystemEntry e) => (e.ToFullPath(), (e.Attributes & FileAttributes.ReparsePoint) != 0), options)
        {
            // Links are listed as links (a linked folder too, as the model lists it), and never walked into.
            ShouldIncludePredicate = (ref FileSystemEntry e) => !e.IsDirectory || (e.Attributes & FileAttributes.ReparsePoint) != 0,
            ShouldRecursePredicate = (ref FileSystemEntry e) => (e.Attributes & FileAttributes.ReparsePoint) == 0,
        };
        return IndexContents.From(onDisk.Select(w => (Path.GetRelativePath(root, w.Path).Replace('\\', '/'), w.Link, w.Link ? null : ids.GetValueOrDefault(w.Path))));
    }

    /// <summary>
    /// Lays the working tree's differences from the snapshot's commit over it, so the snapshot reads as the working tree
    /// would with every file checked out (a sparse checkout's working folder lacks the files it left out; its commit does
    /// not). <paramref name="paths"/> are relative to the repository root; those outside <paramref name="folder"/> are
    /// ignored. A file present in the working folder replaces the snapshot's (content for model files, an empty
    /// placeholder otherwise, the link itself for a link); a file absent there is removed. Nothing is read through a
    /// folder that leads out of the repository.
    /// </summary>
    public void Overlay(string workingDirectory, string folder, IEnumerable<string> paths)
    {
        if (Folder is null) return;
        var top = Workspace.RealPath.Of(workingDirectory);
        var prefix = folder == "." ? "" : folder + "/";
        foreach (var path in paths)
        {
            if (!path.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var source = Path.Combine(top, path);
            var target = Path.Combine(Folder, path[prefix.Length..]);
            var sourceDir = Workspace.RealPath.Of(Path.GetDirectoryName(source)!);
            if (sourceDir != top && !sourceDir.StartsWith(top + Path.DirectorySeparatorChar, StringComparison.Ordinal)) continue;
            var info = new FileInfo(source);
            if (File.Exists(target) || new FileInfo(target).LinkTarget is not null) File.Delete(target);
            if (info.LinkTarget is { } link)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.CreateSymbolicLink(target, link);
            }
            else if (info.Exists)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                if (GoInputFiles.IsReadByModel(path[prefix.Length..])) File.Copy(source, target);
                else File.Create(target).Dispose();
            }
        }
    }

    /// <summary>
    /// Whether no link can be read as a Go file (which would reach a placeholder): none is named .go, points at a .go
    /// file, or points at something named as a link of the tree (a chain). moby's links lead to .pem and .md files.
    /// </summary>
    static bool LinksReadNoGoFile(Repository repo, string root, string folder, string sha, List<(string Path, TreeEntry Entry)> links,
        PartialClone partial)
    {
        partial.Fetch(repo, links.GroupBy(l => l.Entry.Target.Id).ToDictionary(g => g.Key, g => Described(root, folder, sha, g.First().Path)),
            required: true);
        var names = links.Select(l => l.Entry.Name).ToHashSet(StringComparer.Ordinal);
        return links.All(l => !GoInputFiles.IsGoSource(l.Entry.Name)
            && BlobContent.Text((Blob)l.Entry.Target, repo.Info.WorkingDirectory, () => Described(root, folder, sha, l.Path)) is var target
            && !target.TrimEnd().EndsWith(".go", StringComparison.Ordinal) && !names.Contains(Path.GetFileName(target.TrimEnd('/'))));
    }

    static string Described(string root, string folder, string sha, string path) =>
        $"{RepoPathOf(folder, Path.GetRelativePath(root, path).Replace('\\', '/'))} at {sha[..12]}";

    /// <summary>
    /// A link inside the snapshot whose target the filter left out gets that target (one hop), so a linked .go file
    /// reads as in the working tree. Targets outside the snapshot are never looked at.
    /// </summary>
    static void WriteLinkTarget(Repository repo, Tree tree, string root, string folder, string sha, string link, PartialClone partial)
    {
        var target = Path.GetFullPath(new FileInfo(link).LinkTarget!, Path.GetDirectoryName(link)!);
        if (!target.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.Exists(target)) return;
        var relative = target[(root.Length + 1)..].Replace('\\', '/');
        if (tree[relative] is not { Mode: Mode.NonExecutableFile or Mode.ExecutableFile or Mode.NonExecutableGroupWritableFile } entry) return;
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (!GoInputFiles.IsReadByModel(relative))
        {
            File.Create(target).Dispose();
            return;
        }
        partial.Fetch(repo, new Dictionary<ObjectId, string> { [entry.Target.Id] = Described(root, folder, sha, target) }, required: true);
        WriteBlob(repo, (Blob)entry.Target, target, () => Described(root, folder, sha, target));
    }

    static byte[] WriteBlob(Repository repo, Blob blob, string path, Func<string> described)
    {
        var bytes = BlobContent.Bytes(blob, repo.Info.WorkingDirectory, described);
        File.WriteAllBytes(path, bytes);
        return bytes;
    }

    static readonly byte[] EmbedDirective = "go:embed"u8.ToArray();

    static void Walk(Tree tree, string dir, string relative, Func<string, bool> include, List<string> others,
        List<(string, TreeEntry)> contents, List<(string, TreeEntry)> links, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Directory.CreateDirectory(dir);
        var included = include(relative);
        foreach (var entry in tree)
        {
            var path = Path.Combine(dir, entry.Name);
            if (entry.Mode == Mode.Directory)
                Walk((Tree)entry.Target, path, RepoPathOf(relative, entry.Name), include, others, contents, links, cancellationToken);
            else if (entry.Mode == Mode.SymbolicLink && (included || GoInputFiles.IsModuleFile(entry.Name)) && entry.TargetType == TreeEntryTargetType.Blob)
                links.Add((path, entry));
            else if (entry.Mode is Mode.NonExecutableFile or Mode.ExecutableFile or Mode.NonExecutableGroupWritableFile
                     && (included || GoInputFiles.IsModuleFile(entry.Name)) && entry.TargetType == TreeEntryTargetType.Blob)
            {
                if (GoInputFiles.IsReadByModel(RepoPathOf(relative, entry.Name))) contents.Add((path, entry));
                else others.Add(path);
            }
        }
    }

    /// <summary>
    /// In /dev/shm where there is one: creating thousands of small files there is some thirty times faster than on a disk
    /// (measured here: 15 µs against 0.55 ms a file), and the snapshot lives only for one analysis.
    /// </summary>
    static string CreateRoot()
    {
        const string shm = "/dev/shm";
        if (OperatingSystem.IsLinux() && Directory.Exists(shm))
        {
            try
            {
                return Directory.CreateDirectory(Path.Combine(shm, "gmb-base-" + Guid.NewGuid().ToString("N")[..12])).FullName;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // not writable here: the temp folder will do
            }
        }
        return Directory.CreateTempSubdirectory("gmb-base-").FullName;
    }

    static string RepoPathOf(string dir, string name) => dir == "." ? name : dir + "/" + name;

    public void Dispose()
    {
        try { Directory.Delete(root, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
