using System.Text.Json;
using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.Building;

/// <summary>build-report.json of a test's run, by service name.</summary>
static class BuildReportFile
{
    public static Dictionary<string, JsonElement> Read(RealBuild build)
    {
        Assert.True(File.Exists(build.ReportFile), $"no report at {build.ReportFile}");
        using var doc = JsonDocument.Parse(File.ReadAllText(build.ReportFile));
        return doc.RootElement.GetProperty("services").EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.Clone());
    }

    public static string Status(this JsonElement service) => service.GetProperty("status").GetString()!;

    public static string Text(this JsonElement service, string property) =>
        service.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
}
