namespace GoMonorepoBuild.Workspace.GoMod;

/// <summary>A go.work <c>use</c> of a module directory, relative to the go.work file as written.</summary>
public sealed record WorkUse(string Path, SourcePosition Position);
