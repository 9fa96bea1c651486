using GoMonorepoBuild.Engine;
using GoMonorepoBuild.Engine.Api;
using GoMonorepoBuild.Processes;

namespace GoMonorepoBuild.Buildx;

/// <summary>
/// Looks an image up where a run puts it, without pulling: the engine's image store (runs that load) or the
/// registry (runs that push; only the manifest is fetched).
/// </summary>
/// <param name="environment">The engine.</param>
/// <param name="memoryFile">
/// Where the engine lookups' answers are remembered for the next run (<see cref="ImageMemory"/>), or null to ask every
/// time. With it, a lookup trusts the last run's answer when the engine's event log says nothing touched that image
/// since; an engine that answers ~5 ms an inspection one at a time made 102 services' lookups cost ~0.5 s.
/// </param>
public sealed class ImageLookup(DockerEnvironment environment, string? memoryFile = null)
{
    /// <summary>How many inspections are in flight at once: enough to hide each round trip, few enough not to crowd the engine.</summary>
    const int EngineQuestionsAtOnce = 16;
    /// <summary>How many registry lookups (each a buildx process) run at once.</summary>
    const int RegistryQuestionsAtOnce = 8;
    readonly Tool docker = environment.Docker();
    readonly Lazy<IEngineApi> api = new(environment.Api);
    readonly SemaphoreSlim engineGate = new(EngineQuestionsAtOnce);
    readonly SemaphoreSlim registryGate = new(RegistryQuestionsAtOnce);
    // Started at once, so that reading the engine's log overlaps whatever the caller does before its first lookup.
    readonly Task<Remembered> remembered = RememberedAsync(environment, memoryFile);
    // The images this run knows to exist: found by its lookups, then loaded by its builds.
    readonly System.Collections.Concurrent.ConcurrentDictionary<string, RememberedImage> found = new(StringComparer.Ordinal);
    int asked;

    /// <summary>How many images this lookup asked the engine about (the others it found remembered).</summary>
    public int Asked => asked;

    /// <summary>
    /// The images among <paramref name="references"/> that exist, asked of the engine's API a few at a time on kept-alive
    /// connections: a run of 500 services must not pay 500 process starts (nor one CLI start, 0.1 s, for six). Inspecting
    /// names directly is what makes it cheap: listing the engine's images first cost 0.4 s on an engine holding 150 (the
    /// listing computes every image's size). An engine that fails throws: that must not read as "no image exists, build
    /// everything".
    /// </summary>
    public async Task<IReadOnlyDictionary<string, ExistingImage>> InEngineAsync(
        IReadOnlyCollection<string> references, CancellationToken cancellationToken)
    {
        var lookups = references.Distinct(StringComparer.Ordinal).Select(reference => InEngineAsync(reference, cancellationToken));
        return (await Task.WhenAll(lookups)).OfType<ExistingImage>().ToDictionary(e => e.Reference, StringComparer.Ordinal);
    }

    /// <summary>
    /// The image <paramref name="reference"/> names in the engine, or null; lookups of one <see cref="ImageLookup"/> share
    /// its few connections, so a run can ask for each service as soon as its input hash is known.
    /// </summary>
    public async Task<ExistingImage?> InEngineAsync(string reference, CancellationToken cancellationToken)
    {
        // The engine's log is read before any image is asked about: what an answer is remembered with must be older.
        var memory = await remembered.WaitAsync(cancellationToken);
        if (memory.StillThere.TryGetValue(reference, out var known))
        {
            found[reference] = known;
            return new ExistingImage(reference, known.Revision, "in the engine");
        }
        await engineGate.WaitAsync(cancellationToken);
        try
        {
            Interlocked.Increment(ref asked);
            var image = await api.Value.InspectImageAsync(reference, cancellationToken);
            if (image is null) return null;
            var answer = RememberedImage.Of(image);
            found[reference] = answer;
            return new ExistingImage(reference, answer.Revision, "in the engine");
        }
        finally { engineGate.Release(); }
    }

