using System.Text.Json;

namespace GoMonorepoBuild.Buildx;

/// <summary>What buildx's <c>--metadata-file</c> says about the built image.</summary>
public sealed record BuildMetadata(string? ImageDigest, string? ImageName, string? BuildRef)
{
    public static BuildMetadata None { get; } = new(null, null, null);

    /// <summary>Reads the metadata JSON (<c>containerimage.digest</c>, <c>image.name</c>, <c>buildx.build.ref</c>). Pure.</summary>
    public static BuildMetadata Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        string? Read(string name) =>
            root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        return new BuildMetadata(Read("containerimage.digest"), Read("image.name"), Read("buildx.build.ref"));
    }

    /// <summary>The metadata in <paramref name="path"/>, or <see cref="None"/> when buildx wrote none.</summary>
    public static BuildMetadata ReadFile(string path)
    {
        if (!File.Exists(path)) return None;
        var text = File.ReadAllText(path);
        try
        {
            return text.Trim().Length == 0 ? None : Parse(text);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The buildx metadata file '{path}' is not valid JSON: {e.Message}", e);
        }
    }
}
