using System.Formats.Tar;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;

namespace GoMonorepoBuild.Engine;

/// <summary>
/// A <c>docker load</c> archive of a one-layer image whose every byte is fixed by its inputs: the image config has a
/// fixed creation time and a fixed field order, so two machines loading the same layer and settings get the same
/// image id. <c>docker import</c> stamps the time of day into the config instead, and BuildKit keys a build's first
/// step on the base image's digest, not on its layers: runners that imported the same layer never shared a cache hit.
/// </summary>
/// <param name="Tag">The name the loaded image gets, e.g. <c>gomonorepobuild/go:1.23</c>.</param>
/// <param name="Env">The image's environment, <c>NAME=value</c> each.</param>
/// <param name="WorkingDir">The image's working directory.</param>
/// <param name="Labels">The image's labels.</param>
public sealed record SingleLayerImageArchive(
    string Tag, IReadOnlyList<string> Env, string WorkingDir, IReadOnlyDictionary<string, string> Labels)
{
    /// <summary>What the config says of its creation: the epoch, as reproducible builds do (SOURCE_DATE_EPOCH=0).</summary>
    const string Created = "1970-01-01T00:00:00Z";

    static readonly DateTimeOffset Epoch = DateTimeOffset.UnixEpoch;

    /// <summary>The config's JSON for a layer with this diff id (the sha256 of the uncompressed layer tar).</summary>
    public byte[] ConfigJson(string layerDiffId)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("architecture", ImageArchitecture());
            json.WriteString("os", "linux");
            json.WriteString("created", Created);
            json.WriteStartObject("config");
            json.WriteStartArray("Env");
            foreach (var variable in Env) json.WriteStringValue(variable);
            json.WriteEndArray();
            json.WriteString("WorkingDir", WorkingDir);
            json.WriteStartObject("Labels");
            foreach (var (name, value) in Labels.OrderBy(l => l.Key, StringComparer.Ordinal)) json.WriteString(name, value);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartObject("rootfs");
            json.WriteString("type", "layers");
            json.WriteStartArray("diff_ids");
            json.WriteStringValue(layerDiffId);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartArray("history");
            json.WriteStartObject();
            json.WriteString("created", Created);
            json.WriteString("created_by", "GoMonorepoBuild: one layer, loaded with docker load");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return stream.ToArray();
    }

    /// <summary>manifest.json: the one image of the archive, <c>[{"Config","RepoTags","Layers"}]</c> as <c>docker load</c> reads it.</summary>
    byte[] ManifestJson(string configName, string layerName)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartArray();
            json.WriteStartObject();
            json.WriteString("Config", configName);
            json.WriteStartArray("RepoTags");
            json.WriteStringValue(Tag);
            json.WriteEndArray();
            json.WriteStartArray("Layers");
            json.WriteStringValue(layerName);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
        }
        return stream.ToArray();
    }

    /// <summary>
    /// Writes the archive (manifest.json, the config, the layer) for <paramref name="layerTar"/> to
    /// <paramref name="archivePath"/>. A layer ending in <c>.gz</c> is gzip-compressed and stays so in the engine.
    /// </summary>
    public async Task WriteAsync(string layerTar, string archivePath, CancellationToken cancellationToken)
    {
        var compressed = layerTar.EndsWith(".gz", StringComparison.Ordinal);
        var layerName = compressed ? "layer.tar.gz" : "layer.tar";
        string diffId;
        await using (var layer = File.OpenRead(layerTar))
        await using (Stream content = compressed ? new GZipStream(layer, CompressionMode.Decompress) : layer)
            // The diff id is the digest of the uncompressed tar, whatever the blob's compression.
            diffId = "sha256:" + Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken));
        var config = ConfigJson(diffId);
        var configName = Convert.ToHexStringLower(SHA256.HashData(config)) + ".json";
        var manifest = ManifestJson(configName, layerName);

        await using var output = File.Create(archivePath);
        await using var tar = new TarWriter(output, TarEntryFormat.Ustar, leaveOpen: false);
        await WriteEntryAsync(tar, configName, new MemoryStream(config), cancellationToken);
        await using (var layer = File.OpenRead(layerTar))
            await WriteEntryAsync(tar, layerName, layer, cancellationToken);
        await WriteEntryAsync(tar, "manifest.json", new MemoryStream(manifest), cancellationToken);
    }

    static async Task WriteEntryAsync(TarWriter tar, string name, Stream content, CancellationToken cancellationToken)
    {
        // Ustar: no extended headers, whose access and change times would differ between machines.
        var entry = new UstarTarEntry(TarEntryType.RegularFile, name)
        {
            DataStream = content,
            ModificationTime = Epoch,
            Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
        };
        await tar.WriteEntryAsync(entry, cancellationToken);
    }

    /// <summary>The image platform's architecture: the host's, whose loader, libc and Go the layer holds.</summary>
    static string ImageArchitecture() => RuntimeInformation.OSArchitecture switch
    {
        Architecture.X64 => "amd64",
        Architecture.Arm64 => "arm64",
        var other => other.ToString().ToLowerInvariant(),
    };
}
