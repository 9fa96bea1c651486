using GoMonorepoBuild.Targets;

namespace GoMonorepoBuild;

/// <summary>
/// The framework's base build for a Go monorepo: standard targets (EnsureEngine, Graph, Affected,
/// GenerateDockerfiles, BuildChanged, ...) and their parameters. Users derive from it and add targets.
/// Each stage's targets live in their own partial file (MonorepoBuild.&lt;Stage&gt;.cs).
/// </summary>
public abstract partial class MonorepoBuild : BuildBase
{
    [Parameter("The Go monorepo's root folder (default: the build's root folder)")]
    public string? Monorepo { get; set; }

    [Parameter("Glob patterns (relative to the monorepo) saying which modules are services (default: services/*)")]
    public string[] Services { get; set; } = ["services/*"];

    [Parameter("Restrict the run to these services (names)")]
    public string[] Only { get; set; } = [];

    /// <summary>The monorepo folder as an absolute path.</summary>
    public string MonorepoDirectory => Path.GetFullPath(Monorepo ?? RootDirectory, RootDirectory);
}
