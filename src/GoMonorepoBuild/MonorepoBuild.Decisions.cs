using GoMonorepoBuild.Buildx;
using GoMonorepoBuild.Dockerfiles;
using GoMonorepoBuild.Engine;
using GoMonorepoBuild.Inputs;
using GoMonorepoBuild.Targets;
using GoMonorepoBuild.Workspace.Services;

namespace GoMonorepoBuild;

public abstract partial class MonorepoBuildCore
{
    [Parameter("Build every selected service even when an image for its inputs exists (the BuildKit cache still applies)")]
    public bool Force { get; set; }

    IReadOnlyList<BuildDecision>? decisions;
    IFileDigests? digests;

    /// <summary>The decisions of this run (made once, by <see cref="DecisionsAsync"/>).</summary>
    public IReadOnlyList<BuildDecision> Decisions =>
        decisions ?? throw new InvalidOperationException("The build decisions are made by DecisionsAsync first.");

    /// <summary>The content digests of the monorepo's files (git blob ids; read from git's index where it can).</summary>
    protected IFileDigests FileDigests => digests ??= GitIndexDigests.For(MonorepoDirectory, Run.Cancellation);

    /// <summary>Makes this run's decisions once; later calls return the same ones.</summary>
    public async Task<IReadOnlyList<BuildDecision>> DecisionsAsync(CancellationToken cancellationToken) =>
        decisions ??= await DecideBuildsAsync(cancellationToken);

    /// <summary>
    /// Which selected services BuildChanged builds, each with its reason. A service is built when no image exists
    /// for its current input hash where this run puts images; its reason says why it changed (when the affected
    /// analysis knows) or that no image has these inputs yet. A service whose inputs already have an image is skipped,
    /// even when git says it changed (a revert). Override to add rules of your own.
    /// </summary>
    protected virtual async Task<IReadOnlyList<BuildDecision>> DecideBuildsAsync(CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var changes = await ChangesOrNullAsync(cancellationToken);
        Log.Debug($"Affected analysis: {clock.ElapsedMilliseconds} ms");
        var leftOut = (await NotCheckedOutServicesAsync(cancellationToken)).ToDictionary(n => n.Name, StringComparer.Ordinal);
        var selected = SelectedServices();
        var hashes = new Dictionary<string, ServiceInputHash>(StringComparer.Ordinal);
        // A service a sparse checkout left inputs of out has no trustworthy hash here, and nothing to build it from.
        foreach (var service in selected.Where(s => s.IsBuildable && !leftOut.ContainsKey(s.Name)))
            hashes[service.Name] = await InputHashOfAsync(service, cancellationToken);
        Log.Debug($"Input hashes: {clock.ElapsedMilliseconds} ms");
        // Where this run puts images is where an image for these inputs must be: the registry when pushing.
        var references = hashes.Keys.ToDictionary(n => n, n => $"{ImageRepositoryOf(Workspace.Service(n)!)}:{hashes[n].Tag}");
        var lookup = new ImageLookup(Docker);
        var existing = Force ? new Dictionary<string, ExistingImage>()
            : Push ? await lookup.InRegistryAsync(references.Values, cancellationToken)
            : await lookup.InEngineAsync(references.Values, cancellationToken);

        Log.Debug($"Image lookups: {clock.ElapsedMilliseconds} ms");
        return selected.Select(service => Building.BuildDecisions.Decide(service, leftOut.GetValueOrDefault(service.Name),
            hashes.GetValueOrDefault(service.Name), references.TryGetValue(service.Name, out var reference) ? existing.GetValueOrDefault(reference) : null,
            changes, Force)).ToList();
    }

    /// <summary>The affected analysis, or null when the monorepo is not in a git work tree (content hashes alone decide then).</summary>
    async Task<Affected.AffectedResult?> ChangesOrNullAsync(CancellationToken cancellationToken)
    {
        if (LibGit2Sharp.Repository.Discover(MonorepoDirectory) is null)
        {
            Log.Information($"{MonorepoDirectory} is not in a git work tree: services are built by content hash alone, without reasons from git.");
            return null;
        }
        var result = await AffectedServicesAsync(cancellationToken);
        // The build reads the working folder: a selected service a sparse checkout left out cannot be built from it.
        foreach (var service in Selected(result.NotCheckedOut)) Log.Warning(service.Describe());
        foreach (var note in result.Notes) Log.Warning(note);
        return result;
    }

    /// <summary>The image repository of a service: <c>&lt;registry&gt;/&lt;image name&gt;</c>.</summary>
    public string ImageRepositoryOf(GoService service) => ImageName.Repository(Registry, service.Name);

    /// <summary>The digest of everything that determines the service's image (see <see cref="ServiceInputHash"/>).</summary>
    protected async Task<ServiceInputHash> InputHashOfAsync(GoService service, CancellationToken cancellationToken)
    {
        var builder = await BuilderImageFor(GoVersions.Minor(service.GoVersion) ?? GoVersions.Fallback, cancellationToken);
        // An own Dockerfile is an input file itself; its build context decides what its COPY instructions see.
        var dockerfile = OwnDockerfileOf(service) is { } own
            ? $"own Dockerfile, context {own.Context.Folder}"
            : DockerfileGenerator.Render(BuildInputOf(service), DockerfileOptionsFor(service).WithBuilderImage(builder.Reference));
        return ServiceInputHash.Compute(ImageInputsOf(service), FileDigests, dockerfile, [], Platform, await BuilderIdentityAsync(builder, cancellationToken),
            cancellationToken);
    }

    readonly Dictionary<string, string> builderIdentities = new(StringComparer.Ordinal);

    async Task<string> BuilderIdentityAsync(BuilderImageRef builder, CancellationToken cancellationToken)
    {
        if (builderIdentities.TryGetValue(builder.Reference, out var known)) return known;
        return builderIdentities[builder.Reference] = await BuilderIdentity.OfAsync(Docker, builder.Reference, cancellationToken);
    }
}
