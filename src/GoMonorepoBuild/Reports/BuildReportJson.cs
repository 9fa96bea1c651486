using GoMonorepoBuild.Files;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GoMonorepoBuild.Reports;

/// <summary>Reads and writes build-report.json (camelCase, statuses in lower case, indented, stable field order).</summary>
public static class BuildReportJson
{
    public const string DefaultRelativePath = ".nuke/temp/reports/build-report.json";

    // The source-generated metadata (ReportJsonContext) with options an attribute cannot express (the encoder).
    internal static readonly ReportJsonContext Json = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        // Plain '&', '<' and quotes in step names and logs: the file is read by people and CI scripts, never inlined in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter<ServiceStatus>(JsonNamingPolicy.CamelCase) },
    });

    public static string Serialize(BuildReport report) => JsonSerializer.Serialize(report, Json.BuildReport);

    /// <summary>The report in <paramref name="json"/>, without the null entries <see cref="ReportCleanup"/> drops.</summary>
    public static BuildReport Deserialize(string json) => Deserialize(json, out _);

    /// <summary>The report in <paramref name="json"/>; <paramref name="dropped"/> names the null entries left out (see <see cref="ReportCleanup"/>).</summary>
    public static BuildReport Deserialize(string json, out IReadOnlyList<string> dropped) =>
        Cleaned(JsonSerializer.Deserialize(json, Json.BuildReport), out dropped);

    /// <summary>The report in the UTF-8 <paramref name="utf8Json"/> (a file's bytes, read without decoding them to a string first).</summary>
    static BuildReport Deserialize(ReadOnlySpan<byte> utf8Json, out IReadOnlyList<string> dropped) =>
        Cleaned(JsonSerializer.Deserialize(utf8Json, Json.BuildReport), out dropped);

    /// <summary>
    /// The report in a file's <paramref name="bytes"/>, read as from File.ReadAllText's text but without making it: valid
    /// UTF-8 (a byte order mark skipped) is parsed as it is; anything else (a UTF-16 or UTF-32 mark, an invalid byte,
    /// which the text reader replaces) is decoded to a string first, as before.
    /// </summary>
    static BuildReport Read(byte[] bytes, out IReadOnlyList<string> dropped)
    {
        ReadOnlySpan<byte> utf8 = bytes;
        if (utf8.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) utf8 = utf8[3..];
        var otherMark = utf8.Length < bytes.Length ? false
            : utf8.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || utf8.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
              || utf8.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]);
        if (!otherMark && System.Text.Unicode.Utf8.IsValid(utf8)) return Deserialize(utf8, out dropped);
        using var reader = new StreamReader(new MemoryStream(bytes), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Deserialize(reader.ReadToEnd(), out dropped);
    }

    static BuildReport Cleaned(BuildReport? read, out IReadOnlyList<string> dropped)
    {
        var report = read ?? throw new JsonException("build report JSON is empty");
        var list = new List<string>();
        report = ReportCleanup.Clean(report, list);
        dropped = list;
        return report;
    }

    /// <summary>Writes atomically (temp file + rename) so a reader never sees half a report. Any path (e.g. --report).</summary>
    public static void Write(BuildReport report, string path) => AtomicFile.Write(path, stream =>
    {
        // The same bytes as Serialize(report) + "\n" in UTF-8, serialized into the file as they are made.
        JsonSerializer.Serialize(stream, report, Json.BuildReport);
        stream.WriteByte((byte)'\n');
    });

    /// <summary>
    /// The report at <paramref name="path"/> (the previous run's, before this run overwrites it), or null when there
    /// is none or it cannot be read; then <paramref name="problem"/> says why in words (null when simply absent), so
    /// the caller can warn: comparing with the previous build is a help, never a reason to fail the build.
    /// </summary>
    public static BuildReport? TryRead(string path, out string? problem)
    {
        problem = null;
        if (!File.Exists(path)) return null;
        try
        {
            var report = Read(File.ReadAllBytes(path), out var dropped);
            if (dropped.Count > 0)
                problem = $"the previous build report {path} has entries that cannot be used, left out of this run's comparisons " +
                          $"and of its report: {string.Join(", ", dropped.Take(5))}{(dropped.Count > 5 ? $" and {dropped.Count - 5} more" : "")}";
            return report;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            problem = $"the previous build report {path} could not be read ({e.Message}); time saved and what changed " +
                      "are not compared this run (delete the file if it keeps happening)";
            return null;
        }
    }
}
