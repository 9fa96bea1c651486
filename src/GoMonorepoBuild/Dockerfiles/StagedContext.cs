namespace GoMonorepoBuild.Dockerfiles;

/// <summary>What staging a service's build context did: files copied, files already up to date, stale files removed.</summary>
public sealed record StagedContext(string ContextDir, int Files, int Copied, int Unchanged, int Removed);
