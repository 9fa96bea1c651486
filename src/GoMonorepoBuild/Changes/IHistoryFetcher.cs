namespace GoMonorepoBuild.Changes;

/// <summary>
/// Fetches missing history into a shallow clone. LibGit2Sharp cannot deepen a shallow clone, so the real one runs git.
/// </summary>
public interface IHistoryFetcher
{
    /// <summary>Deepens every shallow boundary by <paramref name="commits"/> commits.</summary>
    Task DeepenAsync(string workingDirectory, int commits, CancellationToken cancellationToken);

    /// <summary>Fetches <paramref name="branch"/> of <paramref name="remote"/> into refs/remotes/&lt;remote&gt;/&lt;branch&gt;.</summary>
    Task FetchBranchAsync(string workingDirectory, string remote, string branch, int depth, CancellationToken cancellationToken);
}
