using GoMonorepoBuild;
using GoMonorepoBuild.Targets;

/// <summary>This repository's own build: the framework used exactly as a user's build would use it.</summary>
class Build : MonorepoBuild
{
    public static int Main() => Execute<Build>(x => x.BuildChanged);

    Target BuildChanged => _ => _.Executes(() => Log.Information("placeholder"));
}