    /// <summary>
    /// Tells the lookup that a build loaded <paramref name="reference"/>'s image (<paramref name="outcome"/>): the next
    /// <see cref="RememberAsync"/> remembers it too, when the engine's answer right after the build vouches for it
    /// (<see cref="RememberedImage.OfBuild"/>). The run right after a build then asks the engine about none of the images
    /// it built, which cost 102 questions (0.85 s) at 102 services. Safe with the log entry from before the lookups:
    /// that is older than the build, so a removal or retag during or after it is in the next run's log.
    /// </summary>
    public void Loaded(string reference, BuildOutcome outcome)
    {
        if (RememberedImage.OfBuild(reference, outcome) is { } image) found[reference] = image;
    }

    /// <summary>How many images this lookup knows to exist (found or loaded by a build) and would remember.</summary>
    internal int Known => found.Count;

    /// <summary>
    /// Remembers the images this lookup found in the engine, and those builds loaded (<see cref="Loaded"/>), for the next
    /// run (with the engine's newest log entry from before it asked), replacing what was remembered; forgets it all where
    /// the engine's log could not be read.
    /// </summary>
    public async Task RememberAsync(CancellationToken cancellationToken)
    {
        if (memoryFile is null) return;
        var memory = await remembered.WaitAsync(cancellationToken);
        if (memory.Window is { Newest: { } newest } window)
            new ImageMemory(window.EngineId, newest, new Dictionary<string, RememberedImage>(found, StringComparer.Ordinal)).Write(memoryFile);
        else
            ImageMemory.Forget(memoryFile);
    }

    /// <summary>The engine's log since the last run's memory, and what of that memory still holds.</summary>
    sealed record Remembered(EngineEventWindow? Window, IReadOnlyDictionary<string, RememberedImage> StillThere);

    static async Task<Remembered> RememberedAsync(DockerEnvironment environment, string? memoryFile)
    {
        var none = new Dictionary<string, RememberedImage>();
        // An engine only the CLI reaches (ssh://, TLS) has no log we read: asked every time, as before.
        if (memoryFile is null || EngineEndpoint.Of(environment) is not { } endpoint) return new Remembered(null, none);
        var memory = ImageMemory.Read(memoryFile);
        try
        {
            // Shared by the run's lookups, so not cancelled by any one of them; an engine that never answers is given up on.
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var window = await EngineEventLog.SinceAsync(endpoint, environment.Describe(), memory?.From, environment.Provisioned, deadline.Token);
            return new Remembered(window, memory?.StillThere(window) ?? none);
        }
        catch (Exception e) when (e is EngineApiException or OperationCanceledException)
        {
            // An engine (or a socket proxy in front of it) that does not show its log: every image is asked, nothing remembered.
            return new Remembered(null, none);
        }
    }

    /// <summary>The images among <paramref name="references"/> that exist in their registries (manifest lookups, a few at a time).</summary>
    public async Task<IReadOnlyDictionary<string, ExistingImage>> InRegistryAsync(
        IReadOnlyCollection<string> references, CancellationToken cancellationToken)
    {
        var lookups = references.Distinct(StringComparer.Ordinal).Select(reference => InRegistryAsync(reference, cancellationToken));
        return (await Task.WhenAll(lookups)).OfType<ExistingImage>().ToDictionary(e => e.Reference, StringComparer.Ordinal);
    }

    /// <summary>The image <paramref name="reference"/> names in its registry, or null (a few lookups of one <see cref="ImageLookup"/> at a time).</summary>
    public async Task<ExistingImage?> InRegistryAsync(string reference, CancellationToken cancellationToken)
    {
        await registryGate.WaitAsync(cancellationToken);
        try
        {
            var result = await docker.TryRunAsync(["buildx", "imagetools", "inspect", "--raw", reference], cancellationToken);
            if (result.ExitCode != 0) return null;
            return new ExistingImage(reference, null, "in the registry");
        }
        finally { registryGate.Release(); }
    }
}
