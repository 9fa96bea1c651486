using LibGit2Sharp;

namespace GoMonorepoBuild.Tests.Support;

/// <summary>
/// examples/monorepo (or another fixture folder) copied into a fresh git repository in a temp folder, committed once, for
/// tests that edit it.
/// </summary>
public sealed class ExampleRepositoryCopy : IDisposable
{
    static readonly Signature Author = new("test", "test@example.com", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public ExampleRepositoryCopy(string? from = null)
    {
        Root = Directory.CreateTempSubdirectory("gmb-example-").FullName;
        CopyTree(from ?? RealBuild.ExampleMonorepo, Root);
        Repository.Init(Root);
        Commit(from is null ? "example monorepo" : "fixture monorepo");
    }

    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public void Append(string relative, string text) => File.AppendAllText(PathOf(relative), text);

    public string Commit(string message)
    {
        using var repo = new Repository(Root);
        Commands.Stage(repo, "*");
        return repo.Commit(message, Author, Author, new CommitOptions { AllowEmptyCommit = true }).Sha;
    }

    static void CopyTree(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
