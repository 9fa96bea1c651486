namespace GoMonorepoBuild.Workspace.GoMod;

/// <summary>
/// A <c>replace old [v] => new [v]</c> line. The right side is either a local directory (no version; it starts with
/// ./, ../ or /) or another module at a version.
/// </summary>
public sealed record ModReplacement(string OldPath, string? OldVersion, string NewPath, string? NewVersion, SourcePosition Position)
{
    public bool IsLocal => NewVersion is null;

    /// <summary>Whether this replacement applies to <paramref name="path"/> at <paramref name="version"/> (null: any).</summary>
    public bool Matches(string path, string? version) =>
        OldPath == path && (OldVersion is null || version is null || OldVersion == version);
}
