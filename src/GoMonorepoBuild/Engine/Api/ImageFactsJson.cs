using System.Text.Json;

namespace GoMonorepoBuild.Engine.Api;

/// <summary>
/// An image inspection's JSON (the engine's <c>GET /images/{name}/json</c>, which <c>docker image inspect</c> prints
/// as it is) read into <see cref="ImageFacts"/>: one reading for the CLI's answer and the socket's.
/// </summary>
internal static class ImageFactsJson
{
    public static ImageFacts Parse(string json)
    {
        using var document = JsonDocument.Parse(json.Trim());
        var image = document.RootElement;
        var config = image.ValueKind == JsonValueKind.Object && image.TryGetProperty("Config", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
        var size = image.ValueKind == JsonValueKind.Object && image.TryGetProperty("Size", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt64() : 0;
        return new ImageFacts(Text(image, "Id"), List(image, "RepoTags") ?? [], Labels(config), size)
        {
            Layers = image.ValueKind == JsonValueKind.Object && image.TryGetProperty("RootFS", out var rootFs) ? List(rootFs, "Layers") ?? [] : [],
            // Null stays apart from an empty list: the builder identity tells them apart, as the CLI's JSON did.
            Env = List(config, "Env"),
            WorkingDir = Text(config, "WorkingDir"),
            Entrypoint = List(config, "Entrypoint"),
            Cmd = List(config, "Cmd"),
        };
    }

    public static string Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : "";

    static List<string>? List(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Select(v => v.GetString() ?? "").ToList()
            : null;

    static Dictionary<string, string> Labels(JsonElement config) =>
        config.ValueKind == JsonValueKind.Object && config.TryGetProperty("Labels", out var labels) && labels.ValueKind == JsonValueKind.Object
            ? labels.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
}
