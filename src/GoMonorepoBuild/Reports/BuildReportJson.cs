using System.Text.Json;
using System.Text.Json.Serialization;

namespace GoMonorepoBuild.Reports;

/// <summary>Reads and writes build-report.json (camelCase, statuses in lower case, indented, stable field order).</summary>
public static class BuildReportJson
{
    public const string DefaultRelativePath = ".nuke/temp/reports/build-report.json";

    static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Serialize(BuildReport report) => JsonSerializer.Serialize(report, Options);

    public static BuildReport Deserialize(string json) =>
        JsonSerializer.Deserialize<BuildReport>(json, Options)
        ?? throw new JsonException("build report JSON is empty");

    /// <summary>Writes atomically (temp file + rename) so a reader never sees half a report.</summary>
    public static void Write(BuildReport report, string path)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        var temp = path + ".tmp";
        File.WriteAllText(temp, Serialize(report) + "\n");
        File.Move(temp, path, overwrite: true);
    }
}
