namespace GoMonorepoBuild.Changes;

/// <summary>
/// One file that differs between base and head, relative to the repository root with forward slashes.
/// A rename keeps both sides because each side can be an input of different services.
/// </summary>
public sealed record ChangedFile(string Path, ChangeKind Kind, string? OldPath = null)
{
    public static ChangedFile Added(string path) => new(path, ChangeKind.Added);
    public static ChangedFile Modified(string path) => new(path, ChangeKind.Modified);
    public static ChangedFile Deleted(string path) => new(path, ChangeKind.Deleted);
    public static ChangedFile Renamed(string oldPath, string newPath) => new(newPath, ChangeKind.Renamed, oldPath);

    /// <summary>The path at the base revision, when the file existed there.</summary>
    public string? BasePath => Kind switch
    {
        ChangeKind.Added => null,
        ChangeKind.Renamed => OldPath,
        _ => Path,
    };

    /// <summary>The path at the head, when the file exists there.</summary>
    public string? HeadPath => Kind == ChangeKind.Deleted ? null : Path;

    /// <summary>Both sides, base first: what a list of changed paths reports.</summary>
    public IEnumerable<string> Paths => Kind == ChangeKind.Renamed ? [OldPath!, Path] : [Path];

    /// <summary>The same change seen from a subfolder; null when neither side lies inside it.</summary>
    public ChangedFile? RelativeTo(string folder)
    {
        if (folder == ".") return this;
        var prefix = folder + "/";
        string? Strip(string? p) => p is not null && p.StartsWith(prefix, StringComparison.Ordinal) ? p[prefix.Length..] : null;
        var head = Strip(HeadPath);
        var @base = Strip(BasePath);
        return (@base, head) switch
        {
            (null, null) => null,
            (null, { } h) => Added(h),
            ({ } b, null) => Deleted(b),
            ({ } b, { } h) when b == h => Modified(h),
            ({ } b, { } h) => Renamed(b, h),
        };
    }
}
