using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;

namespace GoMonorepoBuild.Tests.Dockerfiles;

/// <summary>
/// Reads an OCI image layout tarball (buildx <c>--output type=oci,dest=...</c>): the platforms of its index and
/// the files of a platform's image, enough to check what a multi-platform build produced without a registry.
/// </summary>
public sealed class OciLayout
{
    readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    public OciLayout(string tarPath)
    {
        using var reader = new TarReader(File.OpenRead(tarPath));
        while (reader.GetNextEntry() is { } entry)
        {
            if (entry.DataStream is null) continue;
            using var copy = new MemoryStream();
            entry.DataStream.CopyTo(copy);
            _files[entry.Name.TrimStart('.', '/')] = copy.ToArray();
        }
    }

    JsonElement Json(byte[] bytes) => JsonDocument.Parse(bytes).RootElement;

    byte[] Blob(string digest) => _files["blobs/" + digest.Replace(':', '/')];

    /// <summary>The manifests of the image: through an index when the top-level entry is one.</summary>
    public IReadOnlyList<(string Platform, string Digest)> Manifests()
    {
        var top = Json(_files["index.json"]).GetProperty("manifests")[0];
        var root = top.GetProperty("mediaType").GetString()!.Contains("index")
            ? Json(Blob(top.GetProperty("digest").GetString()!)).GetProperty("manifests").EnumerateArray().ToList()
            : [top];
        return root
            .Where(m => m.TryGetProperty("platform", out var p) && p.GetProperty("os").GetString() != "unknown")
            .Select(m => ($"{m.GetProperty("platform").GetProperty("os").GetString()}/{m.GetProperty("platform").GetProperty("architecture").GetString()}",
                m.GetProperty("digest").GetString()!))
            .ToList();
    }

    /// <summary>A file of the image a manifest describes, from the last layer that has it.</summary>
    public byte[]? FileOf(string manifestDigest, string path)
    {
        byte[]? found = null;
        foreach (var layer in Json(Blob(manifestDigest)).GetProperty("layers").EnumerateArray())
        {
            using var gzip = new GZipStream(new MemoryStream(Blob(layer.GetProperty("digest").GetString()!)), CompressionMode.Decompress);
            using var reader = new TarReader(gzip);
            while (reader.GetNextEntry() is { } entry)
            {
                if (entry.Name.TrimStart('.', '/') != path.TrimStart('/') || entry.DataStream is null) continue;
                using var copy = new MemoryStream();
                entry.DataStream.CopyTo(copy);
                found = copy.ToArray();
            }
        }
        return found;
    }
}
