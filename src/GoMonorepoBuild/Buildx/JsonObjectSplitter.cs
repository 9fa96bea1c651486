namespace GoMonorepoBuild.Buildx;

/// <summary>
/// Cuts a line stream into whole JSON objects. buildx prints each rawjson object indented over many lines and
/// mixes in plain lines (its final <c>ERROR: ...</c>), so objects are found by brace depth, outside strings.
/// </summary>
sealed class JsonObjectSplitter
{
    readonly System.Text.StringBuilder _buffer = new();
    int _depth;
    bool _inString;
    bool _escaped;

    /// <summary>Takes a line; returns a complete object's text, a plain line, or null while an object is still open.</summary>
    public (string Text, bool IsJson)? Feed(string line)
    {
        if (_buffer.Length == 0 && !line.TrimStart().StartsWith('{'))
            return (line, false);
        _buffer.Append(line).Append('\n');
        foreach (var c in line)
        {
            if (_escaped) _escaped = false;
            else if (_inString) { if (c == '\\') _escaped = true; else if (c == '"') _inString = false; }
            else if (c == '"') _inString = true;
            else if (c == '{') _depth++;
            else if (c == '}') _depth--;
        }
        if (_depth > 0) return null;
        return (Take(), true);
    }

    /// <summary>Whatever is left of an object that never closed (a stream cut short).</summary>
    public string? Rest() => _buffer.Length == 0 ? null : Take();

    string Take()
    {
        var text = _buffer.ToString();
        _buffer.Clear();
        _depth = 0;
        _inString = _escaped = false;
        return text;
    }
}
