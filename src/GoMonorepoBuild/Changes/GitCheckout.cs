using GoMonorepoBuild.Workspace;
using LibGit2Sharp;

namespace GoMonorepoBuild.Changes;

/// <summary>
/// The git checkout a monorepo folder belongs to: the repository whose revisions are compared (a clone, a linked
/// <c>git worktree</c>, or the submodule the folder sits in: never its superproject) and the folder's path inside it.
/// Paths are real paths: git knows a repository by its real path, so a folder reached through a link is resolved first.
/// </summary>
public sealed record GitCheckout(string WorkingDirectory, string Prefix)
{
    /// <summary>
    /// Finds the checkout of <paramref name="monorepoDirectory"/>; throws, naming the folder and what to do, when it is in
    /// no git repository, in a bare one, or in a submodule that is not checked out (its folder is then empty and git
    /// would answer for the superproject instead).
    /// </summary>
    public static GitCheckout Find(string monorepoDirectory)
    {
        using var repository = RunRepository.At(RealPath.Of(monorepoDirectory));
        return Find(repository, monorepoDirectory);
    }

    /// <summary>The checkout of <paramref name="monorepoDirectory"/> in the run's <paramref name="repository"/> (see the other overload).</summary>
    public static GitCheckout Find(RunRepository repository, string monorepoDirectory)
    {
        var monorepo = RealPath.Of(monorepoDirectory);
        if (!repository.Exists)
            throw new InvalidOperationException(
                $"{monorepo} is not in a git repository (no .git in it or in any folder above it): the affected analysis compares git revisions. " +
                "Run it in a clone (or git init and commit), or run BuildChanged, which decides by content hashes without git.");
        return repository.Use(repo => Find(repo, monorepo));
    }

    static GitCheckout Find(Repository repo, string monorepo)
    {
        var workDir = repo.Info.WorkingDirectory ?? throw new InvalidOperationException(
            $"{repo.Info.Path} is a bare repository: run in a clone with a working tree.");
        workDir = RealPath.Of(workDir);
        var prefix = RepoPath.FromSystem(workDir, monorepo);
        if (UncheckedSubmodule(repo, prefix) is { } submodule)
            throw new InvalidOperationException(
                $"{monorepo} is inside the git submodule '{submodule}' of {workDir}, which is not checked out (its folder is empty), so there is " +
                $"nothing to compare: run `git submodule update --init {submodule}` (in CI, check out with submodules, e.g. actions/checkout's " +
                "`submodules: true`), then run again.");
        return new GitCheckout(workDir, prefix);
    }

    /// <summary>
    /// The submodule path (a gitlink in HEAD's tree) at or above <paramref name="prefix"/>, when it has no repository of
    /// its own: an initialised submodule is discovered as its own repository and never reaches here.
    /// </summary>
    static string? UncheckedSubmodule(Repository repo, string prefix)
    {
        if (prefix == "." || prefix.StartsWith("..", StringComparison.Ordinal) || repo.Head.Tip is not { } tip) return null;
        var tree = tip.Tree;
        var path = "";
        foreach (var segment in prefix.Split('/'))
        {
            path = path.Length == 0 ? segment : path + "/" + segment;
            var entry = tree[segment];
            if (entry is null) return null;
            if (entry.Mode == Mode.GitLink) return path;
            if (entry.TargetType != TreeEntryTargetType.Tree) return null;
            tree = (Tree)entry.Target;
        }
        return null;
    }
}
