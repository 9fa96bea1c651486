using GoMonorepoBuild.Targets;

namespace GoMonorepoBuild;

/// <summary>The EnsureEngine target: every target that talks to Docker depends on it (its component derives from this one).</summary>
public interface IEnsureEngine : IMonorepoBuild
{
    Target EnsureEngine => _ => EnsureEngineTarget(_, Core);

    /// <summary>The framework's EnsureEngine, shared by this component's default and <see cref="MonorepoBuild.EnsureEngine"/>.</summary>
    internal static ITargetDefinition EnsureEngineTarget(ITargetDefinition _, MonorepoBuildCore build) => _
        .Description("Use the configured Docker engine with buildx, or provision and start a private one")
        .Executes(build.EnsureEngineAsync);
}
