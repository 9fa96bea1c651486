using GoMonorepoBuild.Targets;

namespace GoMonorepoBuild;

/// <summary>
/// The Go builder image every generated Dockerfile and the Go cache transfer run in: a component without targets, for
/// those that resolve it (GenerateDockerfiles, BuildChanged, the Go cache targets); resolving it needs the engine.
/// </summary>
public interface IBuilderImage : IEnsureEngine
{
    [Parameter("The Go builder image (default: golang:<go version>-alpine, else an image seeded offline from a local Go)")]
    string? GoImage { get; set; }
}
