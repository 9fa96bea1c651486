using LibGit2Sharp;

namespace GoMonorepoBuild.Changes;

/// <summary>
/// The changed files between a base commit and a head through LibGit2Sharp: the tree diff base→HEAD (renames detected),
/// plus, when the head is the working tree, the status of the index and working folder (staged, unstaged and untracked
/// files; ignored ones left out). The status is the only full-tree walk, done once.
/// </summary>
public static class GitChanges
{
    public static ChangeSet Compute(string workingDirectory, ResolvedBase resolvedBase, string? head)
    {
        using var repo = new Repository(workingDirectory);
        var headCommit = head is null
            ? repo.Head.Tip ?? throw new InvalidOperationException($"The repository at {workingDirectory} has no commit yet (HEAD is unborn): commit first.")
            : Lookup(repo, head, "--head");
        if (resolvedBase.Sha is null) return new ChangeSet(resolvedBase, headCommit.Sha, []).WithHeadCommit(headCommit.Sha);

        var baseCommit = Lookup(repo, resolvedBase.Sha, "the base");
        var files = new Dictionary<string, ChangedFile>(StringComparer.Ordinal);
        using (var diff = repo.Diff.Compare<TreeChanges>(baseCommit.Tree, headCommit.Tree,
                   new CompareOptions { Similarity = SimilarityOptions.Renames, IncludeUnmodified = false }))
        {
            foreach (var change in diff)
            {
                var file = change.Status switch
                {
                    LibGit2Sharp.ChangeKind.Added or LibGit2Sharp.ChangeKind.Copied => ChangedFile.Added(change.Path),
                    LibGit2Sharp.ChangeKind.Deleted => ChangedFile.Deleted(change.OldPath),
                    LibGit2Sharp.ChangeKind.Renamed => ChangedFile.Renamed(change.OldPath, change.Path),
                    _ => ChangedFile.Modified(change.Path),
                };
                files[file.Path] = file;
            }
        }
        if (head is not null) return new ChangeSet(resolvedBase, headCommit.Sha, Sorted(files)).WithHeadCommit(headCommit.Sha);

        var local = LocalChanges(repo);
        if (local.Count == 0) return new ChangeSet(resolvedBase, headCommit.Sha, Sorted(files)).WithHeadCommit(headCommit.Sha);
        foreach (var renamed in files.Values.Where(f => f.Kind == ChangeKind.Renamed && (local.Contains(f.Path) || local.Contains(f.OldPath!))).ToList())
        {
            // A committed rename touched again locally: judge each side on its own against the base.
            files.Remove(renamed.Path);
            local.Add(renamed.Path);
            local.Add(renamed.OldPath!);
        }
        foreach (var path in local)
        {
            var atBase = baseCommit[path]?.TargetType == TreeEntryTargetType.Blob;
            var full = Path.Combine(repo.Info.WorkingDirectory, path);
            // A link is there even when it points nowhere (or out of the repository): git tracks the link itself.
            var atHead = File.Exists(full) || new FileInfo(full).LinkTarget is not null;
            if (atBase || atHead)
                files[path] = atBase && atHead ? ChangedFile.Modified(path) : atHead ? ChangedFile.Added(path) : ChangedFile.Deleted(path);
            else files.Remove(path);
        }
        return new ChangeSet(resolvedBase, ChangeSet.WorkTree, Sorted(files)).WithHeadCommit(headCommit.Sha);
    }

    /// <summary>Paths that differ between HEAD, the index and the working folder, untracked included.</summary>
    static HashSet<string> LocalChanges(Repository repo)
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
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in status)
            if (entry.State is not (FileStatus.Unaltered or FileStatus.Ignored))
                paths.Add(entry.FilePath.Replace('\\', '/'));
        return paths;
    }

    static Commit Lookup(Repository repo, string revision, string what)
    {
        Commit? commit;
        try { commit = repo.Lookup<Commit>(revision); }
        catch (LibGit2SharpException) { commit = null; }
        return commit ?? throw new MissingBaseException(
            $"{what} '{revision}' is not a commit of this repository: fetch it (git fetch origin {revision}) or name an existing commit.",
            new BaseCandidate(BaseSource.Explicit, revision, false, what), repo.Info.IsShallow);
    }

    static List<ChangedFile> Sorted(Dictionary<string, ChangedFile> files) =>
        files.Values.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
}
