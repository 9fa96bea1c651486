using GoMonorepoBuild.Targets;

namespace GoMonorepoBuild;

/// <summary>
/// The base of the framework's target components (<see cref="IGraph"/>, <see cref="IBuildChanged"/>, ...): their targets
/// work on the state of <see cref="MonorepoBuildCore"/>, which every build composing them derives from (it implements this).
/// The components live in the facade's namespace: their targets wire the stages as the facade does.
/// </summary>
public interface IMonorepoBuild : IBuild
{
    /// <summary>The build itself, as the class that holds the parameters, the workspace model and each target's work.</summary>
    MonorepoBuildCore Core { get; }
}
