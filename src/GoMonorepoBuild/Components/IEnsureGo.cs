using GoMonorepoBuild.Targets;

namespace GoMonorepoBuild;

/// <summary>The EnsureGo target: the Go toolchain for a build's own steps (go test); the images never need it.</summary>
public interface IEnsureGo : IMonorepoBuild
{
    Target EnsureGo => _ => EnsureGoTarget(_, Core);

    /// <summary>The framework's EnsureGo, shared by this component's default and <see cref="MonorepoBuild.EnsureGo"/>.</summary>
    internal static ITargetDefinition EnsureGoTarget(ITargetDefinition _, MonorepoBuildCore build) => _
        .Description("Find or provision the Go toolchain of the monorepo's go directive (for go test and the offline builder image)")
        .Executes(build.EnsureGoAsync);
}
