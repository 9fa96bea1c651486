namespace GoMonorepoBuild.Workspace.GoMod;

/// <summary>A directive taking one path: <c>tool example.com/cmd/x</c> or <c>ignore ./node_modules</c>.</summary>
public sealed record ModPathDirective(string Path, SourcePosition Position);
