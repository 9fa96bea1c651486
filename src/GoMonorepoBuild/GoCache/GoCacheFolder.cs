using System.Security.Cryptography;
using GoMonorepoBuild.Files;
using GoMonorepoBuild.Reports;

namespace GoMonorepoBuild.GoCache;

/// <summary>
/// A folder that carries the Go caches between runners (a CI cache folder, a downloaded artifact): one archive of
/// both cache mounts and its manifest. Writes are ordered so that an interrupted export never leaves an archive
/// that a manifest vouches for unless it is complete.
/// </summary>
public sealed record GoCacheFolder(string Path)
{
    public const string ArchiveName = "go-cache.tar";
    public const string ManifestName = "go-cache.json";

    public string ArchivePath => System.IO.Path.Combine(Path, ArchiveName);
    public string ManifestPath => System.IO.Path.Combine(Path, ManifestName);

    /// <summary>Reads the manifest and verifies the archive against it and against <paramref name="wanted"/>.</summary>
    public async Task<GoCacheCheck> CheckAsync(GoCacheKey wanted, CancellationToken cancellationToken)
    {
        if (!File.Exists(ManifestPath))
            return GoCacheCheck.Nothing(Directory.Exists(Path)
                ? $"{ManifestPath} does not exist (no Go cache was exported into {Path} yet)"
                : $"{Path} does not exist (no Go cache was carried to this runner yet)");
        GoCacheManifest manifest;
        try
        {
            manifest = GoCacheManifest.Parse(await File.ReadAllTextAsync(ManifestPath, cancellationToken));
        }
        catch (FormatException e)
        {
            return GoCacheCheck.Skip($"{ManifestPath} is not a Go cache manifest: {e.Message}");
        }
        if (manifest.Key.DifferenceFrom(wanted) is { } difference)
            return GoCacheCheck.Skip($"{ArchivePath} does not fit this run: {difference}");
        if (!File.Exists(ArchivePath))
            return GoCacheCheck.Skip($"{ArchivePath} is missing although {ManifestPath} describes it");
        var size = new FileInfo(ArchivePath).Length;
        if (size != manifest.SizeBytes)
            return GoCacheCheck.Skip($"{ArchivePath} has {size} bytes, its manifest says {manifest.SizeBytes} (truncated or replaced)");
        var sha = await Sha256Async(ArchivePath, cancellationToken);
        if (sha != manifest.Sha256)
            return GoCacheCheck.Skip($"{ArchivePath} does not match the SHA-256 in {ManifestPath} (corrupt or replaced)");
        return GoCacheCheck.Use(manifest, $"{ArchivePath} ({BuildReportTable.Size(size)}, exported {manifest.CreatedAt:yyyy-MM-dd HH:mm} UTC)");
    }

    /// <summary>
    /// Moves a freshly exported <paramref name="archive"/> into the folder and writes its manifest. The old manifest
    /// goes first and the new one last, so a crash in between leaves no manifest (nothing is seeded) rather than an
    /// old manifest beside a new or half-moved archive.
    /// </summary>
    public async Task<GoCacheManifest> StoreAsync(string archive, GoCacheKey key, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path);
        // Whole seconds: what the manifest's JSON holds, so the returned manifest equals the one read back.
        var seconds = new DateTimeOffset(createdAt.UtcTicks - createdAt.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        var manifest = new GoCacheManifest(key, await Sha256Async(archive, cancellationToken), new FileInfo(archive).Length, seconds);
        File.Delete(ManifestPath);
        AtomicFile.Copy(archive, ArchivePath);
        AtomicFile.WriteAllText(ManifestPath, manifest.ToJson());
        return manifest;
    }

    static async Task<string> Sha256Async(string file, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }
}
