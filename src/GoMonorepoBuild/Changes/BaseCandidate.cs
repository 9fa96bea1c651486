namespace GoMonorepoBuild.Changes;

/// <summary>
/// One way to find the base: a revision to take as is, or a ref whose merge-base with HEAD is the base.
/// <see cref="IsNull"/> marks the CI's "no previous commit" (all zeros), which is skipped with a note.
/// </summary>
public sealed record BaseCandidate(BaseSource Source, string Revision, bool MergeBaseWithHead, string Origin)
{
    public bool IsNull => Revision.Length > 0 && Revision.All(c => c == '0');

    public string Describe() => MergeBaseWithHead ? $"merge-base of HEAD and {Revision} ({Origin})" : $"{Revision} ({Origin})";
}
