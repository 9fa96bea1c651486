namespace GoMonorepoBuild.Workspace.Packages;

/// <summary>One import spec: its path and, when given, its name ("." for dot imports, "_" for blank imports).</summary>
public sealed record GoImport(string Path, string? Alias, int Line);
