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
        using var repository = RunRepository.At(directory);
        return Find(repository);
    }

    /// <summary>The HEAD commit of <paramref name="repository"/>; null outside git or before the first commit.</summary>
    public static GitHead? Find(RunRepository repository) => repository.Read(repo =>
        repo.Head.Tip is { } tip ? new GitHead(tip.Sha, tip.Committer.When) : null, null);
}
