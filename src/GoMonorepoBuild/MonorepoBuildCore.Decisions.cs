using GoMonorepoBuild.Buildx;
using GoMonorepoBuild.Dockerfiles;
using GoMonorepoBuild.Engine;
using GoMonorepoBuild.Inputs;
using GoMonorepoBuild.Pipeline.ChangedBuild;
using GoMonorepoBuild.Targets;
using GoMonorepoBuild.Workspace.Services;

namespace GoMonorepoBuild;

public abstract partial class MonorepoBuildCore
{
    // The value of IBuildChanged's parameter.
    public bool Force { get; set; }

    IReadOnlyList<BuildDecision>? decisions;
    IFileDigests? digests;
    // The decisions' engine lookups when they remember for the next run: the images this run's builds load join them.
    ImageLookup? rememberingLookup;

    /// <summary>The decisions of this run (made once, by <see cref="DecisionsAsync"/>).</summary>
    public IReadOnlyList<BuildDecision> Decisions =>
        decisions ?? throw new InvalidOperationException("The build decisions are made by DecisionsAsync first.");

    /// <summary>The content digests of the monorepo's files (git blob ids; read from git's index where it can).</summary>
    protected IFileDigests FileDigests => digests ??= GitIndexDigests.For(Git, MonorepoDirectory, Run.Cancellation);

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
        var inGit = Git.Exists;
        if (!inGit) Log.Information($"{MonorepoDirectory} is not in a git work tree: services are built by content hash alone, without reasons from git.");
        // Independent of git's comparison of revisions, so overlapped with it (as the pipeline's prefetch is): the index
        // digests. It does not log.
        var digestsRead = ReadDigestsAsync(cancellationToken);
        var changes = inGit ? await ChangesAsync(cancellationToken) : null;
        Log.Debug($"Affected analysis: {clock.ElapsedMilliseconds} ms" +
                  (earlyClock is { } early ? $" (started {early.ElapsedMilliseconds - clock.ElapsedMilliseconds} ms before the decisions, alongside the engine probe)" : ""));
        var leftOut = (await NotCheckedOutServicesAsync(cancellationToken)).ToDictionary(n => n.Name, StringComparer.Ordinal);
        var selected = SelectedServices();
        await digestsRead;
        // Each service's hash inputs are gathered in order (their log lines in order, an override of DockerfileOptionsFor
        // called on this thread); the hashing runs alongside, and each lookup starts as soon as its hash is known.
        // A service a sparse checkout left inputs of out has no trustworthy hash here, and nothing to build it from.
        // A forced run rebuilds images it does not ask about (their revision label changes): nothing remembered holds then.
        if (Force) ImageMemory.Forget(ImageMemoryFile);
        // Registry lookups (--push) are asked every time; a forced run has just forgotten.
        var remembers = !Push && !Force;
        var lookup = new ImageLookup(Docker, remembers ? ImageMemoryFile : null);
        if (remembers) rememberingLookup = lookup;
        var pending = new List<(string Name, Task<ServiceInputHash> Hash, Task<ExistingImage?> Existing)>();
        try
        {
            foreach (var service in selected.Where(s => s.IsBuildable && !leftOut.ContainsKey(s.Name)))
            {
                var inputs = await HashInputsOfAsync(service, cancellationToken);
                var hash = Task.Run(() => inputs.Hash(FileDigests, cancellationToken), cancellationToken);
                pending.Add((service.Name, hash, Force ? Task.FromResult<ExistingImage?>(null) : LookUpAsync(service, hash)));
            }
        }
        catch (Exception) when (pending.Count > 0)
        {
            // An earlier service's hash failing is the failure to report, as when they were computed one after the other.
            await Task.WhenAll(pending.Select(p => p.Hash));
            throw;
        }
        await Task.WhenAll(pending.Select(p => p.Hash));
        Log.Debug($"Input hashes: {clock.ElapsedMilliseconds} ms");
        var hashes = pending.ToDictionary(p => p.Name, p => p.Hash.Result, StringComparer.Ordinal);
        // Where this run puts images is where an image for these inputs must be: the registry when pushing.
        var references = hashes.Keys.ToDictionary(n => n, n => ReferenceOf(Workspace.Service(n)!, hashes[n]), StringComparer.Ordinal);
        var found = await Task.WhenAll(pending.Select(p => p.Existing));
        var existing = found.OfType<ExistingImage>().DistinctBy(e => e.Reference).ToDictionary(e => e.Reference, StringComparer.Ordinal);
        if (remembers) await lookup.RememberAsync(cancellationToken);

