using LibGit2Sharp;

namespace GoMonorepoBuild.Changes;

/// <summary>
/// A folder of a commit written to disk so the workspace model (which reads files, not git) can be loaded at that
/// revision. Only what the model reads gets its content (.go, go.mod, go.sum, go.work, go.work.sum, Dockerfile); every
/// other file is an empty placeholder, enough for //go:embed patterns to match. Deleted with the snapshot.
/// </summary>
public sealed class TreeSnapshot : IDisposable
{
    static readonly HashSet<string> ModelFiles = ["go.mod", "go.sum", "go.work", "go.work.sum", "Dockerfile"];

    readonly string root;

    TreeSnapshot(string root, string? folder)
    {
        this.root = root;
        Folder = folder;
    }

    /// <summary>The snapshot of the requested folder; null when the commit has no such folder.</summary>
    public string? Folder { get; }

    /// <summary>Writes <paramref name="folder"/> (relative to the repository root, "." for all) of commit <paramref name="sha"/>.</summary>
    public static TreeSnapshot Write(string workingDirectory, string sha, string folder)
    {
        var root = Directory.CreateTempSubdirectory("gmb-base-").FullName;
        using var repo = new Repository(workingDirectory);
        var commit = repo.Lookup<Commit>(sha) ?? throw new InvalidOperationException($"commit {sha} is not in {workingDirectory}");
        var tree = folder == "." ? commit.Tree : commit[folder]?.Target as Tree;
        if (tree is null) return new TreeSnapshot(root, null);
        WriteTree(tree, root);
        return new TreeSnapshot(root, root);
    }

    static void WriteTree(Tree tree, string dir)
    {
        Directory.CreateDirectory(dir);
        foreach (var entry in tree)
        {
            var path = Path.Combine(dir, entry.Name);
            switch (entry.Target)
            {
                case Tree subtree:
                    WriteTree(subtree, path);
                    break;
                case Blob blob when entry.Mode != Mode.SymbolicLink:
                    if (IsModelFile(entry.Name))
                    {
                        using var content = blob.GetContentStream();
                        using var file = File.Create(path);
                        content.CopyTo(file);
                    }
                    else File.Create(path).Dispose();
                    break;
            }
        }
    }

    static bool IsModelFile(string name) => name.EndsWith(".go", StringComparison.Ordinal) || ModelFiles.Contains(name);

    public void Dispose()
    {
        try { Directory.Delete(root, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
