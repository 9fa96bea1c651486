namespace GoMonorepoBuild.Workspace.GoMod;

/// <summary>
/// One token; <see cref="Text"/> is the unquoted value for strings and the text after // for comments. A class, not a
/// struct: the lists and LINQ over tokens then run the framework's precompiled shared code instead of being JIT-compiled
/// in every run (BENCHMARKS.md, "JIT-compiled methods by call site").
/// </summary>
internal sealed record ModToken(ModTokenKind Kind, string Text, SourcePosition Position)
{
    /// <summary>Words and quoted strings are the values a directive takes.</summary>
    public bool IsValue => Kind is ModTokenKind.Word or ModTokenKind.String;

    public string Describe() => Kind switch
    {
        ModTokenKind.Word => $"'{Text}'",
        ModTokenKind.String => $"\"{Text}\"",
        ModTokenKind.Newline => "end of line",
        ModTokenKind.End => "end of file",
        ModTokenKind.Comment => "comment",
        _ => $"'{Text}'",
    };
}
