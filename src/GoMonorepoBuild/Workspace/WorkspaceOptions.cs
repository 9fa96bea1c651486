using GoMonorepoBuild.Workspace.Packages;
using GoMonorepoBuild.Workspace.Services;

namespace GoMonorepoBuild.Workspace;

/// <summary>How to read the monorepo: which modules are services and which platforms images are built for.</summary>
public sealed record WorkspaceOptions
{
    public static readonly WorkspaceOptions Default = new();

    /// <summary>Glob patterns relative to the monorepo root matching service folders: modules or main packages (default services/*).</summary>
    public IReadOnlyList<string> ServiceGlobs { get; init; } = ServiceMatcher.DefaultGlobs;

    /// <summary>
    /// Service name → the main package to build, relative to its module folder ("cmd/dockerd", "."): for a matched module
    /// with several main packages, which would otherwise be one service per main (gomonorepobuild.json's "main").
    /// </summary>
    public IReadOnlyDictionary<string, string> ServiceMains { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Service name → globs of files its binary reads at run time (gomonorepobuild.json's "extraInputs"): relative to the
    /// service folder, or to the monorepo root with a leading '/' (see <see cref="ExtraInputGlob"/>).
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ServiceExtraInputs { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    /// <summary>A file is a build input unless its name suffix or //go:build line rules out every one of these.</summary>
    public IReadOnlyList<TargetPlatform> Platforms { get; init; } = TargetPlatform.Default;

    /// <summary>Scanning threads (default: one per core).</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Called with each .go file's path once it is scanned, from the scanning threads: where a test cancels a load midway
    /// (and so sees how far it went on after that).
    /// </summary>
    internal Action<string>? Scanned { get; init; }

    /// <summary>
    /// Parse results kept between runs and what the caller knows of the files' contents (git's index of a clean
    /// checkout): unchanged files are then not read. Null reads every file.
    /// </summary>
    internal Cache.ModelCache? Cache { get; init; }

    public WorkspaceOptions WithServiceGlobs(IReadOnlyList<string> globs) => this with { ServiceGlobs = globs };

    public WorkspaceOptions WithServiceMains(IReadOnlyDictionary<string, string> mains) => this with { ServiceMains = mains };

    public WorkspaceOptions WithServiceExtraInputs(IReadOnlyDictionary<string, IReadOnlyList<string>> extraInputs) =>
        this with { ServiceExtraInputs = extraInputs };

    public WorkspaceOptions WithPlatforms(IReadOnlyList<TargetPlatform> platforms) => this with { Platforms = platforms };
}
