namespace GoMonorepoBuild.Changes;

/// <summary>
/// The base the changes are measured from and how it was chosen, e.g. (MergeBase, "3f2c…", "merge-base of HEAD and origin/main").
/// <see cref="Sha"/> is null only for <see cref="BaseSource.NoBase"/>.
/// </summary>
public sealed record ResolvedBase(BaseSource Source, string? Sha, string How)
{
    /// <summary>Notes on candidates passed over on the way (a null "before" sha, an unset variable), for the report.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public ResolvedBase WithNotes(IReadOnlyList<string> notes) => this with { Notes = notes };

    public override string ToString() => Sha is null ? $"no base ({How})" : $"{Sha[..Math.Min(12, Sha.Length)]} ({How})";
}
