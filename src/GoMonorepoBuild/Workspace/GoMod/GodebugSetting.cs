namespace GoMonorepoBuild.Workspace.GoMod;

/// <summary>A <c>godebug key=value</c> setting.</summary>
public sealed record GodebugSetting(string Key, string Value, SourcePosition Position);
