using GoMonorepoBuild.Changes;
using GoMonorepoBuild.Workspace;
using LibGit2Sharp;

namespace GoMonorepoBuild.Inputs;

/// <summary>
/// Digests from git's index for files the working tree has not modified (no file is read), and from the content
/// for the rest: modified, staged-but-changed-again or untracked files. The values equal
/// <see cref="ContentDigests"/>' for the same content, so the hash never depends on the means or the clone depth.
/// (Files whose checkout applies filters such as autocrlf are treated as modified, and so read.)
/// </summary>
public sealed class GitIndexDigests : IFileDigests
{
    readonly Dictionary<string, string> fromIndex = new(StringComparer.Ordinal);
    readonly ContentDigests fromContent;

    GitIndexDigests(string root) => fromContent = new ContentDigests(root);

    /// <summary>
    /// Digests for the monorepo at <paramref name="root"/>; plain content digests when it is not in a git work tree. A
    /// cancelled token stops the reading of the index between entries (libgit2's status walk runs to its end).
    /// </summary>
    public static IFileDigests For(string root, CancellationToken cancellationToken = default)
    {
        using var repository = RunRepository.At(Path.GetFullPath(root));
        return For(repository, root, cancellationToken);
    }

    /// <summary>Digests for the monorepo at <paramref name="root"/> in <paramref name="repository"/> (the run's, opened once).</summary>
    public static IFileDigests For(RunRepository repository, string root, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        root = Path.GetFullPath(root);
        return repository.Read(repo => For(repository, repo, root, cancellationToken), new ContentDigests(root));
    }

    static IFileDigests For(RunRepository run, Repository repo, string root, CancellationToken cancellationToken)
    {
        if (repo.Info.IsBare || repo.Info.WorkingDirectory is null) return new ContentDigests(root);
        // Real paths on both sides: git knows the checkout by its real path, the monorepo may be reached through a link.
        var prefix = Path.GetRelativePath(RealPath.Of(repo.Info.WorkingDirectory), RealPath.Of(root)).Replace('\\', '/');
        prefix = prefix == "." ? "" : prefix.TrimEnd('/') + "/";

        var digests = new GitIndexDigests(root);
        try
        {
            digests.ReadIndex(run, repo, prefix, cancellationToken);
        }
        catch (LibGit2SharpException e) when (e.Message.Contains("'sdir'", StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"The git index of {repo.Info.WorkingDirectory} is a sparse index (git sparse-checkout --sparse-index), which LibGit2Sharp " +
                "cannot read: run `git sparse-checkout reapply --no-sparse-index` (your sparse checkout stays as it is), then run again.", e);
        }
        return digests;
    }

    void ReadIndex(RunRepository run, Repository repo, string prefix, CancellationToken cancellationToken)
    {
        // The run's one status walk (shared with the changes): files whose working copy differs from the index.
        var changed = run.Status(cancellationToken).DifferingFromIndex(prefix);
        cancellationToken.ThrowIfCancellationRequested();
        var filtered = run.Config.Get<bool>("core.autocrlf")?.Value == true;
        foreach (var entry in repo.Index)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!entry.Path.StartsWith(prefix, StringComparison.Ordinal) || entry.StageLevel != StageLevel.Staged) continue;
            if (filtered || changed.Contains(entry.Path) || entry.Mode == Mode.SymbolicLink) continue;
            fromIndex[entry.Path[prefix.Length..]] = entry.Id.Sha;
        }
    }

    public string Of(string relativePath) =>
        fromIndex.TryGetValue(relativePath, out var id) ? id : fromContent.Of(relativePath);
}
