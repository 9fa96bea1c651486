namespace GoMonorepoBuild.Changes;

/// <summary>
/// Fetches objects that a partial clone (<c>git clone --filter=…</c>) left on its remote. LibGit2Sharp cannot fetch
/// missing objects on demand as the git command does, so the real one runs git.
/// </summary>
public interface IObjectFetcher
{
    /// <summary>Fetches exactly <paramref name="objectIds"/> (blobs or trees) from <paramref name="remote"/>; throws when git fails.</summary>
    Task FetchAsync(string workingDirectory, string remote, IReadOnlyCollection<string> objectIds, CancellationToken cancellationToken);
}
