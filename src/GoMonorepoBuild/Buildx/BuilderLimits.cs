using System.Text.Json;
using GoMonorepoBuild.Engine;

namespace GoMonorepoBuild.Buildx;

/// <summary>
/// What the engine's own builder (buildx's <c>docker</c> driver) cannot do when the engine keeps its images in the classic
/// image store (Docker 26's default; the containerd image store can): build several platforms, and export BuildKit's
/// cache. Found before anything builds: with <c>--load</c> (BuildChanged's default) buildx compiles every platform of every
/// service and only then fails to load the index ("docker exporter does not currently support exporting manifest lists"),
/// once per service and without saying what to do.
/// </summary>
/// <param name="Driver">The builder's driver (<c>docker</c>, <c>docker-container</c>, ...), from <c>docker buildx inspect</c>.</param>
/// <param name="ContainerdImageStore">Whether the engine keeps images in the containerd image store, from <c>docker info</c>.</param>
internal sealed record BuilderLimits(string Driver, bool ContainerdImageStore)
{
    /// <summary>Whether a run asks for anything these limits concern (the check costs two docker processes, so only then).</summary>
    /// <param name="platforms">The --platform values.</param>
    /// <param name="exportedCache">The <c>--cache</c> backend when it exports a cache (local, registry, gha), else null.</param>
    public static bool Matter(IReadOnlyList<string> platforms, string? exportedCache) => platforms.Count > 1 || exportedCache is not null;

    /// <summary>Why this builder cannot build what was asked, with what to do, or null when it can (or cannot be told here).</summary>
    public string? Refusal(IReadOnlyList<string> platforms, string? exportedCache, string engine)
    {
        if (Driver != "docker" || ContainerdImageStore) return null;
        const string remedies =
            "Turn on the engine's containerd image store (daemon.json: {\"features\": {\"containerd-snapshotter\": true}}, then restart dockerd), " +
            "or build with a docker-container builder: docker buildx create --name gmb --driver docker-container, then --builder gmb";
        if (platforms.Count > 1)
            return $"--platform {string.Join(',', platforms)} builds one image index of {platforms.Count} platforms, which the engine's own " +
                   $"builder cannot make while the engine ({engine}) keeps its images in the classic image store. {remedies} " +
                   "(with --push: a docker-container builder cannot load an index into the classic store either), or build one platform.";
        if (exportedCache is not null)
            return $"--cache {exportedCache} exports BuildKit's cache, which the engine's own builder cannot do while the engine ({engine}) " +
                   $"keeps its images in the classic image store. {remedies}, or use --cache inline.";
        return null;
    }

    /// <summary>
    /// Whether <see cref="RefusalAsync"/> may refuse these settings (and so asks the engine): only without a named
    /// <paramref name="builder"/> and when several platforms or an exported cache are asked for.
    /// </summary>
    public static bool MayRefuse(string? builder, IReadOnlyList<string> platforms, string? exportedCache) =>
        builder is null && Matter(platforms, exportedCache);

    /// <summary>
    /// Why a BuildChanged with these settings cannot build on <paramref name="engine"/>, or null. Only the engine's own
    /// builder has these limits: with a named <paramref name="builder"/> nothing is asked (its engine is not the one
    /// <c>docker info</c> answers for), nor when nothing asked for concerns them.
    /// </summary>
    public static async Task<string?> RefusalAsync(DockerEnvironment engine, string? builder, IReadOnlyList<string> platforms,
        string? exportedCache, CancellationToken cancellationToken) =>
        MayRefuse(builder, platforms, exportedCache) && await ProbeAsync(engine, cancellationToken) is { } limits
            ? limits.Refusal(platforms, exportedCache, engine.Describe())
            : null;

    /// <summary>The current builder's limits (the one buildx uses without --builder), or null when docker cannot say.</summary>
    public static async Task<BuilderLimits?> ProbeAsync(DockerEnvironment engine, CancellationToken cancellationToken)
    {
        var inspect = await engine.Docker().TryRunAsync(["buildx", "inspect"], cancellationToken);
        if (inspect.ExitCode != 0 || DriverOf(inspect.StandardOutput) is not { } driver) return null;
        if (driver != "docker") return new BuilderLimits(driver, ContainerdImageStore: false);
        var info = await engine.Docker().TryRunAsync(["info", "--format", "{{json .DriverStatus}}"], cancellationToken);
        return info.ExitCode == 0 && UsesContainerdStore(info.StandardOutput) is { } containerd ? new BuilderLimits(driver, containerd) : null;
    }

    /// <summary>The <c>Driver:</c> line of <c>docker buildx inspect</c>'s answer.</summary>
    internal static string? DriverOf(string inspectOutput) =>
        inspectOutput.Split('\n').Select(line => line.Trim())
            .FirstOrDefault(line => line.StartsWith("Driver:", StringComparison.Ordinal))?["Driver:".Length..].Trim() is { Length: > 0 } driver
            ? driver
            : null;

    /// <summary>
    /// Whether <c>docker info</c>'s DriverStatus (pairs of strings) names the containerd snapshotter as the driver type;
    /// null when the answer is not such a list.
    /// </summary>
    internal static bool? UsesContainerdStore(string driverStatusJson)
    {
        try
        {
            using var json = JsonDocument.Parse(driverStatusJson);
            if (json.RootElement.ValueKind == JsonValueKind.Null) return false;
            if (json.RootElement.ValueKind != JsonValueKind.Array) return null;
            return json.RootElement.EnumerateArray().Any(pair =>
                pair.ValueKind == JsonValueKind.Array && pair.GetArrayLength() == 2
                && pair[0].ValueKind == JsonValueKind.String && pair[0].GetString() == "driver-type"
                && pair[1].ValueKind == JsonValueKind.String && pair[1].GetString()?.StartsWith("io.containerd.snapshotter", StringComparison.Ordinal) == true);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
