using GoMonorepoBuild.Targets;
using GoMonorepoBuild.Workspace;
using GoMonorepoBuild.Workspace.Services;

namespace GoMonorepoBuild;

/// <summary>
/// The framework's state and work for a Go monorepo, without targets: the parameters' values, the workspace model and
/// what each standard target does. The targets are components (<see cref="IGraph"/>, <see cref="IBuildChanged"/>, ...) a
/// build composes, and each declares the parameters its target reads (this class's property of the same name holds the
/// value): <see cref="MonorepoBuild"/> composes all of them; a build deriving from this class lists only those it wants.
/// Each stage's part lives in a partial file of its own, named after the stage.
/// </summary>
public abstract partial class MonorepoBuildCore : BuildBase, IMonorepoBuild
{
    MonorepoBuildCore IMonorepoBuild.Core => this;

    // The values of the parameters IMonorepoBuild declares, which every component has.
    public string? Monorepo { get; set; }
    public string[] Services { get; set; } = [];
    public string[] Only { get; set; } = [];

    /// <summary>The monorepo folder as an absolute path.</summary>
    public string MonorepoDirectory => Path.GetFullPath(Monorepo ?? RootDirectory, RootDirectory);

    Changes.RunRepository? git;

    /// <summary>
    /// The monorepo's git repository for this run, opened once and shared by the affected analysis, the head, the
    /// <c>{branch}</c> tag, the input digests and the facade (<see cref="Changes.RunRepository.Exists"/> is false outside
    /// git), with the one walk of the work tree's status. It stays open for the run. It writes git's index (the stat
    /// refresh) only where the run's <c>GIT_OPTIONAL_LOCKS</c> allows it, as git does.
    /// </summary>
    protected Changes.RunRepository Git => git ??= Changes.RunRepository.At(MonorepoDirectory,
        refreshIndex: Changes.OptionalLocks.Allowed(Run.Variable(Changes.OptionalLocks.Variable)));

    GoWorkspace? workspace;
    readonly Lock workspaceGate = new();

    /// <summary>The Go workspace model of the monorepo, loaded on first use (once, also when asked from several threads at once).</summary>
    public GoWorkspace Workspace
    {
        get
        {
            if (workspace is { } loaded) return loaded;
            lock (workspaceGate) return workspace ??= LoadWorkspace();
        }
    }

    IReadOnlyList<string>? serviceGlobs;

    /// <summary>
    /// The --services globs this run uses: the parameter's, or, when no source sets it, those detected from the tree
    /// (<see cref="ServiceGlobSuggestion"/>), printed so the user sees the choice and can pin it.
    /// </summary>
    public IReadOnlyList<string> ServiceGlobs => serviceGlobs ??= Services.Any(s => s.Trim(' ', ',').Length > 0) ? Services : DetectServiceGlobs();

    /// <summary>How the workspace is read: the --services globs and the services' configured main packages and extra inputs.</summary>
    protected WorkspaceOptions WorkspaceLoadOptions =>
        WorkspaceOptions.Default.WithServiceGlobs(ServiceGlobs).WithServiceMains(UnvalidatedImageSettings.Mains)
            .WithServiceExtraInputs(UnvalidatedImageSettings.ExtraInputs);

    IReadOnlyList<string> DetectServiceGlobs()
    {
        // Detection reads the tree with the same rules as the build (ignored folders, build constraints, links), so it
        // is a load of its own; setting "Services" saves it.
        var tree = GoWorkspace.Load(ExistingMonorepoDirectory(), WorkspaceOptions.Default.WithServiceGlobs([]), Run.Cancellation);
        var suggestion = ServiceGlobSuggestion.From(tree);
        if (suggestion.Globs.Count == 0)
            throw new UsageException(ServiceGlobHints.NothingToDetect(tree, MonorepoDirectory));
        Log.Information($"--services is not set: using '{string.Join(",", suggestion.Globs)}', found in the tree ({string.Join("; ", suggestion.Reasons)}). " +
                        $"To keep or change it: \"Services\": [{string.Join(", ", suggestion.Globs.Select(g => $"\"{g}\""))}] in .nuke/parameters.json, or --services.");
        return suggestion.Globs;
    }

    string ExistingMonorepoDirectory() => Directory.Exists(MonorepoDirectory)
        ? MonorepoDirectory
        : throw new WorkspaceException(
            $"The monorepo folder {MonorepoDirectory} does not exist: pass --monorepo <dir> (or set MONOREPO, or \"Monorepo\" in .nuke/parameters.json).",
            MonorepoDirectory);

    /// <summary>
    /// When the globs came from a parameters file, where: a file written for the default monorepo, used with another
    /// --monorepo, otherwise looks like the user's own choice.
    /// </summary>
    string ServicesFromFileHint() =>
        ParameterSource(nameof(Services)) is { } source && source.EndsWith(".json", StringComparison.Ordinal)
            ? $". These globs come from {source}: pass --services for this monorepo, or change the file's \"Services\""
            : "";

    GoWorkspace LoadWorkspace()
    {
        var model = GoWorkspace.Load(ExistingMonorepoDirectory(), WorkspaceLoadOptions, Run.Cancellation);
        // An empty selection would read as "nothing affected, nothing to build" and exit 0: say so instead (exit 2).
        if (model.Services.Count == 0 && model.BlockedServices.Count == 0)
            throw new UsageException(ServiceGlobHints.Describe(model, ServiceGlobs) + ServicesFromFileHint());
        // In a sparse checkout a service looks blocked when a library it uses is left out: the targets, which ask git, say
        // which services are only not checked out, and report the others as blocked. The working folder's model also
        // warns of every import into a left-out folder, which says nothing about the commit analysed: those go to debug.
        var sparse = Changes.SparseCheckout.MayBeSparse(MonorepoDirectory);
        foreach (var warning in model.Warnings)
            if (sparse) Log.Debug(warning);
            else Log.Warning(warning);
        if (sparse && model.Warnings.Count > 0)
            // Not all of them need be the checkout's doing (dagger's test fixtures declare one module path twice), so say so.
            Log.Information($"sparse checkout: {model.Warnings.Count} warning(s) of the working folder's model left to --verbosity verbose: there, imports " +
                            "into folders the checkout leaves out look broken, so they cannot be told apart from real problems of the monorepo");
        foreach (var blocked in model.BlockedServices)
            if (sparse) Log.Debug($"service {blocked.Name} ({blocked.Path}) does not load from the working folder: {blocked.Problem}");
            else Log.Warning($"service {blocked.Name} ({blocked.Path}) is blocked: {blocked.Problem}");
        return model;
    }
}
