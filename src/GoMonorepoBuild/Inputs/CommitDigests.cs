using GoMonorepoBuild.Changes;
using GoMonorepoBuild.Workspace;
using LibGit2Sharp;

namespace GoMonorepoBuild.Inputs;

/// <summary>
/// Digests of the monorepo's files as a commit has them: the blob ids of its tree, no file read (a revision copy of the
/// tree holds placeholders for files the model only needs to exist, so it cannot be hashed). A link is followed inside
/// the commit's tree as the working tree would follow it; one leading out of the monorepo is an
/// <see cref="OutsideMonorepoException"/>. The values equal <see cref="ContentDigests"/>' for the same content.
/// </summary>
public sealed class CommitDigests : IFileDigests, IDisposable
{
    const int MaxLinkHops = 40;

    readonly RunRepository repository;
    readonly bool owned;
    readonly ObjectId treeId;
    readonly string prefix;
    readonly string sha;

    CommitDigests(RunRepository repository, bool owned, ObjectId treeId, string prefix, string sha)
    {
        this.repository = repository;
        this.owned = owned;
        this.treeId = treeId;
        this.prefix = prefix;
        this.sha = sha;
    }

    /// <summary>
    /// Digests of the files under <paramref name="monorepoRoot"/> (inside a git work tree) at <paramref name="revision"/>;
    /// the repository stays open until disposed.
    /// </summary>
    public static CommitDigests For(string monorepoRoot, string revision)
    {
        var repository = RunRepository.At(Path.GetFullPath(monorepoRoot));
        try
        {
            return For(repository, monorepoRoot, revision, owned: true);
        }
        catch
        {
            repository.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Digests of the files under <paramref name="monorepoRoot"/> at <paramref name="revision"/> of the run's
    /// <paramref name="repository"/>, which stays open when these are disposed.
    /// </summary>
    public static CommitDigests For(RunRepository repository, string monorepoRoot, string revision) =>
        For(repository, monorepoRoot, revision, owned: false);

    static CommitDigests For(RunRepository repository, string monorepoRoot, string revision, bool owned)
    {
        var root = Path.GetFullPath(monorepoRoot);
        if (!repository.Exists)
            throw new ArgumentException(
                $"{root} is not inside a git repository: digests at a revision need one (run git init, or hash the working tree)", nameof(monorepoRoot));
        return repository.Use(repo =>
        {
            var workDir = repo.Info.WorkingDirectory ?? throw new ArgumentException($"{repo.Info.Path} is bare: digests need a work tree", nameof(monorepoRoot));
            var commit = repo.Lookup<Commit>(revision) ?? throw new ArgumentException(
                $"the revision '{revision}' is not a commit of {workDir}: pass a commit, branch or tag that exists there", nameof(revision));
            var prefix = RepoPath.FromSystem(Path.TrimEndingDirectorySeparator(workDir), root);
            return new CommitDigests(repository, owned, commit.Tree.Id, prefix, commit.Sha);
        });
    }

    public void Dispose()
    {
        if (owned) repository.Dispose();
    }

    public string Of(string relativePath) => repository.Use(repo => Of(repo.Lookup<Tree>(treeId), relativePath));

    string Of(Tree tree, string relativePath)
    {
        var path = relativePath.Replace('\\', '/');
        for (var hop = 0; hop <= MaxLinkHops; hop++)
        {
            var (entry, resolved) = Walk(tree, path, relativePath);
            if (entry is null)
                throw new FileNotFoundException($"The image input {relativePath} does not exist at commit {sha[..12]}.", relativePath);
            if (entry.Mode != Mode.SymbolicLink)
                return entry.TargetType == TreeEntryTargetType.Blob ? entry.Target.Sha
                    : throw new IOException($"The image input {relativePath} is a folder at commit {sha[..12]}, not a file.");
            path = Inside(RepoPath.Parent(resolved), LinkText(entry, resolved), relativePath, resolved);
        }
        throw new IOException($"The image input {relativePath} at commit {sha[..12]} is a chain of more than {MaxLinkHops} links.");
    }

    /// <summary>The entry at <paramref name="path"/>, following links met on its folders; with the path it was found at.</summary>
    (TreeEntry? Entry, string Path) Walk(Tree tree, string path, string asked)
    {
        var segments = new Queue<string>(path.Split('/'));
        var current = ".";
        for (var hop = 0; segments.TryDequeue(out var segment);)
        {
            var next = RepoPath.Combine(current, segment);
            var entry = tree[prefix == "." ? next : prefix + "/" + next];
            if (entry is null) return (null, next);
            if (segments.Count == 0) return (entry, next);
            if (entry.Mode != Mode.SymbolicLink) { current = next; continue; }
            if (++hop > MaxLinkHops) throw new IOException($"The image input {asked} at commit {sha[..12]} goes through more than {MaxLinkHops} links.");
            var target = Inside(current, LinkText(entry, next), asked, next);
            segments = new Queue<string>([.. (target == "." ? [] : target.Split('/')), .. segments]);
            current = ".";
        }
        return (null, path);
    }

    string Inside(string dir, string target, string asked, string link)
    {
        var resolved = target.StartsWith('/') ? null : RepoPath.Resolve(dir, target);
        return resolved ?? throw new OutsideMonorepoException(asked, link, target);
    }

    string LinkText(TreeEntry entry, string link) =>
        BlobContent.Text((Blob)entry.Target, repository.WorkingDirectory, () => $"the link {link} at {sha[..12]}");
}
