namespace GoMonorepoBuild.Changes;

/// <summary>Where the base revision came from, in the order they are tried.</summary>
public enum BaseSource
{
    /// <summary>--base on the command line.</summary>
    Explicit,
    /// <summary>GitHub Actions pull request: merge-base of HEAD with origin/$GITHUB_BASE_REF.</summary>
    GitHubPullRequest,
    /// <summary>GitHub Actions push: the event's "before" commit.</summary>
    GitHubPush,
    /// <summary>GitLab merge request: CI_MERGE_REQUEST_DIFF_BASE_SHA.</summary>
    GitLabMergeRequest,
    /// <summary>GitLab push: CI_COMMIT_BEFORE_SHA.</summary>
    GitLabPush,
    /// <summary>The merge-base of HEAD with origin/main, main or master.</summary>
    MergeBase,
    /// <summary>
    /// No base exists: the CI said "null" (all zeros, the first push of a branch) and no default branch shares history
    /// with HEAD. Every service is affected, reported as a fallback.
    /// </summary>
    NoBase,
}
