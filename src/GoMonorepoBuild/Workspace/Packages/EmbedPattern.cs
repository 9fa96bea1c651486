namespace GoMonorepoBuild.Workspace.Packages;

/// <summary>One pattern of a <c>//go:embed</c> directive, unquoted, with the directive's line.</summary>
public sealed record EmbedPattern(string Pattern, int Line);
