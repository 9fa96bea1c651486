namespace GoMonorepoBuild.Buildx;

/// <summary>
/// The readable log of one build: written through to the log file as it arrives (so it can be followed while the
/// build runs) and its last lines kept for the outcome. Safe to write from the stdout and stderr readers at once.
/// </summary>
sealed class BuildLog : IDisposable
{
    const int TailLines = 40;

    readonly Lock _lock = new();
    readonly Queue<string> _tail = new();
    readonly StreamWriter? _file;
    readonly Dictionary<int, string> _firstGoErrorOfVertex = [];
    string? _goError;

    public BuildLog(string? path)
    {
        if (path is null) return;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _file = new StreamWriter(path, append: false) { AutoFlush = true, NewLine = "\n" };
    }

    public void Write(IEnumerable<string> lines)
    {
        lock (_lock)
            foreach (var line in lines)
            {
                _file?.WriteLine(line);
                NoteGoError(line);
                _tail.Enqueue(line);
                if (_tail.Count > TailLines) _tail.Dequeue();
            }
    }

    public void Write(string line) => Write([line]);

    public string Tail()
    {
        lock (_lock) return string.Join('\n', _tail);
    }

    /// <summary>The last line buildx itself printed as an error (<c>ERROR: ...</c>), if any.</summary>
    public string? LastError()
    {
        lock (_lock) return _tail.LastOrDefault(l => l.StartsWith("ERROR", StringComparison.Ordinal));
    }

    /// <summary>The first Go error line (see <see cref="GoErrorLine"/>) printed by the first step that failed, if any.</summary>
    public string? GoError()
    {
        lock (_lock) return _goError;
    }

    void NoteGoError(string line)
    {
        if (_goError is not null) return;
        if (GoErrorLine.Parse(line) is var (vertex, text)) _firstGoErrorOfVertex.TryAdd(vertex, text);
        else if (GoErrorLine.FailedVertex(line) is { } failed) _goError = _firstGoErrorOfVertex.GetValueOrDefault(failed);
    }

    public string LastLine()
    {
        lock (_lock) return _tail.LastOrDefault(l => l.Trim().Length > 0) ?? "(no output)";
    }

    public void Dispose()
    {
        lock (_lock) _file?.Dispose();
    }
}
