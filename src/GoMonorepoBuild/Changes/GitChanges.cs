using System.Text.RegularExpressions;
using LibGit2Sharp;

namespace GoMonorepoBuild.Changes;

/// <summary>
/// The changed files between a base commit and a head through LibGit2Sharp: the tree diff base→HEAD (renames detected),
/// plus, when the head is the working tree, the status of the index and working folder (staged, unstaged and untracked
/// files; ignored ones left out). The status is the only full-tree walk, done once per run by the run's repository
/// (<see cref="RunRepository.Status"/>) and shared with the index digests. Cancellation is checked between
/// files (libgit2's own diff and status calls run to their end) and ends with an <see cref="OperationCanceledException"/>.
/// </summary>
public static class GitChanges
{
    /// <summary>
    /// The changes from <paramref name="resolvedBase"/> to <paramref name="head"/> (null: the working tree). A sparse
    /// checkout's left-out files (<paramref name="sparse"/>) are no changes; <paramref name="localPaths"/> are the working
    /// tree's changed paths when already known (git's own status, for a sparse checkout), else LibGit2Sharp is asked.
    /// </summary>
    public static ChangeSet Compute(string workingDirectory, ResolvedBase resolvedBase, string? head, PartialClone? partial = null,
        SparseCheckout? sparse = null, IReadOnlyCollection<string>? localPaths = null, CancellationToken cancellationToken = default)
    {
        using var repository = RunRepository.At(workingDirectory);
        return Compute(repository, resolvedBase, head, partial, sparse, localPaths, cancellationToken);
    }

    /// <summary>
    /// The changes in the run's <paramref name="repository"/> (see the other overload); the working tree's status is the
    /// run's one walk (<see cref="RunRepository.Status"/>), shared with the index digests.
    /// </summary>
    public static ChangeSet Compute(RunRepository repository, ResolvedBase resolvedBase, string? head, PartialClone? partial = null,
        SparseCheckout? sparse = null, IReadOnlyCollection<string>? localPaths = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var workingDirectory = repository.WorkingDirectory ?? throw new InvalidOperationException("The changes need a git repository with a working tree.");
        partial ??= PartialClone.None(workingDirectory);
        sparse ??= SparseCheckout.None;
        return repository.Use(repo => Compute(repository, repo, workingDirectory, resolvedBase, head, partial, sparse, localPaths, cancellationToken));
    }

