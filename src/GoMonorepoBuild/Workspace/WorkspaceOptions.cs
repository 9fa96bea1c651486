using GoMonorepoBuild.Workspace.Packages;
using GoMonorepoBuild.Workspace.Services;

namespace GoMonorepoBuild.Workspace;

/// <summary>How to read the monorepo: which modules are services and which platforms images are built for.</summary>
public sealed record WorkspaceOptions
{
    public static readonly WorkspaceOptions Default = new();

    /// <summary>Glob patterns relative to the monorepo root matching service module folders (default services/*).</summary>
    public IReadOnlyList<string> ServiceGlobs { get; init; } = ServiceMatcher.DefaultGlobs;

    /// <summary>A file is a build input unless its name suffix or //go:build line rules out every one of these.</summary>
    public IReadOnlyList<TargetPlatform> Platforms { get; init; } = TargetPlatform.Default;

    /// <summary>Scanning threads (default: one per core).</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    public WorkspaceOptions WithServiceGlobs(IReadOnlyList<string> globs) => this with { ServiceGlobs = globs };

    public WorkspaceOptions WithPlatforms(IReadOnlyList<TargetPlatform> platforms) => this with { Platforms = platforms };
}
