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

    /// <summary><c>tool</c> lines (Go 1.24): packages <c>go tool</c> runs; they do not change what a service builds.</summary>
    public IReadOnlyList<ModPathDirective> Tools { get; init; } = [];

    /// <summary><c>ignore</c> lines (Go 1.25): folders left out of package patterns such as ./...; imports still reach them.</summary>
    public IReadOnlyList<ModPathDirective> Ignores { get; init; } = [];

    /// <summary>Directives this parser does not know, each as "file:line:col: ..." (the rest of the file is still read).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public static GoModFile Parse(string text, string file) => GoModParser.Parse(text, file);

    /// <summary>The replacement Go applies to <paramref name="path"/>: a version-specific one wins over a path-wide one.</summary>
    public ModReplacement? ReplacementFor(string path, string? version) =>
        Replaces.FirstOrDefault(r => r.OldPath == path && r.OldVersion is not null && r.OldVersion == version)
        ?? Replaces.FirstOrDefault(r => r.OldPath == path && r.OldVersion is null);
}
