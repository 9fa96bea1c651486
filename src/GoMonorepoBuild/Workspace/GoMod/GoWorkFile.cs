namespace GoMonorepoBuild.Workspace.GoMod;

/// <summary>A parsed go.work.</summary>
public sealed record GoWorkFile(
    string File,
    string? GoVersion,
    string? Toolchain,
    IReadOnlyList<GodebugSetting> Godebug,
    IReadOnlyList<WorkUse> Uses,
    IReadOnlyList<ModReplacement> Replaces)
{
    /// <summary>Directives this parser does not know, each as "file:line:col: ..." (the rest of the file is still read).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public static GoWorkFile Parse(string text, string file) => GoWorkParser.Parse(text, file);
}
