using GoMonorepoBuild.Targets;

namespace GoMonorepoBuild;

/// <summary>The Graph target: the workspace model as text, Mermaid, DOT and JSON; needs no engine.</summary>
public interface IGraph : IMonorepoBuild
{
    Target Graph => _ => GraphTarget(_, Core);

    /// <summary>The framework's Graph, shared by this component's default and <see cref="MonorepoBuild.Graph"/>.</summary>
    internal static ITargetDefinition GraphTarget(ITargetDefinition _, MonorepoBuildCore build) => _
        .Description("Print the services and the local modules and packages they depend on; write Mermaid, DOT and JSON")
        .Executes(build.WriteGraphAsync);
}
