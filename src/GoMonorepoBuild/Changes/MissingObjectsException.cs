namespace GoMonorepoBuild.Changes;

/// <summary>
/// Objects the analysis needs are not in a partial clone and could not be fetched from its remote; the message names
/// the files and what to do.
/// </summary>
public sealed class MissingObjectsException(string message, IReadOnlyList<string> files) : Exception(message)
{
    /// <summary>
    /// An object a tree names is not in the repository: an incomplete clone (a mirror or archive without every pack, a
    /// removed alternate), or a partial clone whose fetch did not bring it. <paramref name="what"/> names the file
    /// ("cmd/x/main.go at 1a2b3c4d5e6f").
    /// </summary>
    public static MissingObjectsException NotInRepository(string repository, string objectId, string what) =>
        new($"The content of {what} (git object {objectId}) is not in the repository at {repository}. In a partial clone, fetch it from " +
            $"the promisor remote (git fetch origin {objectId}); otherwise the clone is incomplete: `git fsck` there lists what is missing, " +
            "and fetching from where the repository came from, or cloning it again, restores it.", [what]);

    /// <summary>The files (repository paths, with the commit) whose content was needed.</summary>
    public IReadOnlyList<string> Files { get; } = files;
}
