namespace GoMonorepoBuild.Workspace.GoMod;

/// <summary>A <c>require</c> line; <see cref="Indirect"/> when it carries the <c>// indirect</c> comment.</summary>
public sealed record ModRequirement(string Path, string Version, bool Indirect, SourcePosition Position);
