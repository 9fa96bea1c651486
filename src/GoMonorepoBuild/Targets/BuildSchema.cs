using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace GoMonorepoBuild.Targets;

/// <summary>
/// <c>.nuke/build.schema.json</c>: the parameters (types, enum values, descriptions) and target names, so editors complete
/// <c>parameters.json</c>. Written only when its content changes, and only where <c>.nuke/</c> exists.
/// </summary>
internal static class BuildSchema
{
    public static string Generate(IReadOnlyList<ParameterDescriptor> parameters, IReadOnlyList<ExecutableTarget> targets)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "http://json-schema.org/draft-07/schema#");
            json.WriteString("title", "Build parameters");
            json.WriteString("type", "object");
            json.WriteStartObject("properties");
            json.WriteStartObject("$schema");
            json.WriteString("type", "string");
            json.WriteEndObject();
            var names = targets.Where(t => t.Listed).Select(t => t.Name).ToList();
            WriteTargetList(json, "Target", "Targets to run when none is named on the command line", names);
            WriteTargetList(json, "Skip", "Targets to skip", names);
            foreach (var parameter in parameters)
            {
                json.WriteStartObject(parameter.Name);
                if (parameter.Description.Length > 0) json.WriteString("description", parameter.Description);
                WriteType(json, parameter.Type);
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteBoolean("additionalProperties", false);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>Writes the schema if <c>.nuke/</c> exists and the content differs; returns whether it wrote.</summary>
    public static bool Update(string rootDirectory, string schema)
    {
        var folder = Path.Combine(rootDirectory, ".nuke");
        if (!Directory.Exists(folder)) return false;
        var path = Path.Combine(folder, "build.schema.json");
        if (File.Exists(path) && File.ReadAllText(path) == schema) return false;
        File.WriteAllText(path, schema);
        return true;
    }

    static void WriteTargetList(Utf8JsonWriter json, string name, string description, IReadOnlyList<string> targets)
    {
        json.WriteStartObject(name);
        json.WriteString("description", description);
        json.WriteString("type", "array");
        json.WriteStartObject("items");
        json.WriteString("type", "string");
        WriteEnum(json, targets);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    static void WriteType(Utf8JsonWriter json, Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying.IsArray)
        {
            json.WriteString("type", "array");
            json.WriteStartObject("items");
            WriteType(json, underlying.GetElementType()!);
            json.WriteEndObject();
            return;
        }
        json.WriteString("type", underlying == typeof(bool) ? "boolean"
            : underlying == typeof(int) || underlying == typeof(long) ? "integer"
            : underlying == typeof(double) ? "number"
            : "string");
        if (underlying.IsEnum) WriteEnum(json, Enum.GetNames(underlying));
    }

    static void WriteEnum(Utf8JsonWriter json, IEnumerable<string> values)
    {
        json.WriteStartArray("enum");
        foreach (var value in values) json.WriteStringValue(value);
        json.WriteEndArray();
    }
}
