using GoMonorepoBuild.Engine;
using GoMonorepoBuild.Engine.Api;
using GoMonorepoBuild.Processes;

namespace GoMonorepoBuild.Buildx;

/// <summary>
/// Looks an image up where a run puts it, without pulling: the engine's image store (runs that load) or the
/// registry (runs that push; only the manifest is fetched).
/// </summary>
public sealed class ImageLookup(DockerEnvironment environment)
{
    const string RevisionLabel = "org.opencontainers.image.revision";

    /// <summary>How many inspections are in flight at once: enough to hide each round trip, few enough not to crowd the engine.</summary>
    const int EngineQuestionsAtOnce = 16;
    /// <summary>How many registry lookups (each a buildx process) run at once.</summary>
    const int RegistryQuestionsAtOnce = 8;
    readonly Tool docker = environment.Docker();
    readonly Lazy<IEngineApi> api = new(environment.Api);
    readonly SemaphoreSlim engineGate = new(EngineQuestionsAtOnce);
    readonly SemaphoreSlim registryGate = new(RegistryQuestionsAtOnce);

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
        await engineGate.WaitAsync(cancellationToken);
        try
        {
            var image = await api.Value.InspectImageAsync(reference, cancellationToken);
            return image is null ? null : new ExistingImage(reference, Revision(image.Label(RevisionLabel)), "in the engine");
        }
        finally { engineGate.Release(); }
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

    static string? Revision(string? label) => string.IsNullOrEmpty(label) ? null : label;
}
