namespace GoMonorepoBuild.Workspace.Services;

/// <summary>A service known by name and folders only: one that was dropped before its closure was computed (a name clash, a bad configured main).</summary>
internal sealed record ServiceRef(string Name, string Path, string ModuleDir);
