using GoMonorepoBuild.Targets;

namespace GoMonorepoBuild;

/// <summary>The GenerateDockerfiles target; it names the builder image, so it needs the engine (<see cref="IEnsureEngine"/>).</summary>
public interface IGenerateDockerfiles : IDockerfileGeneration
{
    Target GenerateDockerfiles => _ => GenerateDockerfilesTarget(_, Core);

    /// <summary>The framework's GenerateDockerfiles, shared by this component's default and <see cref="MonorepoBuild.GenerateDockerfiles"/>.</summary>
    internal static ITargetDefinition GenerateDockerfilesTarget(ITargetDefinition _, MonorepoBuildCore build) => _
        .Description("Write a scoped, cache-friendly Dockerfile and build context for each selected service")
        .DependsOn(build.From<IEnsureEngine>().EnsureEngine)
        .Executes(build.GenerateDockerfilesAsync);
}
