using GoMonorepoBuild.Changes;
using GoMonorepoBuild.Workspace;
using LibGit2Sharp;

namespace GoMonorepoBuild.Affected;

/// <summary>
/// The monorepo as a commit holds it (for <c>--head &lt;commit&gt;</c>): read from git's objects directly, because the
/// model's snapshot of a commit writes only the files the Go model reads.
/// </summary>
public sealed class CommitTreeSource : ISourceTree, IDisposable
{
    readonly RunRepository repository;
    readonly bool owned;
    readonly string sha;
    readonly string monorepoPrefix;

    /// <summary>The commit <paramref name="sha"/> of the repository at <paramref name="workingDirectory"/>, opened on first read, closed when disposed.</summary>
    public CommitTreeSource(string workingDirectory, string sha, string monorepoPrefix)
        : this(RunRepository.At(workingDirectory), sha, monorepoPrefix, owned: true) { }

    /// <summary>The commit <paramref name="sha"/> of the run's <paramref name="repository"/>, which stays open when this is disposed.</summary>
    public CommitTreeSource(RunRepository repository, string sha, string monorepoPrefix)
        : this(repository, sha, monorepoPrefix, owned: false) { }

    CommitTreeSource(RunRepository repository, string sha, string monorepoPrefix, bool owned)
    {
        this.repository = repository;
        this.sha = sha;
        this.monorepoPrefix = monorepoPrefix;
        this.owned = owned;
    }

    public bool Exists(string path) => repository.Use(repo => Entry(repo, path) is not null);

    public string? ReadText(string path) => repository.Use(repo =>
        Entry(repo, path)?.Target is Blob blob ? BlobContent.Text(blob, repo.Info.WorkingDirectory, () => $"{path} at {sha[..12]}") : null);

    public IReadOnlyList<string>? Names(string path) => repository.Use(repo =>
    {
        var tree = RepoPath.Combine(monorepoPrefix, path) == "." ? Commit(repo).Tree : Entry(repo, path)?.Target as Tree;
        return (IReadOnlyList<string>)(tree?.Select(e => e.Name).ToList() ?? []);
    });

    Commit Commit(Repository repo) =>
        repo.Lookup<Commit>(sha) ?? throw new InvalidOperationException($"commit {sha} is not in {repo.Info.WorkingDirectory}");

    /// <summary>The entry at <paramref name="path"/>; looked up in each use, as the repository's objects stay inside it.</summary>
    TreeEntry? Entry(Repository repo, string path)
    {
        var commit = Commit(repo);
        var full = RepoPath.Combine(monorepoPrefix, path);
        return full == "." ? null : commit[full];
    }

    public void Dispose()
    {
        if (owned) repository.Dispose();
    }
}
