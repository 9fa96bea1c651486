using LibGit2Sharp;

namespace GoMonorepoBuild.Changes;

/// <summary>
/// The working tree's status as one libgit2 walk reports it: every path where HEAD, the index and the working folder
/// differ, untracked files included (each file of an untracked folder), ignored files and submodules left out, no rename
/// detection. Taken once per run by <see cref="RunRepository.Status"/>; <see cref="GitChanges"/> reads the whole of it,
/// the index digests (<see cref="Inputs.GitIndexDigests"/>) the paths whose working file differs from the index.
/// </summary>
internal sealed class WorkTreeStatus
{
    const FileStatus WorkDirDiffers = FileStatus.NewInWorkdir | FileStatus.ModifiedInWorkdir | FileStatus.DeletedFromWorkdir
                                      | FileStatus.TypeChangeInWorkdir | FileStatus.RenamedInWorkdir | FileStatus.Unreadable | FileStatus.Conflicted;

    WorkTreeStatus(IReadOnlyList<ChangedPath> entries) => Entries = entries;

    /// <summary>The paths (relative to the repository root, forward slashes) that differ somewhere, with how.</summary>
    public IReadOnlyList<ChangedPath> Entries { get; }

    /// <summary>
    /// Paths under <paramref name="prefix"/> ("" for all, else ending in '/') whose working file differs from the index
    /// (or is not in it): an index entry's blob id is then not the file's digest.
    /// </summary>
    public HashSet<string> DifferingFromIndex(string prefix) =>
        Entries.Where(e => (e.State & WorkDirDiffers) != 0 && e.Path.StartsWith(prefix, StringComparison.Ordinal))
            .Select(e => e.Path).ToHashSet(StringComparer.Ordinal);

    internal static WorkTreeStatus Of(Repository repo)
    {
        var status = repo.RetrieveStatus(new StatusOptions
        {
            Show = StatusShowOption.IndexAndWorkDir,
            IncludeUntracked = true,
            RecurseUntrackedDirs = true,
            IncludeIgnored = false,
            DetectRenamesInIndex = false,
            DetectRenamesInWorkDir = false,
            ExcludeSubmodules = true,
        });
        return new WorkTreeStatus(status.Where(e => e.State is not (FileStatus.Unaltered or FileStatus.Ignored))
            .Select(e => new ChangedPath(e.FilePath.Replace('\\', '/'), e.State)).ToList());
    }
}
