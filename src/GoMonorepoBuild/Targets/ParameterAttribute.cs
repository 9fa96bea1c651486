namespace GoMonorepoBuild.Targets;

/// <summary>
/// Marks a field or property of the build class as a parameter. Values come from (highest first) the command
/// line (<c>--kebab-case</c>), the environment (exact name or UPPER_SNAKE_CASE), then
/// <c>.nuke/parameters.json</c> and <c>.nuke/parameters.&lt;profile&gt;.json</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class ParameterAttribute(string description = "") : Attribute
{
    public string Description { get; } = description;

    /// <summary>Overrides the name derived from the member (PascalCase; the CLI form is kebab-case).</summary>
    public string? Name { get; init; }

    /// <summary>Separator for array values given as one string (default: comma, and repeated values).</summary>
    public char Separator { get; init; } = ',';
}
