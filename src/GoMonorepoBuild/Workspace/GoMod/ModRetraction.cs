namespace GoMonorepoBuild.Workspace.GoMod;

/// <summary>A <c>retract</c> of one version (Low == High) or of the range [Low, High], with its rationale comment.</summary>
public sealed record ModRetraction(string Low, string High, string Rationale, SourcePosition Position);
