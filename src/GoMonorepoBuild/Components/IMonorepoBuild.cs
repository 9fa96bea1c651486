using GoMonorepoBuild.Targets;

namespace GoMonorepoBuild;

/// <summary>
/// The base of the framework's target components (<see cref="IGraph"/>, <see cref="IBuildChanged"/>, ...): their targets
/// work on the state of <see cref="MonorepoBuildCore"/>, which every build composing them derives from (it implements this).
/// The components live in the facade's namespace: their targets wire the stages as the facade does.
/// </summary>
/// <remarks>
/// Each component declares the parameters its targets read (a component without targets, such as
/// <see cref="IChangeAnalysis"/>, the parameters several share), so a build has a parameter only with a target that reads
/// it. <see cref="MonorepoBuildCore"/>'s public property of the same name implements each and holds the value the stages
/// read: the engine binds it through that property and lists it where the class declares it.
/// </remarks>
public interface IMonorepoBuild : IBuild
{
    /// <summary>The build itself, as the class that holds the parameters, the workspace model and each target's work.</summary>
    MonorepoBuildCore Core { get; }

    [Parameter("The Go monorepo's root folder (default: the build's root folder)")]
    string? Monorepo { get; set; }

    [Parameter("Glob patterns (relative to the monorepo) matching service folders: modules, or main packages of any module " +
               "(default: detected from the tree, the children of services/, src/, apps/ and cmd/ that are modules or main packages; the run prints what it chose)")]
    string[] Services { get; set; }

    [Parameter("Restrict the run to these services (names)")]
    string[] Only { get; set; }
}
