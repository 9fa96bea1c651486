using System.Text.Json;
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
    readonly Tool docker = environment.Docker();

    public async Task<ExistingImage?> InEngineAsync(string reference, CancellationToken cancellationToken)
    {
        var result = await docker.TryRunAsync(["image", "inspect", "--format", "{{json .Config.Labels}}", reference], cancellationToken);
        if (result.ExitCode != 0) return null;
        return new ExistingImage(reference, Revision(result.StandardOutput), "in the engine");
    }

    public async Task<ExistingImage?> InRegistryAsync(string reference, CancellationToken cancellationToken)
    {
        var result = await docker.TryRunAsync(["buildx", "imagetools", "inspect", "--raw", reference], cancellationToken);
        if (result.ExitCode != 0) return null;
        return new ExistingImage(reference, null, "in the registry");
    }

    static string? Revision(string labelsJson)
    {
        try
        {
            using var doc = JsonDocument.Parse(labelsJson);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty(RevisionLabel, out var value)
                ? value.GetString() is { Length: > 0 } revision ? revision : null
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
