using GoMonorepoBuild;
using GoMonorepoBuild.Targets;

/// <summary>
/// This monorepo's build. The standard targets (Affected, BuildChanged, GenerateDockerfiles, Graph, EnsureEngine, ...)
/// and their parameters come from <see cref="MonorepoBuild"/>; override one to change it, and add targets of your own.
/// To keep only some of them, derive from MonorepoBuildCore and list their components (IGraph, IBuildChanged, ...).
/// </summary>
class Build : MonorepoBuild
{
    public static int Main() => Execute<Build>(x => x.BuildChanged);

    // A standard target overridden: base.Graph(_) keeps everything the framework's Graph does (its description,
    // dependencies and work), then this adds a step of yours after it. Without base.Graph(_) you replace it entirely.
    public override Target Graph => _ => base.Graph(_)
        .Executes(() => Log.Information($"Paste {Path.Combine(GraphDirectory, "workspace.mmd")} into any Mermaid viewer to see the graph."));

    // A target of your own, run with `./build.sh ListServices`.
    Target ListServices => _ => _
        .Description("Print the services this build knows, one a line, with their folders")
        .Executes(() =>
        {
            foreach (var service in Workspace.Services)
                Console.WriteLine($"{service.Name}\t{service.Path}");
        });
}
