namespace GoMonorepoBuild.Workspace.GoMod;

/// <summary>
/// Directives this parser does not know (a newer Go's, or a typo): the go command of that newer version accepts them,
/// so the model is built from what is understood and each unknown verb earns one warning naming file:line.
/// </summary>
internal sealed class UnknownDirectives(string file, string known)
{
    private readonly Dictionary<string, SourcePosition> _first = new(StringComparer.Ordinal);

    public void Add(ModStatement s) => _first.TryAdd(s.Verb, s.Position);

    public IReadOnlyList<string> Warnings => _first
        .OrderBy(kv => kv.Value.Line).ThenBy(kv => kv.Value.Column)
        .Select(kv => $"{file}:{kv.Value}: unknown directive '{kv.Key}' ignored ({known}): " +
                      "the model is built from the rest; a newer Go may need it, so check the go directive and this tool's version")
        .ToList();
}
