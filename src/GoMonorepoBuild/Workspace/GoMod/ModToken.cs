namespace GoMonorepoBuild.Workspace.GoMod;

/// <summary>One token; <see cref="Text"/> is the unquoted value for strings and the text after // for comments.</summary>
internal readonly record struct ModToken(ModTokenKind Kind, string Text, SourcePosition Position)
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
