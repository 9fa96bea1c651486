namespace GoMonorepoBuild.Ci;

/// <summary>One affected service as the CI jobs see it: its name (for <c>--only</c>) and its folder.</summary>
public sealed record AffectedService(string Name, string Path);
