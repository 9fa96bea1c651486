using System.Text.Json;

namespace GoMonorepoBuild.Ci;

/// <summary>
/// Reads what the Affected target wrote: either its matrix (<c>{"include":[{"service","path"}]}</c>) or its full JSON
/// (<c>{"services":[{"name","path",...}]}</c>), so CI steps can take whichever file is at hand.
/// </summary>
public static class AffectedMatrix
{
    public static IReadOnlyList<AffectedService> Read(string file)
    {
        if (!File.Exists(file))
            throw new FileNotFoundException(
                $"The affected services file {file} does not exist: run ./build.sh Affected --output {file} first.", file);
        try
        {
            return Parse(File.ReadAllText(file));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{file} is not the JSON the Affected target writes: {e.Message}", e);
        }
    }

    public static IReadOnlyList<AffectedService> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("include", out var include))
            return Services(include, "service");
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("services", out var services))
            return Services(services, "name");
        throw new JsonException("expected an object with \"include\" (--format matrix) or \"services\" (--format json)");
    }

    /// <summary>The matrix JSON on one line (<c>{"include":[...]}</c>), the form a GitHub output holds.</summary>
    public static string ToMatrixJson(IEnumerable<AffectedService> services) =>
        JsonSerializer.Serialize(new MatrixDocument(services.Select(s => new MatrixEntry(s.Name, s.Path)).ToList()),
            CiJsonContext.Default.MatrixDocument);

    static IReadOnlyList<AffectedService> Services(JsonElement array, string nameProperty)
    {
        if (array.ValueKind != JsonValueKind.Array) throw new JsonException($"expected an array of services");
        return array.EnumerateArray().Select(item => new AffectedService(
                String(item, nameProperty),
                item.TryGetProperty("path", out var path) && path.ValueKind == JsonValueKind.String ? path.GetString()! : ""))
            .ToList();
    }

    static string String(JsonElement item, string property) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new JsonException($"a service entry has no \"{property}\" string: {item.GetRawText()}");
}
