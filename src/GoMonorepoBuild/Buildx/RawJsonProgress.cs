using System.Text;
using System.Text.Json;

namespace GoMonorepoBuild.Buildx;

/// <summary>
/// Reads the <c>--progress=rawjson</c> stream of <c>docker buildx build</c> (on stderr): JSON objects (buildx 0.13
/// indents each over many lines) with <c>vertexes[]</c> (digest, inputs, name, started, completed, cached, error)
/// and <c>logs[]</c> (base64 output of a vertex).
/// A vertex shows up in several objects as it progresses, so vertices are merged by digest. Fed line by line, it also
/// renders a readable log in the style of <c>--progress=plain</c> (<c>#n name</c>, <c>#n output</c>, <c>#n DONE 1.2s</c>);
/// lines that are not JSON (buildx's own <c>ERROR: ...</c>) pass through unchanged.
/// </summary>
internal sealed class RawJsonProgress
{
    readonly List<string> _order = [];
    readonly Dictionary<string, VertexState> _vertices = new(StringComparer.Ordinal);
    readonly JsonObjectSplitter _splitter = new();
    int _announced;

    /// <summary>The instruction step (see <see cref="BuildStep.IsInstruction"/>) that started last, for live progress.</summary>
    public string? LastStartedStep { get; private set; }

    /// <summary>Parses a whole captured stream into its steps (see <see cref="Steps"/>). Pure.</summary>
    public static IReadOnlyList<BuildStep> Parse(IEnumerable<string> lines)
    {
        var progress = new RawJsonProgress();
        foreach (var line in lines) progress.Feed(line);
        return progress.Steps;
    }

    /// <summary>
    /// The vertices merged by digest, in dependency order (each after its inputs; otherwise in order of first
    /// appearance), which for a Dockerfile is its stages' instruction order whatever order BuildKit reported them in.
    /// Vertices with the same name are one step too: when builds run side by side BuildKit merges their identical
    /// work and reports the merged vertex, under its other digest, to every build sharing it. Such a step counts as
    /// cached only if every vertex of that name that finished was.
    /// </summary>
    public IReadOnlyList<BuildStep> Steps
    {
        get
        {
            var ordered = new List<BuildStep>(_order.Count);
            var byName = new Dictionary<string, int>(StringComparer.Ordinal);
            var visited = new HashSet<string>(StringComparer.Ordinal);
            void Visit(string digest)
            {
                if (!_vertices.TryGetValue(digest, out var state) || !visited.Add(digest)) return;
                foreach (var input in state.Inputs) Visit(input);
                var step = state.ToStep(digest);
                if (byName.TryGetValue(step.Name, out var index))
                    ordered[index] = Merge(ordered[index], step);
                else
                {
                    byName[step.Name] = ordered.Count;
                    ordered.Add(step);
                }
            }
            foreach (var digest in _order) Visit(digest);
            return ordered;
        }
    }

    static BuildStep Merge(BuildStep first, BuildStep twin) => first with
    {
        Cached = first.Completed is null ? twin.Cached
            : twin.Completed is null ? first.Cached
            : first.Cached && twin.Cached,
        Started = Earliest(first.Started, twin.Started),
        Completed = first.Completed is { } a && twin.Completed is { } b ? (a > b ? a : b) : first.Completed ?? twin.Completed,
        Error = first.Error ?? twin.Error,
    };

    static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is { } x && b is { } y ? (x < y ? x : y) : a ?? b;

    /// <summary>Takes one line of the stream and returns the readable log lines it produces.</summary>
    public IReadOnlyList<string> Feed(string line)
    {
        var output = new List<string>();
        if (line.Trim().Length == 0) return output;
        if (_splitter.Feed(line) is not var (text, isJson)) return output;
        if (!isJson || !TryParse(text, out var document))
        {
            output.AddRange(text.TrimEnd('\n').Split('\n'));
            return output;
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return output;
            if (root.TryGetProperty("vertexes", out var vertexes) && vertexes.ValueKind == JsonValueKind.Array)
                foreach (var vertex in vertexes.EnumerateArray())
                    MergeVertex(vertex, output);
            if (root.TryGetProperty("logs", out var logs) && logs.ValueKind == JsonValueKind.Array)
                foreach (var log in logs.EnumerateArray())
                    AppendLog(log, output);
        }
        return output;
    }

