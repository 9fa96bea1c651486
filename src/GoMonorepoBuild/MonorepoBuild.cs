using GoMonorepoBuild.Targets;
using GoMonorepoBuild.Workspace;
using GoMonorepoBuild.Workspace.Services;

namespace GoMonorepoBuild;

/// <summary>
/// The framework's base build for a Go monorepo: standard targets (EnsureEngine, Graph, GenerateDockerfiles,
/// BuildChanged, ...) and their parameters. Users derive from it and add targets.
/// Each stage's targets live in their own partial file (MonorepoBuild.&lt;Stage&gt;.cs).
/// </summary>
public abstract partial class MonorepoBuild : BuildBase
{
    [Parameter("The Go monorepo's root folder (default: the build's root folder)")]
    public string? Monorepo { get; set; }

    [Parameter("Glob patterns (relative to the monorepo) matching service folders: modules, or main packages of any module (default: services/*)")]
    public string[] Services { get; set; } = ["services/*"];

    [Parameter("Restrict the run to these services (names)")]
    public string[] Only { get; set; } = [];

    /// <summary>The monorepo folder as an absolute path.</summary>
    public string MonorepoDirectory => Path.GetFullPath(Monorepo ?? RootDirectory, RootDirectory);

    GoWorkspace? workspace;

    /// <summary>The Go workspace model of the monorepo, loaded on first use.</summary>
    public GoWorkspace Workspace => workspace ??= LoadWorkspace();

    /// <summary>How the workspace is read: the --services globs and the services' configured main packages and extra inputs.</summary>
    protected WorkspaceOptions WorkspaceLoadOptions =>
        WorkspaceOptions.Default.WithServiceGlobs(Services).WithServiceMains(UnvalidatedImageSettings.Mains)
            .WithServiceExtraInputs(UnvalidatedImageSettings.ExtraInputs);

    GoWorkspace LoadWorkspace()
    {
        if (!Directory.Exists(MonorepoDirectory))
            throw new WorkspaceException(
                $"The monorepo folder {MonorepoDirectory} does not exist: pass --monorepo <dir> (or set MONOREPO, or \"Monorepo\" in .nuke/parameters.json).",
                MonorepoDirectory);
        var model = GoWorkspace.Load(MonorepoDirectory, WorkspaceLoadOptions);
        // An empty selection would read as "nothing affected, nothing to build" and exit 0: say so instead (exit 2).
        if (model.Services.Count == 0 && model.BlockedServices.Count == 0) throw new UsageException(ServiceGlobHints.Describe(model, Services));
        foreach (var warning in model.Warnings) Log.Warning(warning);
        foreach (var blocked in model.BlockedServices)
            Log.Warning($"service {blocked.Name} ({blocked.Path}) is blocked: {blocked.Problem}");
        return model;
    }
}
