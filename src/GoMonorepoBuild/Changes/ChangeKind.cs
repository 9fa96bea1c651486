namespace GoMonorepoBuild.Changes;

/// <summary>How a file differs between the base and the head.</summary>
public enum ChangeKind
{
    Added,
    Modified,
    Deleted,
    /// <summary>Moved: <see cref="ChangedFile.OldPath"/> is the base side, <see cref="ChangedFile.Path"/> the head side.</summary>
    Renamed,
}
