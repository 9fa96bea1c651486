using GoMonorepoBuild.Targets;

namespace GoMonorepoBuild;

/// <summary>The BuildDebugImage target: builds the generated Dockerfile's debug stage (<see cref="IGenerateDockerfiles"/>).</summary>
public interface IBuildDebugImage : IGenerateDockerfiles, IImageRegistry, IBuildxBuilder
{
    Target BuildDebugImage => _ => BuildDebugImageTarget(_, Core);

    /// <summary>The framework's BuildDebugImage, shared by this component's default and <see cref="MonorepoBuild.BuildDebugImage"/>.</summary>
    internal static ITargetDefinition BuildDebugImageTarget(ITargetDefinition _, MonorepoBuildCore build) => _
        .Description("Build the debug variant (the builder's shell and tools beside the binary) of the services named by --only, as <registry>/<service>:debug")
        .DependsOn(build.From<IEnsureEngine>().EnsureEngine, build.From<IGenerateDockerfiles>().GenerateDockerfiles)
        // Debug images are never built by default: the services are named, and checked before anything runs.
        .Requires(() => build.Only)
        .Executes(build.BuildDebugImagesAsync);
}
