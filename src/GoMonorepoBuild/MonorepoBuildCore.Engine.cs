using GoMonorepoBuild.Engine;
using GoMonorepoBuild.Targets;

namespace GoMonorepoBuild;

public abstract partial class MonorepoBuildCore
{
    // The value of IBuilderImage's parameter.
    public string? GoImage { get; set; }

    DockerEnvironment? docker;
    readonly Dictionary<string, BuilderImageRef> builderImages = new(StringComparer.Ordinal);

    /// <summary>Where GoMonorepoBuild keeps its private engine and toolchains (GMB_HOME, else ~/.cache/gomonorepobuild).</summary>
    protected virtual EngineOptions EngineOptions => new();

    /// <summary>The engine every docker/buildx call of this run goes to (set by the EnsureEngine target).</summary>
    public DockerEnvironment Docker =>
        docker ?? throw new InvalidOperationException("No engine yet: make the target that needs Docker depend on EnsureEngine.");

    /// <summary>The path of the Go binary the EnsureGo target found or provisioned.</summary>
    public string? GoBinary { get; private set; }

    /// <summary>What <see cref="IEnsureEngine.EnsureEngine"/> does: finds or provisions the engine this run uses.</summary>
    protected internal async Task EnsureEngineAsync(CancellationToken ct)
    {
        try
        {
            docker = await DockerEngine.EnsureAsync(EngineOptions, ct);
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            await ReportEarlyAnalysisAsync();
            throw;
        }
        Log.Information(docker.Provisioned
            ? $"Engine: GoMonorepoBuild's private engine ({docker.Describe()})"
            : $"Engine: {docker.Describe()}");
        // BuildChanged's decisions wait on the builder image first (an engine inspection, 12-15 ms on Docker 26): with the
        // engine known, their head start begins here rather than when BuildChanged's pipeline reaches them (issue 19).
        // Not where BuildChanged may still refuse the engine's builder (several platforms, an exported cache): the head
        // start may seed a builder image, which a run that is refused must not have begun.
        if (earlyModel is not null && !Buildx.BuilderLimits.MayRefuse(Builder, Platform, new Building.BuildCache(Cache).ExportedBackend))
            StartDecisionPrefetch();
    }

    /// <summary>What <see cref="IStopEngine.StopEngine"/> does: stops the private engine, never a configured one.</summary>
    protected internal async Task StopEngineAsync(CancellationToken ct) =>
        Log.Information(await DockerEngine.StopAsync(EngineOptions, ct)
            ? "Stopped GoMonorepoBuild's private engine."
            : "GoMonorepoBuild's private engine was not running.");

    /// <summary>What <see cref="IEnsureGo.EnsureGo"/> does: finds or provisions the newest Go the services ask for.</summary>
    protected internal async Task EnsureGoAsync(CancellationToken ct)
    {
        GoBinary = await GoToolchain.EnsureAsync(GoMinorVersions().First(), EngineOptions, ct);
        Log.Information($"Go: {GoBinary}");
    }

    readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<Held<BuilderImageRef>>>> builderResolutions = new(StringComparer.Ordinal);

    /// <summary>The builder image for a Go version ("1.23"), resolved once per run.</summary>
    protected async Task<BuilderImageRef> BuilderImageFor(string goMinorVersion, CancellationToken cancellationToken)
    {
        if (builderImages.TryGetValue(goMinorVersion, out var known)) return known;
        // Its log (seeding, an outdated image) is written here, where it was when nothing resolved it early.
        var resolved = (await ResolveBuilderImageAsync(goMinorVersion, cancellationToken)).Replay();
        Log.Information($"Go {goMinorVersion} builder image: {resolved.Reference} ({resolved.Origin})");
        return builderImages[goMinorVersion] = resolved;
    }

    /// <summary>
    /// Starts resolving the builder image of a Go version, once per run, its log held for <see cref="BuilderImageFor"/>:
    /// the decisions start it as soon as the model says which versions, while git still compares revisions.
    /// </summary>
    Task<Held<BuilderImageRef>> ResolveBuilderImageAsync(string goMinorVersion, CancellationToken cancellationToken) =>
        builderResolutions.GetOrAdd(goMinorVersion, version => new Lazy<Task<Held<BuilderImageRef>>>(() =>
            HeldLog.Start(async () =>
                builderIdentities.Record(await BuilderImage.ResolveInspectedAsync(Docker, version, GoImage, EngineOptions, cancellationToken))))).Value;

    /// <summary>The distinct Go minor versions ("1.23") of the services, newest first; "1.23" when none says.</summary>
    protected IReadOnlyList<string> GoMinorVersions()
    {
        var versions = Workspace.Services.Select(s => GoVersions.Minor(s.GoVersion)).OfType<string>()
            .Distinct().OrderByDescending(v => Version.Parse(v)).ToList();
        return versions.Count > 0 ? versions : [GoVersions.Fallback];
    }
}