    static ChangeSet Compute(RunRepository run, Repository repo, string workingDirectory, ResolvedBase resolvedBase, string? head, PartialClone partial,
        SparseCheckout sparse, IReadOnlyCollection<string>? localPaths, CancellationToken cancellationToken)
    {
        var headCommit = head is null
            ? repo.Head.Tip ?? throw new InvalidOperationException($"The repository at {workingDirectory} has no commit yet (HEAD is unborn): commit first.")
            : Lookup(repo, head, "--head");
        if (resolvedBase.Sha is null) return new ChangeSet(resolvedBase, headCommit.Sha, []).WithHeadCommit(headCommit.Sha);

        var baseCommit = Lookup(repo, resolvedBase.Sha, "the base");
        var files = new Dictionary<string, ChangedFile>(StringComparer.Ordinal);
        var notes = new List<string>();
        partial.EnsureTrees(repo, baseCommit.Tree.Id, $"the base {baseCommit.Sha}");
        partial.EnsureTrees(repo, headCommit.Tree.Id, $"the head {headCommit.Sha}");
        var similarity = RenameDetection(repo, baseCommit, headCommit, partial, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        using (var diff = CompareTrees(repo, baseCommit, headCommit, similarity, notes))
        {
            foreach (var change in diff)
            {
                if (change.Mode == Mode.GitLink || change.OldMode == Mode.GitLink)
                {
                    // A moved submodule pointer brings in other files: each of them is the change.
                    var expanded = SubmoduleChanges.Expand(repo, change.Mode == Mode.GitLink ? change.Path : change.OldPath,
                        change.OldMode == Mode.GitLink ? change.OldOid : null, change.Mode == Mode.GitLink ? change.Oid : null, notes);
                    if (expanded is not null)
                    {
                        foreach (var inner in expanded) files[inner.Path] = inner;
                        continue;
                    }
                }
                cancellationToken.ThrowIfCancellationRequested();
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
        if (head is not null) return new ChangeSet(resolvedBase, headCommit.Sha, Sorted(files)).WithHeadCommit(headCommit.Sha) with { Notes = notes };

        cancellationToken.ThrowIfCancellationRequested();
        var local = localPaths is null ? LocalChanges(run, sparse, cancellationToken) : localPaths.ToHashSet(StringComparer.Ordinal);
        if (local.Count == 0) return new ChangeSet(resolvedBase, headCommit.Sha, Sorted(files)).WithHeadCommit(headCommit.Sha) with { Notes = notes };
        var workTreePaths = local.Order(StringComparer.Ordinal).ToList();
        foreach (var renamed in files.Values.Where(f => f.Kind == ChangeKind.Renamed && (local.Contains(f.Path) || local.Contains(f.OldPath!))).ToList())
        {
            // A committed rename touched again locally: judge each side on its own against the base.
            files.Remove(renamed.Path);
            local.Add(renamed.Path);
            local.Add(renamed.OldPath!);
        }
        foreach (var path in local)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var atBase = baseCommit[path]?.TargetType == TreeEntryTargetType.Blob;
            var full = Path.Combine(repo.Info.WorkingDirectory, path);
            // A link is there even when it points nowhere (or out of the repository): git tracks the link itself.
            var atHead = File.Exists(full) || new FileInfo(full).LinkTarget is not null;
            if (atBase || atHead)
                files[path] = atBase && atHead ? ChangedFile.Modified(path) : atHead ? ChangedFile.Added(path) : ChangedFile.Deleted(path);
            else files.Remove(path);
        }
        return new ChangeSet(resolvedBase, ChangeSet.WorkTree, Sorted(files)).WithHeadCommit(headCommit.Sha) with { WorkTreePaths = workTreePaths, Notes = notes };
    }

    /// <summary>
    /// Rename detection compares the content of added and deleted files. A partial clone may lack those blobs (and
    /// libgit2 cannot fetch them), so they are fetched first, exactly those; when the remote cannot give them, renames
    /// are reported as a deletion plus an addition, which affects the same services.
    /// </summary>
    static SimilarityOptions RenameDetection(Repository repo, Commit baseCommit, Commit headCommit, PartialClone partial,
        CancellationToken cancellationToken)
    {
        if (!partial.IsPartial) return SimilarityOptions.Renames;
        var needed = new Dictionary<ObjectId, string>();
        int added = 0, deleted = 0;
        using (var plain = repo.Diff.Compare<TreeChanges>(baseCommit.Tree, headCommit.Tree, new CompareOptions { Similarity = SimilarityOptions.None }))
        {
            foreach (var change in plain)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (change.Status == LibGit2Sharp.ChangeKind.Added && change.Mode != Mode.GitLink)
                {
                    added++;
                    needed.TryAdd(change.Oid, $"{change.Path} at {headCommit.Sha[..12]}");
                }
                else if (change.Status == LibGit2Sharp.ChangeKind.Deleted && change.OldMode != Mode.GitLink)
                {
                    deleted++;
                    needed.TryAdd(change.OldOid, $"{change.OldPath} at {baseCommit.Sha[..12]}");
                }
            }
        }
        if (added == 0 || deleted == 0) return SimilarityOptions.Renames; // nothing to pair, so no content is read
        return partial.Fetch(repo, needed, required: false) ? SimilarityOptions.Renames : SimilarityOptions.None;
    }

    /// <summary>
    /// The tree diff, renames found. Finding them reads the content of added and deleted files, and an incomplete clone
    /// (objects lost, or a snapshot's history with blobs dropped; a partial clone fetched them above) may lack one: the
    /// diff is then answered without rename detection, a rename being a deletion plus an addition, which affects the
    /// same services, and a note names the missing object and how to repair the clone, never libgit2's text.
    /// </summary>
    static TreeChanges CompareTrees(Repository repo, Commit baseCommit, Commit headCommit, SimilarityOptions similarity, List<string> notes)
    {
        try
        {
            return repo.Diff.Compare<TreeChanges>(baseCommit.Tree, headCommit.Tree, new CompareOptions { Similarity = similarity, IncludeUnmodified = false });
        }
        catch (NotFoundException e) when (similarity.RenameDetectionMode != RenameDetectionMode.None)
        {
            var missing = MissingObjectId.Match(e.Message) is { Success: true } match ? $"git object {match.Value}" : "a git object";
            notes.Add($"Renames between {baseCommit.Sha[..12]} and {headCommit.Sha[..12]} count as a deletion plus an addition: finding them " +
                      $"needs file content this clone lacks ({missing}); `git fsck` lists what is missing, and fetching or cloning again restores it.");
            return repo.Diff.Compare<TreeChanges>(baseCommit.Tree, headCommit.Tree, new CompareOptions { Similarity = SimilarityOptions.None, IncludeUnmodified = false });
        }
    }

    static readonly Regex MissingObjectId = new("[0-9a-f]{40,64}", RegexOptions.CultureInvariant);

    /// <summary>
    /// Paths that differ between HEAD, the index and the working folder, untracked included. A file a sparse checkout left
    /// out is absent on purpose: git calls it unchanged, libgit2 calls it deleted; git is right.
    /// </summary>
    static HashSet<string> LocalChanges(RunRepository run, SparseCheckout sparse, CancellationToken cancellationToken)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, state) in run.Status(cancellationToken).Entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (state == FileStatus.DeletedFromWorkdir && sparse.IsSkipped(path)) continue;
            paths.Add(path);
        }
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
