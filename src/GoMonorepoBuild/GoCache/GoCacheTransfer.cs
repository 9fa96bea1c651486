using GoMonorepoBuild.Buildx;
using GoMonorepoBuild.Engine;

namespace GoMonorepoBuild.GoCache;

/// <summary>
/// Seeds and exports the Go cache mounts of one engine through buildx, with the builder image the services build
/// FROM. Neither step can fail a build: what goes wrong comes back as a result whose text says why.
/// </summary>
/// <param name="Engine">The engine (and its build network, normally "none": the steps need no network).</param>
/// <param name="BuilderImage">The image whose Go wrote the caches; also what the steps run in (busybox tar).</param>
/// <param name="WorkDirectory">Where the steps' Dockerfiles, logs and the exported archive are written before the folder gets them.</param>
public sealed record GoCacheTransfer(DockerEnvironment Engine, string BuilderImage, string WorkDirectory)
{
    /// <summary>The buildx builder instance (<c>--builder</c>); null uses the engine's own.</summary>
    public string? Builder { get; init; }

    public GoCacheTransfer WithBuilder(string? builder) => this with { Builder = builder };

    /// <summary>A builder image's identity in the key: its Go version and <see cref="BuilderIdentity"/>.</summary>
    public static async Task<string> BuilderIdentityAsync(DockerEnvironment engine, string image, string goMinorVersion, CancellationToken cancellationToken) =>
        $"go{goMinorVersion} {await BuilderIdentity.OfAsync(engine, image, cancellationToken)}";

    /// <summary>The engine's own platform (e.g. <c>linux/amd64</c>), for the key of builds that name none.</summary>
    public static async Task<string> EnginePlatformAsync(DockerEnvironment engine, CancellationToken cancellationToken) =>
        (await engine.Api().VersionAsync(cancellationToken)).Platform;

    /// <summary>Unpacks the folder's archive into the cache mounts when it fits <paramref name="key"/>.</summary>
    public async Task<GoCacheSeedResult> SeedAsync(GoCacheFolder folder, GoCacheKey key, CancellationToken cancellationToken)
    {
        var check = await folder.CheckAsync(key, cancellationToken);
        if (!check.Usable) return new GoCacheSeedResult(false, check.Why, null) { NothingCarried = check.Empty };
        var dockerfile = Write("seed.Dockerfile", GoCacheDockerfiles.Seed(BuilderImage));
        // The folder is the build context: send the archive only, whatever else a CI cache step put beside it.
        Write("seed.Dockerfile.dockerignore", $"*\n!{GoCacheFolder.ArchiveName}\n");
        var outcome = await BuildAsync(new BuildxBuild("go-cache-seed", dockerfile, folder.Path).WithOutput("type=cacheonly"), "seed", cancellationToken);
        return outcome.Succeeded
            ? new GoCacheSeedResult(true, $"seeded the Go caches from {check.Why} in {outcome.Duration.TotalSeconds:0.0} s", outcome)
            : new GoCacheSeedResult(false, $"seeding the Go caches from {folder.ArchivePath} failed: {outcome.Error} (log {outcome.LogFile})", outcome);
    }

    /// <summary>Writes the cache mounts' content into the folder as a new archive and manifest for <paramref name="key"/>.</summary>
    public async Task<GoCacheExportResult> ExportAsync(GoCacheFolder folder, GoCacheKey key, CancellationToken cancellationToken)
    {
        var dockerfile = Write("export.Dockerfile", GoCacheDockerfiles.Export(BuilderImage));
        var output = Path.Combine(WorkDirectory, "export-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var empty = Directory.CreateDirectory(Path.Combine(WorkDirectory, "empty-context")).FullName;
            var outcome = await BuildAsync(new BuildxBuild("go-cache-export", dockerfile, empty).WithOutput($"type=local,dest={output}"), "export", cancellationToken);
            var archive = Path.Combine(output, GoCacheFolder.ArchiveName);
            if (!outcome.Succeeded || !File.Exists(archive))
                return new GoCacheExportResult(null, $"exporting the Go caches failed: {outcome.Error ?? "buildx wrote no archive"} (log {outcome.LogFile}); {folder.Path} keeps what it had", outcome);
            var manifest = await folder.StoreAsync(archive, key, DateTimeOffset.UtcNow, cancellationToken);
            return new GoCacheExportResult(manifest, $"exported the Go caches to {folder.ArchivePath} in {outcome.Duration.TotalSeconds:0.0} s", outcome);
        }
        finally
        {
            if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        }
    }

    string Write(string name, string text)
    {
        Directory.CreateDirectory(WorkDirectory);
        var path = Path.Combine(WorkDirectory, name);
        File.WriteAllText(path, text);
        return path;
    }

    Task<BuildOutcome> BuildAsync(BuildxBuild build, string step, CancellationToken cancellationToken) =>
        new BuildxDriver(Engine).BuildAsync(build
            .WithNetwork(Engine.BuildNetwork)
            .WithBuilder(Builder)
            .WithBuildArg(GoCacheDockerfiles.CacheBustArg, Guid.NewGuid().ToString("N"))
            .WithLogFile(Path.Combine(WorkDirectory, $"{step}.log")), cancellationToken);
}
