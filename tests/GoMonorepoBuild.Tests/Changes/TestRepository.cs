using LibGit2Sharp;

namespace GoMonorepoBuild.Tests.Changes;

/// <summary>A real git repository in a temp folder, written and committed through LibGit2Sharp.</summary>
public sealed class TestRepository : IDisposable
{
    static int clock;

    public TestRepository()
    {
        Repository.Init(Root);
        using var repo = Open();
        repo.Config.Set("core.autocrlf", false);
    }

    public string Root { get; } = Directory.CreateTempSubdirectory("gmb-git-").FullName;

    public Repository Open() => new(Root);

    public string Full(string path) => Path.Combine(Root, path);

    public TestRepository Write(string path, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Full(path))!);
        File.WriteAllText(Full(path), content);
        return this;
    }

    public TestRepository Delete(string path)
    {
        if (Directory.Exists(Full(path))) Directory.Delete(Full(path), recursive: true);
        else File.Delete(Full(path));
        return this;
    }

    public TestRepository Move(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Full(to))!);
        if (Directory.Exists(Full(from))) Directory.Move(Full(from), Full(to));
        else File.Move(Full(from), Full(to));
        return this;
    }

    /// <summary>Stages everything (deletions included) and commits; returns the sha.</summary>
    public string Commit(string message = "change")
    {
        using var repo = Open();
        Commands.Stage(repo, "*");
        var when = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(Interlocked.Increment(ref clock));
        var signature = new Signature("Test", "test@example.com", when);
        return repo.Commit(message, signature, signature, new CommitOptions { AllowEmptyCommit = true }).Sha;
    }

    public void Stage(string path)
    {
        using var repo = Open();
        Commands.Stage(repo, path);
    }

    public void Branch(string name, string? at = null)
    {
        using var repo = Open();
        var branch = repo.CreateBranch(name, at ?? repo.Head.Tip.Sha);
        Commands.Checkout(repo, branch);
    }

    public void Checkout(string committish)
    {
        using var repo = Open();
        Commands.Checkout(repo, committish);
    }

    /// <summary>Merges <paramref name="branch"/> into the current branch with a merge commit.</summary>
    public string Merge(string branch)
    {
        using var repo = Open();
        var signature = new Signature("Test", "test@example.com", DateTimeOffset.UtcNow);
        var result = repo.Merge(repo.Branches[branch], signature, new MergeOptions { FastForwardStrategy = FastForwardStrategy.NoFastForward });
        return result.Commit.Sha;
    }

    public string HeadSha
    {
        get
        {
            using var repo = Open();
            return repo.Head.Tip.Sha;
        }
    }

    public void Dispose()
    {
        try
        {
            foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
                File.SetAttributes(file, FileAttributes.Normal);
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
