using System.Text.Json;

namespace GoMonorepoBuild.Reports;

/// <summary>
/// history.jsonl: one JSON line per BuildChanged run, appended, so trends (duration, cache hits, time saved) can be
/// plotted across runs. Lines are whole JSON objects; a line that does not parse (a run killed mid-write, or a
/// hand edit) is skipped rather than losing the whole history.
/// </summary>
public static class BuildHistory
{
    public const string DefaultRelativePath = ".nuke/temp/reports/history.jsonl";

    // One line per run: the report's options, not indented.
    static readonly ReportJsonContext Json = new(new JsonSerializerOptions(BuildReportJson.Json.Options) { WriteIndented = false });

    public static string Serialize(HistoryEntry entry) => JsonSerializer.Serialize(entry, Json.HistoryEntry);

    /// <summary>Appends the run's line to <paramref name="path"/>, creating the file and its folder when missing.</summary>
    public static void Append(string path, BuildReport report)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        // Starts on a fresh line even when a killed run left a partial one behind.
        var separator = File.Exists(path) && new FileInfo(path).Length > 0 && !EndsWithNewline(path) ? "\n" : "";
        File.AppendAllText(path, separator + Serialize(HistoryEntry.From(report)) + "\n");
    }

    /// <summary>
    /// The runs in <paramref name="path"/>, oldest first; the last <paramref name="last"/> only when given, read from
    /// the file's end (<see cref="FileTail"/>) so the report does not parse every run the history ever recorded.
    /// </summary>
    public static IReadOnlyList<HistoryEntry> Read(string path, int? last = null)
    {
        if (!File.Exists(path)) return [];
        if (last is not { } n) return Parse(File.ReadLines(path));
        // Broken lines are dropped, so a tail of n lines may hold fewer runs: read further back until it does not.
        for (var lines = n; ; lines *= 2)
        {
            var tail = FileTail.Read(path, lines);
            var entries = Parse(tail.Lines);
            if (entries.Count >= n || tail.WholeFile)
                return entries.Count > n ? entries[^n..] : entries;
        }
    }

    internal static List<HistoryEntry> Parse(IEnumerable<string> lines)
    {
        var entries = new List<HistoryEntry>();
        foreach (var line in lines)
        {
            if (line.Trim().Length == 0) continue;
            try
            {
                // Valid JSON can still hold nulls where a run is expected (a hand edit, another tool): such a line is dropped too.
                if (JsonSerializer.Deserialize(line, Json.HistoryEntry) is { Services: not null } entry
                    && entry.Services.All(s => s is { Name: not null } && Enum.IsDefined(s.Status)))
                    entries.Add(entry);
            }
            catch (JsonException)
            {
                // See the type's remark: a broken line is dropped, the rest of the history stays usable.
            }
        }
        return entries;
    }

    static bool EndsWithNewline(string path)
    {
        using var stream = File.OpenRead(path);
        stream.Seek(-1, SeekOrigin.End);
        return stream.ReadByte() == '\n';
    }
}