        Log.Debug($"Image lookups: {clock.ElapsedMilliseconds} ms" +
                  (remembers ? $" ({lookup.Asked} of {pending.Count} asked of the engine, the others unchanged since the last run)" : ""));
        return selected.Select(service => Building.BuildDecisions.Decide(service, leftOut.GetValueOrDefault(service.Name),
            hashes.GetValueOrDefault(service.Name), references.TryGetValue(service.Name, out var reference) ? existing.GetValueOrDefault(reference) : null,
            changes, Force)).ToList();

        async Task<ExistingImage?> LookUpAsync(GoService service, Task<ServiceInputHash> hash)
        {
            var reference = ReferenceOf(service, await hash);
            return Push ? await lookup.InRegistryAsync(reference, cancellationToken) : await lookup.InEngineAsync(reference, cancellationToken);
        }
    }

    /// <summary>Tells the decisions' lookups what a service's successful build loaded: the next run need not ask about it.</summary>
    void Built(BuildDecision decision, BuildOutcome outcome)
    {
        if (rememberingLookup is { } lookup && decision.InputHash is { } hash) lookup.Loaded(ReferenceOf(decision.Service, hash), outcome);
    }

    /// <summary>Remembers, after the builds, what the decisions found and the builds loaded (see <see cref="ImageLookup.Loaded"/>).</summary>
    async Task RememberLoadedImagesAsync(CancellationToken cancellationToken)
    {
        if (rememberingLookup is not { } lookup) return;
        await lookup.RememberAsync(cancellationToken);
        Log.Debug($"Remembered {lookup.Known} image(s) found or built for the next run");
    }

    Task? decisionPrefetch;

    /// <summary>Starts the decisions' head start once per run (EnsureEngine's end, else BuildChanged's pipeline).</summary>
    void StartDecisionPrefetch() => decisionPrefetch ??= PrefetchForDecisions()?.Start(Run.Cancellation) ?? Task.CompletedTask;

    /// <summary>
    /// The decisions' head start (<see cref="DecisionPrefetch"/>), where the affected analysis loads the work tree's model
    /// at once (in git, no --head, no sparse checkout), so that nothing is loaded, logged or resolved earlier than in a
    /// run without it; none for a build deciding by rules of its own. --only names are taken as given (an unknown name is
    /// the selection's error, later).
    /// </summary>
    DecisionPrefetch? PrefetchForDecisions()
    {
        if (DecidesByOwnRules || !Git.Exists || Head is not null || Changes.SparseCheckout.MayBeSparse(MonorepoDirectory)) return null;
        // Read here, in order, as the analysis reads them first: the detected --services globs are logged. An analysis
        // started with the engine probe reads them itself (its log held): the model is then used once it has loaded it.
        var model = earlyModel;
        if (model is null)
        {
            _ = ServiceGlobs;
            _ = UnvalidatedImageSettings;
        }
        var only = OnlyNames;
        return new DecisionPrefetch(
            async _ => model is null || await model
                ? Workspace.Services.Where(s => s.IsBuildable && (only.Count == 0 || NamedByOnly(s.Name))).ToList()
                : null,
            async (version, ct) =>
            {
                var resolved = await ResolveBuilderImageAsync(version, ct);
                // A failure is the hash's to report, where it asks for this builder.
                if (resolved.Succeeded) _ = BuilderIdentityAsync(resolved.Value, ct);
            },
            service => RuntimeAssets.Of(service, LoadLocations));
    }

    /// <summary>Whether this build overrides <see cref="DecideBuildsAsync"/>: its rules may not ask for what the framework's would.</summary>
    bool DecidesByOwnRules =>
        GetType().GetMethod(nameof(DecideBuildsAsync), System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic,
            [typeof(CancellationToken)])?.DeclaringType != typeof(MonorepoBuildCore);

    /// <summary>The affected analysis (of a monorepo in a git work tree), its warnings logged.</summary>
    async Task<Affected.AffectedResult> ChangesAsync(CancellationToken cancellationToken)
    {
        var result = await AffectedServicesAsync(cancellationToken);
        // The build reads the working folder: a selected service a sparse checkout left out cannot be built from it.
        foreach (var service in Selected(result.NotCheckedOut)) Log.Warning(service.Describe());
        foreach (var note in result.Notes) Log.Warning(note);
        return result;
    }

    /// <summary>Where the engine lookups' answers are remembered for the next run (<see cref="ImageMemory.FileFor"/>).</summary>
    string ImageMemoryFile => ImageMemory.FileFor(TemporaryDirectory, Docker.Describe(), Docker.DockerConfig, MonorepoDirectory, Registry);

    /// <summary>The image repository of a service: <c>&lt;registry&gt;/&lt;image name&gt;</c>.</summary>
    public string ImageRepositoryOf(GoService service) => ImageName.Repository(Registry, service.Name);

    /// <summary>Where an image for <paramref name="hash"/> is: its repository, tagged with the hash.</summary>
    string ReferenceOf(GoService service, ServiceInputHash hash) => $"{ImageRepositoryOf(service)}:{hash.Tag}";

    /// <summary>The digest of everything that determines the service's image (see <see cref="ServiceInputHash"/>).</summary>
    protected async Task<ServiceInputHash> InputHashOfAsync(GoService service, CancellationToken cancellationToken) =>
        (await HashInputsOfAsync(service, cancellationToken)).Hash(FileDigests, cancellationToken);

    /// <summary>
    /// What a service's input hash is made of. Gathering it logs (the builder image, a service's several main packages)
    /// and calls the overridable <see cref="DockerfileOptionsFor"/>, so it runs in the run's order; hashing it may run anywhere.
    /// </summary>
    async Task<HashInputs> HashInputsOfAsync(GoService service, CancellationToken cancellationToken)
    {
        var builder = await BuilderImageFor(GoVersions.Minor(service.GoVersion) ?? GoVersions.Fallback, cancellationToken);
        // An own Dockerfile is an input file itself; its build context decides what its COPY instructions see.
        Func<string> dockerfile;
        if (OwnDockerfileOf(service) is { } own)
        {
            var text = $"own Dockerfile, context {own.Context.Folder}";
            dockerfile = () => text;
        }
        else
        {
            var input = BuildInputOf(service);
            var options = OptionsOf(service).WithBuilderImage(builder.Reference);
            dockerfile = () => DockerfileGenerator.Render(input, options);
        }
        return new HashInputs(ImageInputsOf(service), dockerfile, Platform, await BuilderIdentityAsync(builder, cancellationToken));
    }

    /// <summary>A service's hash inputs, gathered; <see cref="Hash"/> renders its Dockerfile and digests its files.</summary>
    sealed record HashInputs(IReadOnlyList<string> Files, Func<string> Dockerfile, IReadOnlyList<string> Platforms, string BuilderIdentity)
    {
        public ServiceInputHash Hash(IFileDigests digests, CancellationToken cancellationToken) =>
            ServiceInputHash.Compute(Files, digests, Dockerfile(), [], Platforms, BuilderIdentity, cancellationToken);
    }

    readonly RunBuilderIdentities builderIdentities = new();

    /// <summary>The builder image's identity, once per run (see <see cref="RunBuilderIdentities"/>).</summary>
    Task<string> BuilderIdentityAsync(BuilderImageRef builder, CancellationToken cancellationToken) =>
        builderIdentities.OfAsync(Docker, builder.Reference, cancellationToken);
}
