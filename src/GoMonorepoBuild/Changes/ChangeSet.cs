namespace GoMonorepoBuild.Changes;

/// <summary>
/// The files that differ between <see cref="Base"/> and the head, relative to the repository root.
/// <see cref="Head"/> is a commit sha, or <see cref="WorkTree"/> when uncommitted changes are included.
/// </summary>
public sealed record ChangeSet(ResolvedBase Base, string Head, IReadOnlyList<ChangedFile> Files)
{
    public const string WorkTree = "WORKTREE";

    /// <summary>The commit the working tree sits on (HEAD), for the base model and reports.</summary>
    public string? HeadCommit { get; init; }

    /// <summary>
    /// When the head is the working tree: the paths (relative to the repository root) where the working folder or the
    /// index differs from <see cref="HeadCommit"/>, untracked ones included; HEAD's tree plus these is the working tree.
    /// </summary>
    public IReadOnlyList<string> WorkTreePaths { get; init; } = [];

    /// <summary>What the listing could not say per file, and what to do: a submodule whose old commit is not here.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public ChangeSet WithHeadCommit(string? sha) => this with { HeadCommit = sha };
}
