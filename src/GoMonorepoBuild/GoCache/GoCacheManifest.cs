using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GoMonorepoBuild.GoCache;

/// <summary>
/// The JSON beside a carried Go cache archive: the key it was made for and the archive's SHA-256 and size, so a
/// runner can tell a usable archive from a stale, truncated or foreign one before unpacking it.
/// </summary>
public sealed record GoCacheManifest(GoCacheKey Key, string Sha256, long SizeBytes, DateTimeOffset CreatedAt)
{
    public string ToJson() => new JsonObject
    {
        ["format"] = Key.Format,
        ["builderImages"] = new JsonArray([.. Key.BuilderImages.Select(b => JsonValue.Create(b))]),
        ["platforms"] = new JsonArray([.. Key.Platforms.Select(p => JsonValue.Create(p))]),
        ["archive"] = GoCacheFolder.ArchiveName,
        ["sha256"] = Sha256,
        ["sizeBytes"] = SizeBytes,
        ["createdAt"] = CreatedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
    }.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";

    /// <summary>The manifest in <paramref name="json"/>; a <see cref="FormatException"/> says what is wrong with it.</summary>
    public static GoCacheManifest Parse(string json)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json) as JsonObject ?? throw new FormatException("it is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new FormatException($"it is not valid JSON ({e.Message})", e);
        }
        try
        {
            var key = new GoCacheKey(Required(root, "format").GetValue<int>(), [], [])
                .WithBuilderImages(Strings(root, "builderImages"))
                .WithPlatforms(Strings(root, "platforms"));
            var sha = Required(root, "sha256").GetValue<string>();
            if (sha.Length != 64 || !sha.All(Uri.IsHexDigit)) throw new FormatException($"\"sha256\" is not a SHA-256 digest: '{sha}'");
            var created = DateTimeOffset.Parse(Required(root, "createdAt").GetValue<string>(), CultureInfo.InvariantCulture);
            return new GoCacheManifest(key, sha.ToLowerInvariant(), Required(root, "sizeBytes").GetValue<long>(), created);
        }
        catch (InvalidOperationException e)
        {
            throw new FormatException($"a field has the wrong type ({e.Message})", e);
        }
    }

    static JsonNode Required(JsonObject root, string name) =>
        root[name] ?? throw new FormatException($"\"{name}\" is missing");

    static IEnumerable<string> Strings(JsonObject root, string name) =>
        (Required(root, name) as JsonArray ?? throw new FormatException($"\"{name}\" is not an array"))
        .Select(n => n?.GetValue<string>() ?? throw new FormatException($"\"{name}\" holds a null"));
}
