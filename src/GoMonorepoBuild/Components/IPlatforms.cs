using GoMonorepoBuild.Targets;

namespace GoMonorepoBuild;

/// <summary>
/// The platforms images are built for: a component without targets, for BuildChanged and the Go cache targets (whose
/// caches are keyed by the platforms of the builds they carry).
/// </summary>
public interface IPlatforms : IMonorepoBuild
{
    [Parameter("Target platforms, e.g. linux/amd64,linux/arm64 (default: the engine's own)")]
    string[] Platform { get; set; }
}
