namespace GoMonorepoBuild.Affected;

/// <summary>What to do when the base commit cannot be found even after deepening a shallow clone.</summary>
public enum MissingBasePolicy
{
    /// <summary>Fail with a message naming the revision and what to do (the default: never guess).</summary>
    Fail,
    /// <summary>Select every service, reported as a fallback with the reason.</summary>
    BuildAll,
}
