namespace GoMonorepoBuild.Workspace.GoMod;

/// <summary>A module path at a version, as <c>exclude</c> names it.</summary>
public sealed record ModuleVersion(string Path, string Version, SourcePosition Position);
