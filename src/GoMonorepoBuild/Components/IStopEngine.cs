using GoMonorepoBuild.Targets;

namespace GoMonorepoBuild;

/// <summary>The StopEngine target: a component of its own, so a build that never provisions an engine can leave it out.</summary>
public interface IStopEngine : IMonorepoBuild
{
    Target StopEngine => _ => StopEngineTarget(_, Core);

    /// <summary>The framework's StopEngine, shared by this component's default and <see cref="MonorepoBuild.StopEngine"/>.</summary>
    internal static ITargetDefinition StopEngineTarget(ITargetDefinition _, MonorepoBuildCore build) => _
        .Description("Stop the private engine EnsureEngine started (never an engine you configured)")
        .Executes(build.StopEngineAsync);
}
