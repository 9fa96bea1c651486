namespace GoMonorepoBuild.Targets;

/// <summary>
/// The one rule for "is this a CI run?", used by the plain-output switch, the log and CI detection alike: the
/// <c>CI</c> variable that GitHub Actions, GitLab CI, Azure Pipelines, CircleCI, Buildkite and Jenkins' plugins set,
/// unless it says <c>false</c> or <c>0</c> (how a user turns CI behaviour off locally).
/// </summary>
public static class CiVariable
{
    public const string Name = "CI";

    public static bool IsSet(string? value) =>
        value is { Length: > 0 } && !string.Equals(value, "false", StringComparison.OrdinalIgnoreCase) && value != "0";
}