    /// <summary>Returns the log lines still held back (output of a vertex that ended without a newline).</summary>
    public IReadOnlyList<string> Flush()
    {
        var output = new List<string>();
        if (_splitter.Rest() is { } unfinished) output.AddRange(unfinished.TrimEnd('\n').Split('\n'));
        foreach (var digest in _order)
            FlushPartial(_vertices[digest], output);
        return output;
    }

    void MergeVertex(JsonElement vertex, List<string> output)
    {
        if (String(vertex, "digest") is not { } digest) return;
        if (!_vertices.TryGetValue(digest, out var state))
        {
            state = new VertexState();
            _vertices[digest] = state;
            _order.Add(digest);
        }
        if (String(vertex, "name") is { Length: > 0 } name) state.Name = name;
        if (vertex.TryGetProperty("inputs", out var inputs) && inputs.ValueKind == JsonValueKind.Array)
            foreach (var input in inputs.EnumerateArray())
                if (input.GetString() is { } digestOfInput && !state.Inputs.Contains(digestOfInput))
                    state.Inputs.Add(digestOfInput);
        state.Started ??= Time(vertex, "started");
        var wasDone = state.Completed is not null || state.Error is not null;
        if (Time(vertex, "completed") is { } completed) state.Completed = completed;
        if (vertex.TryGetProperty("cached", out var cached) && cached.ValueKind == JsonValueKind.True) state.Cached = true;
        if (String(vertex, "error") is { Length: > 0 } error) state.Error = error;

        // Like --progress=plain: a vertex enters the log when it starts, not when BuildKit first announces it
        // (the whole graph is announced up front, and steps after a failure never start).
        if (state.Started is not null || state.Completed is not null) Announce(state, output);
        if (wasDone || (state.Completed is null && state.Error is null)) return;
        FlushPartial(state, output);
        output.Add(state.Error is not null ? $"#{state.Number} ERROR: {state.Error}"
            : state.Cached ? $"#{state.Number} CACHED"
            : $"#{state.Number} DONE {Seconds(state)}");
    }

    void Announce(VertexState state, List<string> output)
    {
        if (state.Number is not null) return;
        state.Number = ++_announced;
        if (BuildStep.IsInstruction(state.Name)) LastStartedStep = state.Name;
        output.Add($"#{state.Number} {state.Name}");
    }

    void AppendLog(JsonElement log, List<string> output)
    {
        if (String(log, "vertex") is not { } digest || !_vertices.TryGetValue(digest, out var state)) return;
        if (!log.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.String) return;
        if (!data.TryGetBytesFromBase64(out var bytes)) return;
        Announce(state, output);
        state.Partial.Append(Encoding.UTF8.GetString(bytes));
        var text = state.Partial.ToString();
        var lastNewline = text.LastIndexOf('\n');
        if (lastNewline < 0) return;
        foreach (var l in text[..lastNewline].Split('\n'))
            output.Add($"#{state.Number} {l.TrimEnd('\r')}");
        state.Partial.Clear().Append(text[(lastNewline + 1)..]);
    }

    static void FlushPartial(VertexState state, List<string> output)
    {
        if (state.Partial.Length == 0) return;
        output.Add($"#{state.Number} {state.Partial.ToString().TrimEnd('\r')}");
        state.Partial.Clear();
    }

    static string Seconds(VertexState state) =>
        state.Started is { } s && state.Completed is { } c
            ? (c - s).TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "s"
            : "";

    static bool TryParse(string json, out JsonDocument document)
    {
        try
        {
            document = JsonDocument.Parse(json);
            return true;
        }
        catch (JsonException)
        {
            document = null!;
            return false;
        }
    }

    static string? String(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    static DateTimeOffset? Time(JsonElement element, string property)
    {
        if (!element.TryGetProperty(property, out var value) || value.ValueKind != JsonValueKind.String) return null;
        if (value.TryGetDateTimeOffset(out var time)) return time;
        return DateTimeOffset.TryParse(value.GetString(), System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.RoundtripKind, out time) ? time : null;
    }

    sealed class VertexState
    {
        public int? Number { get; set; }
        public string Name { get; set; } = "";
        public DateTimeOffset? Started { get; set; }
        public DateTimeOffset? Completed { get; set; }
        public bool Cached { get; set; }
        public string? Error { get; set; }
        public StringBuilder Partial { get; } = new();
        public List<string> Inputs { get; } = [];

        public BuildStep ToStep(string digest) =>
            new(digest, Name, Cached, Started, Completed, Error, !BuildStep.IsInstruction(Name));
    }
}
