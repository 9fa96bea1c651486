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

    /// <summary>
    /// The images among <paramref name="references"/> that exist, in one docker call whatever their number: a run of
    /// 500 services must not pay 500 process starts. Inspecting names directly is what makes it cheap: listing the
    /// engine's images first cost 0.4 s on an engine holding 150 (the listing computes every image's size).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, ExistingImage>> InEngineAsync(
        IReadOnlyCollection<string> references, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, ExistingImage>(StringComparer.Ordinal);
        var wanted = references.Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0) return found;
        string[] args = ["image", "inspect", "--format", "{{json .RepoTags}}\t{{json .Config.Labels}}", .. wanted];
        var inspect = await docker.TryRunAsync(args, cancellationToken);
        // The found images are printed and the missing ones named on stderr, with exit code 1; anything else on
        // stderr is the engine failing, which must not read as "no image exists, build everything".
        var problems = inspect.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !line.Contains("No such image", StringComparison.OrdinalIgnoreCase)).ToList();
        if (inspect.ExitCode != 0 && problems.Count > 0)
            throw new ProcessFailedException(docker.Describe(args.Take(4)) + $" <{wanted.Count} images>", inspect.ExitCode, string.Join('\n', problems));
        var set = wanted.ToHashSet(StringComparer.Ordinal);
        foreach (var line in inspect.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split('\t', 2);
            if (parts.Length != 2) continue;
            var tags = JsonSerializer.Deserialize<string[]>(parts[0]) ?? [];
            foreach (var tag in tags.Where(set.Contains))
                found[tag] = new ExistingImage(tag, Revision(parts[1]), "in the engine");
        }
        return found;
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
