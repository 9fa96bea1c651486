using System.Text.Json;

namespace GoMonorepoBuild.Targets;

/// <summary>
/// <c>.nuke/parameters.json</c> or <c>.nuke/parameters.&lt;profile&gt;.json</c>: parameter names to values, each value read
/// as the words the command line would have given (arrays as several words).
/// </summary>
internal sealed record ParametersFile(string Path, IReadOnlyDictionary<string, IReadOnlyList<string>> Values)
{
    public static string PathFor(string rootDirectory, string? profile) =>
        System.IO.Path.Combine(rootDirectory, ".nuke", profile is null ? "parameters.json" : $"parameters.{profile}.json");

    /// <summary>The file, or null when it does not exist.</summary>
    public static ParametersFile? Read(string path)
    {
        if (!File.Exists(path)) return null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path),
                new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new UsageException($"{path} is not valid JSON: {e.Message}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new UsageException($"{path} must hold a JSON object of parameter names to values.");
            var values = new Dictionary<string, IReadOnlyList<string>>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name == "$schema" || property.Value.ValueKind == JsonValueKind.Null) continue;
                values[property.Name] = property.Value.ValueKind == JsonValueKind.Array
                    ? property.Value.EnumerateArray().Select(e => Word(e, path, property.Name)).ToList()
                    : [Word(property.Value, path, property.Name)];
            }
            return new ParametersFile(path, values);
        }
    }

    static string Word(JsonElement element, string path, string name) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString()!,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => element.GetRawText(),
        _ => throw new UsageException($"{path}: \"{name}\" must be a string, number, bool or array of those, not {element.ValueKind}."),
    };
}
