using System.Buffers.Binary;
using GoMonorepoBuild.Processes;
using GoMonorepoBuild.Workspace;
using LibGit2Sharp;

namespace GoMonorepoBuild.Changes;

/// <summary>
/// The files a sparse checkout (<c>git sparse-checkout</c>, cone or not, or <c>git update-index --skip-worktree</c>) left
/// out of the working tree: index entries with git's skip-worktree bit. git treats them as unchanged; libgit2 knows no
/// sparse checkout and reports them deleted (libgit2/libgit2#5813), and LibGit2Sharp does not expose the bit, so git
/// itself is asked (<c>git ls-files -t</c>). Only when the index can hold the bit at all: it is an extended flag, which
/// needs index version 3 or later, so an ordinary checkout (version 2) costs one 8-byte read and no process.
/// </summary>
public sealed class SparseCheckout
{
    readonly HashSet<string> skipped;

    SparseCheckout(HashSet<string> skipped) => this.skipped = skipped;

    /// <summary>A full checkout: nothing is left out.</summary>
    public static SparseCheckout None { get; } = new([]);

    /// <summary>Repository-relative paths (forward slashes) that are in the index but not checked out.</summary>
    public IReadOnlyCollection<string> SkippedPaths => skipped;

    public bool IsSparse => skipped.Count > 0;

    /// <summary>Whether <paramref name="repoPath"/> (relative to the repository root) was left out of the working tree.</summary>
    public bool IsSkipped(string repoPath) => skipped.Contains(repoPath);

    /// <summary>Whether anything below <paramref name="folder"/> (relative to the repository root, "." for all) was left out.</summary>
    public bool AnyUnder(string folder) => folder == "." ? IsSparse : skipped.Any(p => RepoPath.IsUnder(p, folder));

    /// <summary>The skip-worktree entries of the checkout at <paramref name="workingDirectory"/>.</summary>
    public static async Task<SparseCheckout> ReadAsync(string workingDirectory, CancellationToken cancellationToken, Tool? git = null)
    {
        using var repository = RunRepository.At(workingDirectory);
        return await ReadAsync(repository, cancellationToken, git);
    }

    /// <summary>The skip-worktree entries of the checkout of the run's <paramref name="repository"/>.</summary>
    public static async Task<SparseCheckout> ReadAsync(RunRepository repository, CancellationToken cancellationToken, Tool? git = null)
    {
        // Per worktree: a linked worktree has its own index (in its own git folder).
        var index = Path.Combine(repository.GitDirectory ?? throw new InvalidOperationException("A sparse checkout is a git checkout."), "index");
        if (IndexVersion(index) < 3) return None;
        var result = await (git ?? Tool.Named("git")).WithWorkingDirectory(repository.WorkingDirectory!)
            .RunAsync(["ls-files", "-t", "-z"], cancellationToken);
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in result.StandardOutput.Split('\0', StringSplitOptions.RemoveEmptyEntries))
            if (entry.Length > 2 && entry[0] == 'S' && entry[1] == ' ')
                paths.Add(entry[2..]);
        return paths.Count == 0 ? None : new SparseCheckout(paths);
    }

    /// <summary>
    /// Whether the checkout holding <paramref name="folder"/> may have left files out (its index can hold the bit), read
    /// without starting a process: false for every ordinary checkout and for a folder in no repository.
    /// </summary>
    public static bool MayBeSparse(string folder)
    {
        var gitDir = GitDirectoryDiscovery.Find(folder);
        return gitDir is not null && IndexVersion(Path.Combine(gitDir, "index")) >= 3;
    }

    /// <summary>The index file's version ("DIRC", then a big-endian 32-bit version); 0 when there is none to read.</summary>
    static uint IndexVersion(string index)
    {
        try
        {
            using var file = File.OpenRead(index);
            Span<byte> header = stackalloc byte[8];
            if (file.ReadAtLeast(header, 8, throwOnEndOfStream: false) < 8 || !header[..4].SequenceEqual("DIRC"u8)) return 0;
            return BinaryPrimitives.ReadUInt32BigEndian(header[4..]);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return 0;
        }
    }
}
