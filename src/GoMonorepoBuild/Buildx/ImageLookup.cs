using GoMonorepoBuild.Engine;
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
    readonly Tool docker = environment.Docker();

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
        var api = environment.Api();
        using var gate = new SemaphoreSlim(EngineQuestionsAtOnce);
        var lookups = references.Distinct(StringComparer.Ordinal).Select(async reference =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                var image = await api.InspectImageAsync(reference, cancellationToken);
                return image is null ? null : new ExistingImage(reference, Revision(image.Label(RevisionLabel)), "in the engine");
            }
            finally { gate.Release(); }
        });
        return (await Task.WhenAll(lookups)).OfType<ExistingImage>().ToDictionary(e => e.Reference, StringComparer.Ordinal);
    }

    /// <summary>The images among <paramref name="references"/> that exist in their registries (manifest lookups, a few at a time).</summary>
    public async Task<IReadOnlyDictionary<string, ExistingImage>> InRegistryAsync(
        IReadOnlyCollection<string> references, CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(8);
        var lookups = references.Distinct(StringComparer.Ordinal).Select(async reference =>
        {
            await gate.WaitAsync(cancellationToken);
            try { return await InRegistryAsync(reference, cancellationToken); }
            finally { gate.Release(); }
        });
        return (await Task.WhenAll(lookups)).OfType<ExistingImage>().ToDictionary(e => e.Reference, StringComparer.Ordinal);
    }

    public async Task<ExistingImage?> InRegistryAsync(string reference, CancellationToken cancellationToken)
    {
        var result = await docker.TryRunAsync(["buildx", "imagetools", "inspect", "--raw", reference], cancellationToken);
        if (result.ExitCode != 0) return null;
        return new ExistingImage(reference, null, "in the registry");
    }

    static string? Revision(string? label) => string.IsNullOrEmpty(label) ? null : label;
}
