namespace GoMonorepoBuild.Workspace.GoMod;

/// <summary>
/// Directives this parser does not know (a newer Go's, or a typo): the go command of that newer version accepts them,
/// so the model is built from what is understood and each unknown verb earns one warning naming file:line.
/// </summary>
internal sealed class UnknownDirectives(string file, string known)
{
    // The first statement of each unknown verb, kept as statements (classes) and sorted with a comparison: sorting and
    // LINQ over a dictionary of SourcePosition structs was JIT-compiled in every run, for every go.mod, even with no
    // unknown directive (BENCHMARKS.md, "JIT-compiled methods by call site").
    private readonly HashSet<string> _verbs = new(StringComparer.Ordinal);
    private readonly List<ModStatement> _first = [];

    public void Add(ModStatement s)
    {
        if (_verbs.Add(s.Verb)) _first.Add(s);
    }

    public IReadOnlyList<string> Warnings
    {
        get
        {
            var byPosition = new List<ModStatement>(_first);
            byPosition.Sort((a, b) => a.Position.Line != b.Position.Line
                ? a.Position.Line.CompareTo(b.Position.Line)
                : a.Position.Column.CompareTo(b.Position.Column));
            var warnings = new List<string>(byPosition.Count);
            foreach (var s in byPosition)
                warnings.Add($"{file}:{s.Position}: unknown directive '{s.Verb}' ignored ({known}): " +
                             "the model is built from the rest; a newer Go may need it, so check the go directive and this tool's version");
            return warnings;
        }
    }
}
