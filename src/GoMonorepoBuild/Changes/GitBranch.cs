using LibGit2Sharp;

namespace GoMonorepoBuild.Changes;

/// <summary>The branch a run builds, for <c>{branch}</c> image tags.</summary>
public static class GitBranch
{
    /// <summary>The branch CI says it builds, else the checked-out branch; null on a detached HEAD without CI variables.</summary>
    public static string? Current(string directory)
    {
        // CI checkouts are usually detached, so the CI's own variable is the only place the branch name is kept.
        foreach (var variable in new[] { "GITHUB_HEAD_REF", "GITHUB_REF_NAME", "CI_COMMIT_REF_NAME", "BRANCH_NAME", "BUILD_SOURCEBRANCHNAME" })
            if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } fromCi) return fromCi;
        var gitDir = Repository.Discover(directory);
        if (gitDir is null) return null;
        using var repo = new Repository(gitDir);
        return repo.Info.IsHeadDetached ? null : repo.Head.FriendlyName;
    }
}
