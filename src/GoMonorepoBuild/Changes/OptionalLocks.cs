namespace GoMonorepoBuild.Changes;

/// <summary>
/// Git's <c>GIT_OPTIONAL_LOCKS</c>: set false by editors and prompts that run git in the background, so that git never
/// takes the index lock for a write nobody asked for (<c>git status</c>'s refresh). A run honours it the same way: its
/// own index refresh (<see cref="IndexRefresh"/>) is such a write.
/// </summary>
public static class OptionalLocks
{
    /// <summary>The variable's name.</summary>
    public const string Variable = "GIT_OPTIONAL_LOCKS";

    /// <summary>
    /// Git's option (before the command) that takes no optional lock: for a status walk the run may kill (Ctrl-C, an
    /// answer no longer needed), since git killed while holding index.lock leaves it behind, and the user's next git
    /// command fails on it. The run refreshes the index itself where it may (<see cref="IndexRefresh"/>).
    /// </summary>
    internal const string Refused = "--no-optional-locks";

    /// <summary>
    /// Whether optional locks may be taken, read as git reads a boolean variable: unset is true; <c>false</c>, <c>no</c>,
    /// <c>off</c>, <c>0</c> and empty are false; anything else (<c>true</c>, <c>yes</c>, <c>on</c>, a non-zero number) is true.
    /// </summary>
    public static bool Allowed(string? value)
    {
        if (value is null) return true;
        var text = value.Trim();
        if (text.Length == 0) return false;
        if (text.Equals("false", StringComparison.OrdinalIgnoreCase) || text.Equals("no", StringComparison.OrdinalIgnoreCase)
            || text.Equals("off", StringComparison.OrdinalIgnoreCase)) return false;
        return !long.TryParse(text, out var number) || number != 0;
    }
}
