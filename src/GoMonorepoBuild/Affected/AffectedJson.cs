using System.Text;
using System.Text.Json;

namespace GoMonorepoBuild.Affected;

/// <summary>
/// The JSON CI pipelines read (field names are a contract): base, head, changedFiles, services (name, path, reasons of
/// kind/detail/chain), ignoredFiles (path, reason), fallback; plus baseSource, removedServices, notCheckedOut (affected
/// services a sparse checkout left out: name, folders, missingFiles, command) and blockedServices (name, path, problem,
/// problems, affected: services a problem keeps from being analysed). And the CI matrix form:
/// {"include":[{"service":..,"path":..}]}, which holds only services that can be built.
/// </summary>
public static class AffectedJson
{
    static readonly JsonWriterOptions Indented = new() { Indented = true };

    public static string Serialize(AffectedResult result) => Write(Indented, w =>
    {
        w.WriteStartObject();
        w.WriteString("base", result.Base);
        w.WriteString("baseSource", result.BaseSource);
        w.WriteString("head", result.Head);
        Strings(w, "changedFiles", result.ChangedFiles);
        w.WriteStartArray("services");
        foreach (var service in result.Services)
        {
            w.WriteStartObject();
            w.WriteString("name", service.Name);
            w.WriteString("path", service.Path);
            w.WriteStartArray("reasons");
            foreach (var reason in service.Reasons)
            {
                w.WriteStartObject();
                w.WriteString("kind", reason.Kind.ToString());
                w.WriteString("detail", reason.Detail);
                Strings(w, "chain", reason.Chain);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("ignoredFiles");
        foreach (var ignored in result.IgnoredFiles)
        {
            w.WriteStartObject();
            w.WriteString("path", ignored.Path);
            w.WriteString("reason", ignored.Reason);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        Strings(w, "removedServices", result.RemovedServices);
        w.WriteStartArray("notCheckedOut");
        foreach (var service in result.NotCheckedOut)
        {
            w.WriteStartObject();
            w.WriteString("name", service.Name);
            Strings(w, "folders", service.Folders);
            w.WriteNumber("missingFiles", service.MissingFiles);
            w.WriteString("command", service.Command);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("fallback", result.Fallback);
        w.WriteStartArray("blockedServices");
        foreach (var blocked in result.BlockedServices)
        {
            w.WriteStartObject();
            w.WriteString("name", blocked.Name);
            w.WriteString("path", blocked.Path);
            w.WriteString("problem", blocked.Problem);
            Strings(w, "problems", blocked.Problems);
            w.WriteBoolean("affected", blocked.Affected);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });

    public static string Matrix(AffectedResult result) => Write(default, w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("include");
        foreach (var service in result.Services)
        {
            w.WriteStartObject();
            w.WriteString("service", service.Name);
            w.WriteString("path", service.Path);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>Writes atomically (temp file + rename) so a pipeline step never reads half a file.</summary>
    public static void WriteFile(string path, string json) => GoMonorepoBuild.Files.AtomicFile.WriteAllText(path, json + "\n");

    static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values) w.WriteStringValue(value);
        w.WriteEndArray();
    }

    static string Write(JsonWriterOptions options, Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, options)) body(writer);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
