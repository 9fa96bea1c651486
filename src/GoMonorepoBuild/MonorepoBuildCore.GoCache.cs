using GoMonorepoBuild.GoCache;
using GoMonorepoBuild.Targets;

namespace GoMonorepoBuild;

public abstract partial class MonorepoBuildCore
{
    // The value of IGoCacheFolder's parameter.
    public string? GoCacheDir { get; set; }

    /// <summary>The carried Go cache folder of <c>--go-cache</c>, or null when none is set.</summary>
    public GoCacheFolder? GoCacheFolder =>
        string.IsNullOrWhiteSpace(GoCacheDir) ? null : new GoCacheFolder(Path.GetFullPath(GoCacheDir, RootDirectory));

    bool goCacheSeeded, goCacheExported;

    /// <summary>Seeds once per run when <c>--go-cache</c> is set; a cache that cannot seed is a warning, never a failure.</summary>
    protected internal async Task SeedGoCacheAsync(CancellationToken ct)
    {
        if (GoCacheFolder is not { } folder || goCacheSeeded) return;
        await NeverFailingAsync("seeding the Go caches from " + folder.Path, async () =>
        {
            var (transfer, key) = await GoCacheTransferAsync(ct);
            var result = await transfer.SeedAsync(folder, key, ct);
            goCacheSeeded = result.Seeded;
            if (result.Seeded) Log.Information(result.Message);
            else if (result.NothingCarried) Log.Information($"No Go caches to seed: {result.Message}.");
            else Log.Warning($"Not seeding the Go caches: {result.Message}. Building without them.");
        }, ct);
    }

    /// <summary>Exports when <c>--go-cache</c> is set; a failed export is a warning and leaves the folder as it was.</summary>
    protected internal async Task ExportGoCacheAsync(CancellationToken ct)
    {
        // BuildChanged exports after its builds; ExportGoCache in the same run would only repeat that.
        if (GoCacheFolder is not { } folder || goCacheExported) return;
        await NeverFailingAsync("exporting the Go caches to " + folder.Path, async () =>
        {
            var (transfer, key) = await GoCacheTransferAsync(ct);
            var result = await transfer.ExportAsync(folder, key, ct);
            goCacheExported = result.Exported;
            if (result.Manifest is { } manifest)
                Log.Information($"{result.Message} ({Reports.BuildReportTable.Size(manifest.SizeBytes)}; key: {manifest.Key})");
            else
                Log.Warning(result.Message);
        }, ct);
    }

    /// <summary>The Go caches only ever speed a build up: an engine or disk problem with them is a warning, not a failure.</summary>
    static async Task NeverFailingAsync(string what, Func<Task> step, CancellationToken ct)
    {
        try
        {
            await step();
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            Log.Warning($"{what} failed, carrying on without: {ExceptionText.Describe(e, Log.IsVerbose)}");
        }
    }

    /// <summary>The transfer runs in the newest Go's builder image; the key names every Go version's builder image.</summary>
    async Task<(GoCacheTransfer Transfer, GoCacheKey Key)> GoCacheTransferAsync(CancellationToken ct)
    {
        var versions = GoMinorVersions();
        var identities = new List<string>();
        foreach (var version in versions)
            identities.Add(await GoCacheTransfer.BuilderIdentityAsync(Docker, (await BuilderImageFor(version, ct)).Reference, version, ct));
        var platforms = Platform.Length > 0 ? Platform : [await GoCacheTransfer.EnginePlatformAsync(Docker, ct)];
        var builder = await BuilderImageFor(versions[0], ct);
        var transfer = new GoCacheTransfer(Docker, builder.Reference, Path.Combine(TemporaryDirectory, "go-cache")).WithBuilder(Builder);
        return (transfer, GoCacheKey.For(identities, platforms));
    }
}
