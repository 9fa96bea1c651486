using GoMonorepoBuild.Changes;
using GoMonorepoBuild.Workspace;

namespace GoMonorepoBuild.Affected;

/// <summary>
/// The working tree of a sparse checkout as it would be with every file checked out: HEAD's tree with the working
/// folder's changes laid over it. A sparse checkout's folder lacks whole modules (a library a checked-out service
/// imports, services outside the cone), which the model of the folder alone would take for gone or broken.
/// </summary>
public static class SparseWorkTree
{
    /// <summary>
    /// The model of the monorepo at <paramref name="prefix"/> of the checkout at <paramref name="workDir"/>, from
    /// <paramref name="headCommit"/>'s tree plus <paramref name="workTreePaths"/> (relative to the repository root) as they
    /// are on disk; the snapshot it reads is added to <paramref name="snapshots"/> for the caller to delete.
    /// </summary>
    public static GoWorkspace Load(string workDir, string headCommit, string prefix, IEnumerable<string> workTreePaths, WorkspaceOptions options,
        PartialClone partial, ICollection<TreeSnapshot> snapshots)
    {
        using var repository = RunRepository.At(workDir);
        return Load(repository, headCommit, prefix, workTreePaths, options, partial, snapshots);
    }

    /// <summary>The model (see the other overload) from the run's <paramref name="repository"/>.</summary>
    public static GoWorkspace Load(RunRepository repository, string headCommit, string prefix, IEnumerable<string> workTreePaths,
        WorkspaceOptions options, PartialClone partial, ICollection<TreeSnapshot> snapshots)
    {
        var workDir = repository.WorkingDirectory ?? throw new InvalidOperationException("A sparse checkout has a working tree.");
        var snapshot = TreeSnapshot.Write(repository, headCommit, prefix, partial: partial);
        snapshots.Add(snapshot);
        if (snapshot.Folder is null)
            throw new InvalidOperationException($"The monorepo folder {prefix} is not in HEAD ({headCommit}) of this sparse checkout: commit it first.");
        snapshot.Overlay(workDir, prefix, workTreePaths);
        return GoWorkspace.Load(snapshot.Folder, options);
    }

    /// <summary>
    /// The services (affected or not) of the monorepo at <paramref name="monorepoDirectory"/> with image inputs its sparse
    /// checkout left out; empty when the checkout is not sparse there, or the folder is in no usable git checkout (the
    /// affected analysis says why where it matters).
    /// </summary>
    public static async Task<IReadOnlyList<NotCheckedOutService>> NotCheckedOutAsync(string monorepoDirectory, WorkspaceOptions options,
        CancellationToken cancellationToken)
    {
        using var repository = RunRepository.At(monorepoDirectory);
        return await NotCheckedOutAsync(repository, monorepoDirectory, options, cancellationToken);
    }

    /// <summary>The services left out (see the other overload), asked of the run's <paramref name="repository"/>.</summary>
    public static async Task<IReadOnlyList<NotCheckedOutService>> NotCheckedOutAsync(RunRepository repository, string monorepoDirectory,
        WorkspaceOptions options, CancellationToken cancellationToken)
    {
        if (!repository.Exists) return [];
        GitCheckout checkout;
        try { checkout = GitCheckout.Find(repository, monorepoDirectory); }
        catch (InvalidOperationException) { return []; }
        var sparse = await SparseCheckout.ReadAsync(repository, cancellationToken);
        if (!sparse.AnyUnder(checkout.Prefix)) return [];
        var head = repository.Use(repo => repo.Head.Tip?.Sha);
        if (head is null) return [];
        var local = await GitStatus.ChangedPathsAsync(repository, cancellationToken);
        var snapshots = new List<TreeSnapshot>();
        try
        {
            var model = Load(repository, head, checkout.Prefix, local, options,
                PartialClone.Of(repository, new GitObjectFetcher(), cancellationToken), snapshots);
            return NotCheckedOutService.In(model, checkout.Prefix, sparse);
        }
        finally
        {
            foreach (var snapshot in snapshots) snapshot.Dispose();
        }
    }
}
