using GoMonorepoBuild.Workspace;
using LibGit2Sharp;

namespace GoMonorepoBuild.Affected;

/// <summary>
/// The monorepo as a commit holds it (for <c>--head &lt;commit&gt;</c>): read from git's objects directly, because the
/// model's snapshot of a commit writes only the files the Go model reads.
/// </summary>
public sealed class CommitTreeSource(string workingDirectory, string sha, string monorepoPrefix) : ISourceTree, IDisposable
{
    Repository? repository;
    Commit? commit;

    public bool Exists(string path) => Entry(path) is not null;

    public string? ReadText(string path) => Entry(path)?.Target is Blob blob ? blob.GetContentText() : null;

    TreeEntry? Entry(string path)
    {
        repository ??= new Repository(workingDirectory);
        commit ??= repository.Lookup<Commit>(sha) ?? throw new InvalidOperationException($"commit {sha} is not in {workingDirectory}");
        var full = RepoPath.Combine(monorepoPrefix, path);
        return full == "." ? null : commit[full];
    }

    public void Dispose() => repository?.Dispose();
}
