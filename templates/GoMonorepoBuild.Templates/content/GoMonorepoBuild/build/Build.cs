using GoMonorepoBuild;
using GoMonorepoBuild.Targets;

/// <summary>
/// This monorepo's build. The standard targets (Affected, BuildChanged, GenerateDockerfiles, Graph, EnsureEngine, ...)
/// and their parameters come from <see cref="MonorepoBuild"/>; add targets of your own below.
/// </summary>
class Build : MonorepoBuild
{
    public static int Main() => Execute<Build>(x => x.BuildChanged);

    // An example of a target of your own, run with `./build.sh Hello`:
    // Target Hello => _ => _
    //     .Description("Say which services this build knows")
    //     .Executes(() => Log.Information(string.Join(", ", Workspace.Services.Select(s => s.Name))));
}
