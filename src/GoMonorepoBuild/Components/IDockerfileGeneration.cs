using GoMonorepoBuild.Targets;

namespace GoMonorepoBuild;

/// <summary>
/// Where and how Dockerfiles are generated: a component without targets, for GenerateDockerfiles and for BuildChanged,
/// which generates the Dockerfiles of the services it builds itself.
/// </summary>
public interface IDockerfileGeneration : IBuilderImage
{
    [Parameter("Where generated Dockerfiles and scoped build contexts are written (default: .nuke/temp/docker)")]
    string? DockerfilesDir { get; set; }

    [Parameter("Runtime base of every generated image: scratch (default), distroless, alpine or an image reference; gomonorepobuild.json's per-service \"runtime\" wins")]
    string? RuntimeImage { get; set; }
}
