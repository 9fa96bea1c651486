namespace GoMonorepoBuild.Changes;

/// <summary>
/// Objects the analysis needs are not in a partial clone and could not be fetched from its remote; the message names
/// the files and what to do.
/// </summary>
public sealed class MissingObjectsException(string message, IReadOnlyList<string> files) : Exception(message)
{
    /// <summary>The files (repository paths, with the commit) whose content was needed.</summary>
    public IReadOnlyList<string> Files { get; } = files;
}
