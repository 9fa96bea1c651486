using GoMonorepoBuild.Targets;

namespace GoMonorepoBuild;

/// <summary>
/// The buildx builder: a component without targets, for those that run buildx (BuildChanged, BuildDebugImage, the Go
/// cache targets); the engine's own builder needs the engine.
/// </summary>
public interface IBuildxBuilder : IEnsureEngine
{
    [Parameter("A buildx builder to build with, e.g. a remote BuildKit or Kubernetes builder (default: the engine's own)")]
    string? Builder { get; set; }
}
