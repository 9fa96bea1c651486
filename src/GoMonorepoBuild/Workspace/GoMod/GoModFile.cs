namespace GoMonorepoBuild.Workspace.GoMod;

/// <summary>A parsed go.mod. <see cref="File"/> is the path errors and reports name (relative to the monorepo root).</summary>
public sealed record GoModFile(
    string File,
    string ModulePath,
    string? GoVersion,
    string? Toolchain,
    IReadOnlyList<GodebugSetting> Godebug,
    IReadOnlyList<ModRequirement> Requires,
    IReadOnlyList<ModuleVersion> Excludes,
    IReadOnlyList<ModReplacement> Replaces,
    IReadOnlyList<ModRetraction> Retracts)
{
    /// <summary>Where the module directive stands, for errors about the module path.</summary>
    public SourcePosition ModulePosition { get; init; } = new(1, 1);

    public static GoModFile Parse(string text, string file) => GoModParser.Parse(text, file);

    /// <summary>The replacement Go applies to <paramref name="path"/>: a version-specific one wins over a path-wide one.</summary>
    public ModReplacement? ReplacementFor(string path, string? version) =>
        Replaces.FirstOrDefault(r => r.OldPath == path && r.OldVersion is not null && r.OldVersion == version)
        ?? Replaces.FirstOrDefault(r => r.OldPath == path && r.OldVersion is null);
}
