using GoMonorepoBuild.Processes;

namespace GoMonorepoBuild.Changes;

/// <summary>
/// The working tree's changes as git itself reports them (<c>git status --porcelain -z</c>): used for sparse checkouts,
/// which libgit2 does not understand (it reports left-out files deleted, and cannot read a sparse index at all:
/// "unsupported mandatory extension: 'sdir'"). Full checkouts keep LibGit2Sharp's in-process status.
/// </summary>
public static class GitStatus
{
    /// <summary>
    /// Paths (relative to the repository root) where the index or the working folder differs from HEAD, untracked files
    /// included, ignored files and submodules left out, renames as their two sides: what <see cref="GitChanges"/> needs.
    /// </summary>
    /// <remarks>Asked once per run of the run's <paramref name="repository"/> (<see cref="RunRepository"/>), and shared.</remarks>
    public static Task<IReadOnlyCollection<string>> ChangedPathsAsync(RunRepository repository, CancellationToken cancellationToken) =>
        repository.GitStatusPaths(() => ChangedPathsAsync(
            repository.WorkingDirectory ?? throw new InvalidOperationException("git status needs a working tree."), cancellationToken));

    /// <summary>The changed paths of the checkout at <paramref name="workingDirectory"/> (see the other overload).</summary>
    public static async Task<IReadOnlyCollection<string>> ChangedPathsAsync(string workingDirectory, CancellationToken cancellationToken, Tool? git = null)
    {
        var result = await (git ?? Tool.Named("git")).WithWorkingDirectory(workingDirectory)
            .RunAsync([OptionalLocks.Refused, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames", "--ignore-submodules=all"], cancellationToken);
        var paths = new HashSet<string>(StringComparer.Ordinal);
        // Each entry is "XY path"; -z leaves paths unquoted, and --no-renames means no second "from" path follows.
        foreach (var entry in result.StandardOutput.Split('\0', StringSplitOptions.RemoveEmptyEntries))
            if (entry.Length > 3 && entry[2] == ' ')
                paths.Add(entry[3..]);
        return paths;
    }
}
