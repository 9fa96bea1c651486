using GoMonorepoBuild.Processes;
using GoMonorepoBuild.Workspace;

namespace GoMonorepoBuild.Changes;

/// <summary>
/// The entries of the checkout's git index (what <c>git ls-files --stage</c> lists), read once per run by
/// <see cref="RunRepository.Index"/> and shared: the parse cache's keys (<see cref="IndexContents"/>) and the
/// clean-checkout question (<see cref="CleanCheckout"/>) both need it, and on moby each read was a process listing
/// 13,000 entries on the run's critical path. Read from the index file where <see cref="IndexFile"/> can (the common
/// case); where it cannot (a sparse index's folder entries, a split index, another format) git's own command lists it.
/// </summary>
internal sealed class IndexListing
{
    /// <summary>
    /// One index entry: its mode as git writes it in octal (100644, 120000, 160000, 040000 ...), object id, stage and path;
    /// <paramref name="Uncompared"/> when git does not compare it with the working tree (assume-unchanged or skip-worktree),
    /// so a clean status says nothing of its file.
    /// </summary>
    internal readonly record struct Entry(int Mode, string Id, int Stage, string Path, bool Uncompared = false);

    /// <summary>A gitlink (a submodule's commit).</summary>
    public const int GitLink = 0xE000; // 0160000

    /// <summary>A symbolic link.</summary>
    public const int Link = 0xA000; // 0120000

    /// <summary>A sparse index's folder entry (a folder left out of the checkout).</summary>
    public const int Folder = 0x4000; // 040000

    IndexListing(IReadOnlyList<Entry> entries, bool fromGit, string? tree = null)
    {
        Entries = entries;
        FromGit = fromGit;
        Tree = tree;
    }

    /// <summary>
    /// The tree the whole index holds, by git's own valid cache-tree record (<see cref="IndexFile"/>); null when the
    /// index file does not record it (or git's command listed it).
    /// </summary>
    public string? Tree { get; }

    /// <summary>Every entry, paths relative to the repository root, in the index's order.</summary>
    public IReadOnlyList<Entry> Entries { get; }

    /// <summary>Whether git's command listed it (the index file was not one <see cref="IndexFile"/> reads).</summary>
    public bool FromGit { get; }

    /// <summary>The entries at or below <paramref name="folder"/> (relative to the repository root, "." for all).</summary>
    public IEnumerable<Entry> Under(string folder) => folder == "." ? Entries : Entries.Where(e => RepoPath.IsUnder(e.Path, folder));

    /// <summary>
    /// Reads the index of <paramref name="repository"/>: its file (<see cref="IndexFile"/>, no process) unless
    /// <paramref name="git"/> is given or the file is not one it reads, else through <c>git ls-files --stage -z</c>;
    /// null when git fails too.
    /// </summary>
    internal static async Task<IndexListing?> ReadAsync(RunRepository repository, CancellationToken cancellationToken, Tool? git = null)
    {
        // Per worktree: a linked worktree has its own index, in its own git folder.
        if (git is null && repository.GitDirectory is { } gitDir && IndexFile.TryRead(Path.Combine(gitDir, "index"), out var tree) is { } entries)
            return new IndexListing(entries, fromGit: false, tree);
        if (repository.WorkingDirectory is not { } workingDirectory) return null;
        var result = await (git ?? Tool.Named("git")).WithWorkingDirectory(workingDirectory)
            .TryRunAsync(["ls-files", "--stage", "-z"], cancellationToken);
        return result.ExitCode == 0 ? Parse(result.StandardOutput) : null;
    }

    /// <summary>Reads <c>ls-files --stage -z</c> output: "&lt;mode&gt; &lt;object&gt; &lt;stage&gt;\t&lt;path&gt;" entries.</summary>
    internal static IndexListing Parse(string output)
    {
        var entries = new List<Entry>();
        foreach (var text in output.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var tab = text.IndexOf('\t');
            var fields = tab > 0 ? text[..tab].Split(' ') : [];
            if (fields.Length != 3) continue;
            entries.Add(new Entry(Convert.ToInt32(fields[0], 8), fields[1], int.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture), text[(tab + 1)..]));
        }
        return new IndexListing(entries, fromGit: true);
    }
}
