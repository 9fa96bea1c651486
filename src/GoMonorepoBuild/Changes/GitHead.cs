using LibGit2Sharp;

namespace GoMonorepoBuild.Changes;

/// <summary>
/// The commit a run builds from: its sha names image tags and its time becomes SOURCE_DATE_EPOCH, so the same
/// commit gives the same image on any machine.
/// </summary>
public sealed record GitHead(string Sha, DateTimeOffset CommitTime)
{
    public string ShortSha => Sha[..12];

    /// <summary>The HEAD commit of the repository holding <paramref name="directory"/>; null outside git or before the first commit.</summary>
    public static GitHead? Find(string directory)
    {
        var gitDir = Repository.Discover(directory);
        if (gitDir is null) return null;
        using var repo = new Repository(gitDir);
        var tip = repo.Head.Tip;
        return tip is null ? null : new GitHead(tip.Sha, tip.Committer.When);
    }
}
