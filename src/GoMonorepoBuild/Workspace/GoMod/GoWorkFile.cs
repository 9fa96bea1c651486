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
    public static GoWorkFile Parse(string text, string file) => GoWorkParser.Parse(text, file);
}
