namespace GoMonorepoBuild.Changes;

/// <summary>The base revision cannot be found in the clone; the message names it and says what to do.</summary>
public sealed class MissingBaseException(string message, BaseCandidate candidate, bool shallow) : Exception(message)
{
    public BaseCandidate Candidate { get; } = candidate;

    /// <summary>Whether the clone was (still) shallow, i.e. fetching more history might have helped.</summary>
    public bool Shallow { get; } = shallow;
}
