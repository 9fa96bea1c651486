using GoMonorepoBuild.Targets;
using LibGit2Sharp;

namespace GoMonorepoBuild.Changes;

/// <summary>The branch a run builds, for <c>{branch}</c> image tags.</summary>
public static class GitBranch
{
    /// <summary>The branch CI says it builds, else the checked-out branch; null on a detached HEAD without CI variables.</summary>
    public static string? Current(string directory) => Current(directory, ProcessEnvironment.Variable);

    /// <summary>The branch the CI variables read through <paramref name="variable"/> name, else the checked-out branch.</summary>
    public static string? Current(string directory, Func<string, string?> variable)
    {
        using var repository = RunRepository.At(directory);
        return Current(repository, variable);
    }

    /// <summary>The branch the CI variables read through <paramref name="variable"/> name, else <paramref name="repository"/>'s checked-out branch.</summary>
    public static string? Current(RunRepository repository, Func<string, string?> variable)
    {
        // CI checkouts are usually detached, so the CI's own variable is the only place the branch name is kept.
        foreach (var name in new[] { "GITHUB_HEAD_REF", "GITHUB_REF_NAME", "CI_COMMIT_REF_NAME", "BRANCH_NAME", "BUILD_SOURCEBRANCHNAME" })
            if (variable(name) is { Length: > 0 } fromCi) return fromCi;
        return repository.Read(repo => repo.Info.IsHeadDetached ? null : repo.Head.FriendlyName, null);
    }
}
